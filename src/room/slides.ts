import { DomUtils, parseDocument } from 'htmlparser2';
import sanitizeHtml from 'sanitize-html';
import type { LabelOverrides } from '../model/labels.js';
import { deckLocale } from '../render/locale.js';
import { CONTENT_TAGS } from '../render/markdown.js';
import type { RoomSlide } from './state.js';
import { RoomText } from './text.js';

type Node = ReturnType<typeof parseDocument>['children'][number];
type Element = Extract<Node, { attribs: Record<string, string> }>;

/** What the audience's reading view needs of the built deck. */
export interface DeckPage {
  lang: string;
  dir: 'ltr' | 'rtl';
  theme: string;
  title: string;
  slides: RoomSlide[];
  /** The theme's colours and the deck's fonts (font addresses made absolute under `/deck/`). */
  themeCss: string;
  /** The room's words in the deck's language. */
  text: RoomText;
}

/**
 * The slides of a built deck, read from its index.html. The slides there are final: the build
 * measured them in the browser and may have split a section over several slides, so the index
 * of a slide here is reveal's index of it. What is read is the deck's own markup (already made
 * from sanitized content), sanitized again to an allowlist for the reading view.
 */
export function deckPage(html: string, overrides: LabelOverrides = {}): DeckPage {
  const doc = parseDocument(html);
  const root = DomUtils.findOne((e) => e.name === 'html', doc.children);
  const sections = DomUtils.findAll(
    (e) => e.name === 'section' && e.parent !== null && hasClass(e.parent as Element, 'slides'),
    doc.children,
  );
  const body = DomUtils.findOne((e) => e.name === 'body', doc.children);
  const slides = paced(
    sections.map((section, index) => slideOf(section, index)),
    Number(body?.attribs['data-duration']),
  );
  const style = DomUtils.findAll((e) => e.name === 'style', doc.children)
    .map((e) => DomUtils.textContent(e))
    .join('\n');
  const lang = root?.attribs.lang ?? 'en';
  return {
    lang,
    dir: root?.attribs.dir === 'rtl' ? 'rtl' : 'ltr',
    theme: root?.attribs['data-theme'] ?? 'light',
    title: DomUtils.textContent(DomUtils.findOne((e) => e.name === 'title', doc.children) ?? doc).trim(),
    slides,
    themeCss: themeCss(style),
    text: new RoomText(deckLocale({ lang, labels: overrides, dir: root?.attribs.dir === 'rtl' ? 'rtl' : 'ltr' })),
  };
}

function slideOf(section: Element, index: number): RoomSlide {
  const notes = DomUtils.findOne((e) => e.name === 'aside' && hasClass(e, 'notes'), [section]);
  const heading = DomUtils.findOne((e) => e.name === 'h1' || e.name === 'h2', section.children);
  const body = DomUtils.findOne((e) => hasClass(e, 'slide-body'), section.children);
  // The QR code and the brand band are for the room's screen; the phone has its own links.
  for (const drop of DomUtils.findAll((e) => hasClass(e, 'slide-qr') || hasClass(e, 'slide-brand'), [section]))
    DomUtils.removeElement(drop);
  const pollList = DomUtils.findOne((e) => e.attribs['data-poll'] !== undefined, section.children);
  const poll = pollList
    ? {
        id: pollList.attribs['data-poll'] ?? '',
        question: heading ? DomUtils.textContent(heading).trim() : '',
        options: DomUtils.findAll((e) => hasClass(e, 'poll-label'), [pollList]).map((e) =>
          DomUtils.textContent(e).trim(),
        ),
      }
    : undefined;
  const minutes = Number(section.attribs['data-minutes']);
  return {
    index,
    kind: section.attribs['data-kind'] ?? 'prose',
    // Spaces collapsed, the no-break space before a part ("(1/2)") kept.
    title: heading
      ? DomUtils.textContent(heading)
          .replace(/[ \t\n\r\f]+/g, ' ')
          .trim()
      : '',
    html: body ? readingHtml(DomUtils.getInnerHTML(body)) : '',
    notes: notes ? notesHtml(DomUtils.getInnerHTML(notes)) : '',
    poll,
    minutes: Number.isFinite(minutes) && minutes > 0 ? minutes : undefined,
  };
}

/**
 * The planned minutes of every slide: a section's own `{time=...}`, and the rest of `duration:`
 * shared evenly by the slides without one. Without a duration only the sections' own times count.
 */
export function paced(slides: RoomSlide[], duration: number): RoomSlide[] {
  if (!Number.isFinite(duration) || duration <= 0) return slides;
  const given = slides.reduce((sum, s) => sum + (s.minutes ?? 0), 0);
  const open = slides.filter((s) => s.minutes === undefined).length;
  const share = open === 0 ? 0 : Math.max(0, duration - given) / open;
  return slides.map((s) => ({ ...s, minutes: s.minutes ?? share }));
}

function hasClass(e: Element, name: string): boolean {
  return (e.attribs?.class ?? '').split(/\s+/).includes(name);
}

const SVG_TAGS = [
  'svg',
  'g',
  'path',
  'rect',
  'line',
  'text',
  'tspan',
  'title',
  'desc',
  'circle',
  'polyline',
  'polygon',
];
const SVG_ATTRIBUTES = [
  'viewbox',
  'viewBox',
  'width',
  'height',
  'x',
  'y',
  'x1',
  'x2',
  'y1',
  'y2',
  'rx',
  'd',
  'points',
  'cx',
  'cy',
  'r',
  'text-anchor',
  'dominant-baseline',
  'direction',
  'transform',
  'xmlns',
];

const DECK_ASSET = /^assets\/(?![^?#]*\.\.)[^?#:]+$/;

/** Tags of the deck's own markup around the content (headings, figures, charts), on top of the content's. */
const DECK_TAGS = ['h1', 'h2', 'h3', 'h4', 'b', 'i', 'div', 'bdi', 'caption', 'figure', 'figcaption', ...SVG_TAGS];

/**
 * The slide's content for the reading view: structure, text, charts and the author's pictures;
 * no scripts, no styles, no links out (a link keeps its text). A picture is one the build copied
 * into the deck's assets/ folder, loaded from the room's `/deck/`; any other address is dropped.
 */
export function readingHtml(html: string): string {
  return sanitizeHtml(html, {
    allowedTags: [...CONTENT_TAGS.filter((tag) => tag !== 'a'), ...DECK_TAGS],
    allowedAttributes: {
      '*': [
        'class',
        'dir',
        'lang',
        'role',
        'aria-label',
        'aria-labelledby',
        'aria-hidden',
        'id',
        'scope',
        'colspan',
        'rowspan',
      ],
      ...Object.fromEntries(SVG_TAGS.map((t) => [t, SVG_ATTRIBUTES])),
      img: ['src', 'alt'],
      li: ['class', 'data-option'],
      ol: ['class', 'data-poll', 'start'],
    },
    allowedSchemesByTag: { img: [] },
    allowProtocolRelative: false,
    // A picture the build copied is `assets/...` in the deck: the room serves it under /deck/.
    transformTags: {
      img: (tagName, attribs) => {
        const src = attribs.src ?? '';
        return { tagName, attribs: { ...attribs, src: DECK_ASSET.test(src) ? `/deck/${src}` : '' } };
      },
    },
    exclusiveFilter: (frame) => frame.tag === 'img' && !frame.attribs.src,
    // Ids are kept for the charts' aria-labelledby; nothing else on the page uses these names.
    parser: { lowerCaseAttributeNames: false },
    disallowedTagsMode: 'discard',
  });
}

/** Speaker notes for the remote: text and emphasis only. */
export function notesHtml(html: string): string {
  return sanitizeHtml(html, {
    allowedTags: ['p', 'ul', 'ol', 'li', 'strong', 'em', 'code', 'br'],
    allowedAttributes: {},
  });
}

/** The theme's colour variables and the font faces of the deck's inline style, fonts addressed under /deck/. */
function themeCss(style: string): string {
  const rules = [
    ...(style.match(/:root\[data-theme="[\w-]+"\]\s*\{[^}]*\}/g)?.slice(0, 1) ?? []),
    ...(style.match(/@font-face\s*\{[^}]*\}/g) ?? []),
    ...(style.match(/:root\s*\{[^}]*--font[^}]*\}/g)?.slice(0, 1) ?? []),
  ];
  return rules.join('\n').replace(/url\('assets\//g, "url('/deck/assets/");
}
