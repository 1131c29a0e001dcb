import type { LabelKey } from '../model/labels.js';
import type { OutputChoice } from '../model/outputs.js';
import { escapeHtml as escape } from '../render/markdown.js';
import type { DeckPage } from './slides.js';
import type { Question, RoomSlide } from './state.js';
import { QUESTION_MAX } from './state.js';
import { type RoomText, scriptTextBlock } from './text.js';
import { type PageTiming, pageTimingBlock } from './timing.js';

/** A PDF an attendee may take home; its name is said by the page in the deck's language. */
export interface Download {
  file: string;
  kind: OutputChoice;
  /** What the room calls it (the table of outputs' `room.takeHome.label`). */
  label: LabelKey;
  /** The role a fact sheet is about (from its file name). */
  role?: string | undefined;
  bytes: number;
}

/** What the audience page shows when it is served (it also works without JavaScript). */
export interface AudienceView {
  deck: DeckPage;
  slide: RoomSlide;
  results: { counts: number[]; total: number; closed: boolean } | undefined;
  mine: number | undefined;
  questions: Question[];
  downloads: Download[];
  /** A line to show above the slide (a vote counted, a question refused). */
  flash?: string | undefined;
  /** The script's waits, from the room's options. */
  timing: PageTiming;
}

/** The audience's page: the current slide as text, the poll, the questions, the downloads. */
export function audiencePage(v: AudienceView): string {
  const { deck } = v;
  const { labels } = deck.text;
  return page(deck, escape(deck.title), 'audience', [
    '<header class="room-bar">',
    `<p class="room-live" id="room-status" role="status">${escape(labels.roomLive)}</p>`,
    `<nav class="room-pager" id="room-pager" aria-label="${escape(labels.roomSlides)}" hidden>`,
    `<button type="button" id="room-prev">${escape(labels.roomPrevious)}</button>`,
    `<button type="button" id="room-next">${escape(labels.roomNext)}</button>`,
    `<button type="button" id="room-live">${escape(labels.roomBackToLive)}</button>`,
    '</nav></header>',
    '<main id="room-main">',
    v.flash ? `<p class="room-flash" role="alert">${escape(v.flash)}</p>` : '',
    slideArticle(deck.text, v.slide, v.results, v.mine),
    '</main>',
    questionsSection(deck.text, v.questions),
    downloadsSection(deck.text, v.downloads),
    scriptTextBlock(deck.text.audienceScript()),
    pageTimingBlock(v.timing),
    '<script src="/room/audience.js"></script>',
  ]);
}

/** One slide as the reading view shows it (also sent to the page's script as HTML). */
export function slideArticle(
  text: RoomText,
  slide: RoomSlide,
  results: AudienceView['results'],
  mine: number | undefined,
): string {
  return [
    `<article id="room-slide" class="room-slide room-${escape(slide.kind)}" data-index="${slide.index}" aria-live="polite">`,
    slide.html,
    slide.poll ? pollForm(text, slide.poll, results, mine) : '',
    '</article>',
  ].join('\n');
}

function pollForm(
  text: RoomText,
  poll: NonNullable<RoomSlide['poll']>,
  results: AudienceView['results'],
  mine: number | undefined,
): string {
  const { labels } = text;
  const closed = results?.closed === true;
  const total = results?.total ?? 0;
  const options = poll.options
    .map((label, i) => {
      const count = results?.counts[i] ?? 0;
      const id = `room-opt-${i}`;
      return [
        '<li>',
        closed
          ? `<span id="${id}">${escape(label)}</span>`
          : `<input type="radio" name="option" value="${i}" id="${id}"${mine === i ? ' checked' : ''} required> <label for="${id}">${escape(label)}</label>`,
        `<progress max="${Math.max(1, total)}" value="${count}" aria-labelledby="${id}"></progress>`,
        `<span class="room-count">${escape(text.fill(labels.roomVotes, { count }))}</span>`,
        '</li>',
      ].join('');
    })
    .join('\n');
  return [
    `<form class="room-poll" method="post" action="/vote" data-poll="${escape(poll.id)}">`,
    `<input type="hidden" name="poll" value="${escape(poll.id)}">`,
    `<fieldset><legend class="room-visually-hidden">${escape(poll.question)}</legend><ol>${options}</ol></fieldset>`,
    mine !== undefined
      ? `<p class="room-mine">${escape(text.fill(closed ? labels.roomYourVote : labels.roomYourVoteOpen, { option: poll.options[mine] ?? '' }))}</p>`
      : '',
    closed
      ? `<p class="room-closed">${escape(labels.roomPollClosed)}</p>`
      : `<button type="submit">${escape(labels.roomVote)}</button>`,
    '</form>',
  ].join('\n');
}

function questionsSection(text: RoomText, questions: readonly Question[]): string {
  const { labels } = text;
  return [
    '<section class="room-questions" aria-labelledby="room-q-h">',
    `<h2 id="room-q-h">${escape(labels.roomQuestions)}</h2>`,
    '<form method="post" action="/ask" id="room-ask">',
    `<label for="room-q">${escape(text.fill(labels.roomYourQuestion, { count: QUESTION_MAX }))}</label>`,
    `<textarea id="room-q" name="text" maxlength="${QUESTION_MAX}" rows="3" required></textarea>`,
    `<button type="submit">${escape(labels.roomSend)}</button>`,
    '</form>',
    `<ol id="room-question-list">${questions.map((q) => questionItem(text, q)).join('')}</ol>`,
    '</section>',
  ].join('\n');
}

/** A question as plain text: escaped here, and set as textContent by the page's script. */
export function questionItem(text: RoomText, q: Question): string {
  const { labels } = text;
  return [
    `<li class="${q.answered ? 'room-answered' : ''}">`,
    // An attendee writes in any script: the question takes its own direction.
    `<p class="room-q-text" dir="auto">${escape(q.text)}</p>`,
    `<form method="post" action="/upvote"><input type="hidden" name="id" value="${q.id}">`,
    `<button type="submit">${escape(text.fill(labels.roomUpvote, { count: q.upvotes }))}</button></form>`,
    q.answered ? `<span class="room-tag">${escape(labels.roomAnswered)}</span>` : '',
    '</li>',
  ].join('');
}

/** A download's name in the deck's language. */
export function downloadName(text: RoomText, d: Download): string {
  return text.fill(text.labels[d.label], { role: d.role ?? '' });
}

function downloadsSection(text: RoomText, downloads: readonly Download[]): string {
  const { labels } = text;
  const items = downloads
    .map((d) => {
      const size = text.fill(labels.roomFileSize, { size: Math.max(1, Math.round(d.bytes / 1024)) });
      return `<li><a href="/deck/${encodeURIComponent(d.file)}" download>${escape(downloadName(text, d))}</a> <span class="room-size">(${escape(size)})</span></li>`;
    })
    .join('\n');
  return [
    '<section class="room-downloads" aria-labelledby="room-d-h">',
    `<h2 id="room-d-h">${escape(labels.roomDownloads)}</h2>`,
    downloads.length > 0 ? `<ul>${items}</ul>` : `<p>${escape(labels.roomNoDownloads)}</p>`,
    '</section>',
  ].join('\n');
}

/** The presenter's remote: a shell its script fills (it needs the key from the address). */
export function remotePage(deck: DeckPage): string {
  const { labels } = deck.text;
  const title = escape(deck.text.fill(labels.roomRemoteTitle, { title: deck.title }));
  // The arrows point the way the deck goes: in a right-to-left deck the next slide is to the left.
  const [back, forth] = deck.dir === 'rtl' ? ['▶', '◀'] : ['◀', '▶'];
  return page(deck, title, 'remote', [
    '<main id="room-remote">',
    `<h1 class="room-visually-hidden">${title}</h1>`,
    `<p id="room-remote-status" role="status">${escape(labels.roomConnecting)}</p>`,
    `<noscript><p>${escape(labels.roomNeedsScript)}</p></noscript>`,
    '<div class="room-controls">',
    `<button type="button" id="room-r-prev" accesskey="p"><span aria-hidden="true">${back}</span> ${escape(labels.roomPrevious)}</button>`,
    `<button type="button" id="room-r-next" accesskey="n">${escape(labels.roomNext)} <span aria-hidden="true">${forth}</span></button>`,
    '</div>',
    '<p class="room-timer"><span id="room-r-position"></span> · <span id="room-r-timer">0:00</span> <span id="room-r-pace"></span></p>',
    '<h2 id="room-r-current"></h2>',
    '<p class="room-next-title" id="room-r-next-title"></p>',
    `<section aria-labelledby="room-r-notes-h"><h2 id="room-r-notes-h">${escape(labels.roomNotes)}</h2><div id="room-r-notes"></div></section>`,
    `<section id="room-r-poll" hidden aria-labelledby="room-r-poll-h"><h2 id="room-r-poll-h">${escape(labels.roomPoll)}</h2><ol id="room-r-results"></ol><button type="button" id="room-r-close"></button></section>`,
    `<section aria-labelledby="room-r-q-h"><h2 id="room-r-q-h">${escape(labels.roomQuestions)}</h2><ol id="room-r-questions"></ol></section>`,
    '</main>',
    scriptTextBlock(deck.text.presenterScript()),
    '<script src="/room/stream.js"></script>',
    '<script src="/room/panels.js"></script>',
    '<script src="/room/remote.js"></script>',
  ]);
}

/** The 501st attendee's page: said plainly, and when to try again. */
export function roomFullPage(deck: DeckPage, max: number): string {
  const { labels } = deck.text;
  return page(deck, escape(labels.roomFull), 'audience', [
    '<main>',
    `<h1>${escape(labels.roomFull)}</h1>`,
    `<p>${escape(deck.text.fill(labels.roomFullText, { count: max }))}</p>`,
    '</main>',
  ]);
}

/**
 * What anyone without the presenter's key gets for the deck (403): where to follow the talk. With
 * the key in its address (`#key=...`, the presenter's), its script trades the key for the deck's
 * cookie and loads the deck again.
 */
export function lockedDeckPage(deck: DeckPage): string {
  const { labels } = deck.text;
  return page(deck, escape(labels.roomDeckLocked), 'audience', [
    '<main>',
    `<h1>${escape(labels.roomDeckLocked)}</h1>`,
    `<p id="room-locked-status" role="status">${escape(labels.roomDeckLockedText)}</p>`,
    `<p><a href="/">${escape(labels.roomBackToTalk)}</a></p>`,
    '</main>',
    '<script src="/room/stream.js"></script>',
    '<script src="/room/unlock.js"></script>',
  ]);
}

/** A plain page for a refused request sent without JavaScript. */
export function messagePage(deck: DeckPage, title: string, text: string): string {
  return page(deck, escape(title), 'audience', [
    '<main>',
    `<h1>${escape(title)}</h1>`,
    `<p>${escape(text)}</p>`,
    `<p><a href="/">${escape(deck.text.labels.roomBackToTalk)}</a></p>`,
    '</main>',
  ]);
}

function page(deck: DeckPage, title: string, kind: string, body: string[]): string {
  return [
    '<!doctype html>',
    `<html lang="${escape(deck.lang)}" dir="${deck.dir}" data-theme="${escape(deck.theme)}">`,
    '<head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="referrer" content="no-referrer">',
    `<title>${title}</title>`,
    '<link rel="icon" href="data:,">',
    '<link rel="stylesheet" href="/room/theme.css">',
    '<link rel="stylesheet" href="/room/room.css">',
    `</head><body class="room-${kind}">`,
    ...body,
    '</body></html>',
  ].join('\n');
}
