import { escapeHtml as escape } from '../render/markdown.js';
import type { DeckPage } from './slides.js';
import type { Question, RoomSlide } from './state.js';

/** The room's own words (its pages' chrome); the slides themselves are in the deck's language. */
export const TEXT = {
  live: 'Live',
  backToLive: 'Back to live',
  previous: 'Previous slide',
  next: 'Next slide',
  vote: 'Vote',
  yourVote: 'Your vote',
  closed: 'This poll is closed.',
  votes: (n: number) => `${n} vote${n === 1 ? '' : 's'}`,
  questions: 'Questions',
  yourQuestion: 'Your question (at most 280 characters)',
  send: 'Send',
  upvote: 'Upvote',
  answered: 'answered',
  downloads: 'Downloads',
  noDownloads: 'No handouts for this talk yet.',
  roomFull: 'The room is full',
} as const;

export interface Download {
  file: string;
  label: string;
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
}

/** The audience's page: the current slide as text, the poll, the questions, the downloads. */
export function audiencePage(v: AudienceView): string {
  const { deck } = v;
  return page(deck, escape(deck.title), 'audience', [
    '<header class="room-bar">',
    `<p class="room-live" id="room-status" role="status">${TEXT.live}</p>`,
    '<nav class="room-pager" id="room-pager" aria-label="Slides" hidden>',
    `<button type="button" id="room-prev">${TEXT.previous}</button>`,
    `<button type="button" id="room-next">${TEXT.next}</button>`,
    `<button type="button" id="room-live">${TEXT.backToLive}</button>`,
    '</nav></header>',
    '<main id="room-main">',
    v.flash ? `<p class="room-flash" role="alert">${escape(v.flash)}</p>` : '',
    slideArticle(v.slide, v.results, v.mine),
    '</main>',
    questionsSection(v.questions),
    downloadsSection(v.downloads),
    '<script src="/room/audience.js"></script>',
  ]);
}

/** One slide as the reading view shows it (also sent to the page's script as HTML). */
export function slideArticle(slide: RoomSlide, results: AudienceView['results'], mine: number | undefined): string {
  return [
    `<article id="room-slide" class="room-slide room-${escape(slide.kind)}" data-index="${slide.index}" aria-live="polite">`,
    slide.html,
    slide.poll ? pollForm(slide.poll, results, mine) : '',
    '</article>',
  ].join('\n');
}

function pollForm(
  poll: NonNullable<RoomSlide['poll']>,
  results: AudienceView['results'],
  mine: number | undefined,
): string {
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
        `<span class="room-count">${escape(TEXT.votes(count))}</span>`,
        '</li>',
      ].join('');
    })
    .join('\n');
  return [
    `<form class="room-poll" method="post" action="/vote" data-poll="${escape(poll.id)}">`,
    `<input type="hidden" name="poll" value="${escape(poll.id)}">`,
    `<fieldset><legend class="room-visually-hidden">${escape(poll.question)}</legend><ol>${options}</ol></fieldset>`,
    mine !== undefined ? `<p class="room-mine">${TEXT.yourVote}: ${escape(poll.options[mine] ?? '')}</p>` : '',
    closed ? `<p class="room-closed">${TEXT.closed}</p>` : `<button type="submit">${TEXT.vote}</button>`,
    '</form>',
  ].join('\n');
}

function questionsSection(questions: readonly Question[]): string {
  return [
    '<section class="room-questions" aria-labelledby="room-q-h">',
    `<h2 id="room-q-h">${TEXT.questions}</h2>`,
    '<form method="post" action="/ask" id="room-ask">',
    `<label for="room-q">${TEXT.yourQuestion}</label>`,
    '<textarea id="room-q" name="text" maxlength="280" rows="3" required></textarea>',
    `<button type="submit">${TEXT.send}</button>`,
    '</form>',
    `<ol id="room-question-list">${questions.map(questionItem).join('')}</ol>`,
    '</section>',
  ].join('\n');
}

/** A question as plain text: escaped here, and set as textContent by the page's script. */
export function questionItem(q: Question): string {
  return [
    `<li class="${q.answered ? 'room-answered' : ''}">`,
    `<p class="room-q-text">${escape(q.text)}</p>`,
    `<form method="post" action="/upvote"><input type="hidden" name="id" value="${q.id}">`,
    `<button type="submit">${TEXT.upvote} (${q.upvotes})</button></form>`,
    q.answered ? `<span class="room-tag">${TEXT.answered}</span>` : '',
    '</li>',
  ].join('');
}

function downloadsSection(downloads: readonly Download[]): string {
  const items = downloads
    .map(
      (d) =>
        `<li><a href="/deck/${encodeURIComponent(d.file)}" download>${escape(d.label)}</a> <span class="room-size">(PDF, ${Math.max(1, Math.round(d.bytes / 1024))} kB)</span></li>`,
    )
    .join('\n');
  return [
    '<section class="room-downloads" aria-labelledby="room-d-h">',
    `<h2 id="room-d-h">${TEXT.downloads}</h2>`,
    downloads.length > 0 ? `<ul>${items}</ul>` : `<p>${TEXT.noDownloads}</p>`,
    '</section>',
  ].join('\n');
}

/** The presenter's remote: a shell its script fills (it needs the key from the address). */
export function remotePage(deck: DeckPage): string {
  return page(deck, `Remote: ${escape(deck.title)}`, 'remote', [
    '<main id="room-remote">',
    `<h1 class="room-visually-hidden">Remote: ${escape(deck.title)}</h1>`,
    '<p id="room-remote-status" role="status">Connecting…</p>',
    '<noscript><p>The remote needs JavaScript.</p></noscript>',
    '<div class="room-controls">',
    '<button type="button" id="room-r-prev" accesskey="p">◀ Previous</button>',
    '<button type="button" id="room-r-next" accesskey="n">Next ▶</button>',
    '</div>',
    '<p class="room-timer"><span id="room-r-position"></span> · <span id="room-r-timer">0:00</span> <span id="room-r-pace"></span></p>',
    '<h2 id="room-r-current"></h2>',
    '<p class="room-next-title">Next: <span id="room-r-next-title"></span></p>',
    '<section aria-labelledby="room-r-notes-h"><h2 id="room-r-notes-h">Notes</h2><div id="room-r-notes"></div></section>',
    '<section id="room-r-poll" hidden aria-labelledby="room-r-poll-h"><h2 id="room-r-poll-h">Poll</h2><ol id="room-r-results"></ol><button type="button" id="room-r-close"></button></section>',
    '<section aria-labelledby="room-r-q-h"><h2 id="room-r-q-h">Questions</h2><ol id="room-r-questions"></ol></section>',
    '</main>',
    '<script src="/room/stream.js"></script>',
    '<script src="/room/remote.js"></script>',
  ]);
}

/** The 501st attendee's page: said plainly, and when to try again. */
export function roomFullPage(deck: DeckPage, max: number): string {
  return page(deck, TEXT.roomFull, 'audience', [
    '<main>',
    `<h1>${TEXT.roomFull}</h1>`,
    `<p>${max} people are following this talk already, as many as this room server takes. Try again in a minute: a place frees up when someone leaves.</p>`,
    '</main>',
  ]);
}

/** A plain page for a refused request sent without JavaScript. */
export function messagePage(deck: DeckPage, title: string, text: string): string {
  return page(deck, escape(title), 'audience', [
    '<main>',
    `<h1>${escape(title)}</h1>`,
    `<p>${escape(text)}</p>`,
    '<p><a href="/">Back to the talk</a></p>',
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
