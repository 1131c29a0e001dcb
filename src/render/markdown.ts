import { Lexer, Marked, type Token, type Tokens } from 'marked';
import { assetHref } from '../model/index.js';
import { sanitize } from './sanitize.js';

const SAFE_LINK = /^(https?:|mailto:)/i;
/** An HTML comment and nothing else: an authoring note, never shown (validation says the same). */
const COMMENT = /^\s*<!--(?:(?!-->)[\s\S])*-->\s*$/;

/** A link's address as every output may follow it (web or mail), or undefined: then only its text is shown. */
export function safeHref(href: string): string | undefined {
  return SAFE_LINK.test(href.trim()) ? href.trim() : undefined;
}

/** Raw HTML that is only a comment: shown nowhere. Other raw HTML is shown as its text. */
export function isComment(html: string): boolean {
  return COMMENT.test(html);
}

/** The image validation resolved for a Markdown `src`; others are drawn as their alt text. */
export function shownImage(images: readonly ShownImage[], href: string): ShownImage | undefined {
  return images.find((i) => i.src === href);
}

/** An image validation accepted: the Markdown's `src` and where the outputs load it from. */
export interface ShownImage {
  src: string;
  asset: string;
}

// Images of the Markdown being rendered now. marked renders synchronously, so this is set and
// cleared around each call; only images that validation resolved are ever drawn.
let shown: readonly ShownImage[] = [];

/**
 * Content is untrusted: raw HTML in it is shown as text, links may only point to the web or
 * mail, images only to files copied from the content folder, and the result passes an
 * allowlist sanitizer as a second wall.
 */
const marked = new Marked({ gfm: true, breaks: false, async: false }).use({
  renderer: {
    html({ text }: Tokens.HTML | Tokens.Tag) {
      return isComment(text) ? '' : escapeHtml(text);
    },
    link({ href, text, tokens }: Tokens.Link) {
      const label = this.parser.parseInline(tokens);
      const safe = safeHref(href);
      if (safe === undefined) return label;
      // A link that shows its own address is not followed by it again on paper (print-links.css).
      const bare = text.trim() === safe || `mailto:${text.trim()}` === safe;
      return `<a href="${escapeHtml(safe)}"${bare ? ' class="bare"' : ''}>${label}</a>`;
    },
    // A task list inside a quote: the same ticked and empty boxes as a section's own lists.
    checkbox({ checked }: Tokens.Checkbox) {
      return `<span class="task-box${checked ? ' done' : ''}">${checked ? '\u2713' : '\u25A1'}</span> `;
    },
    image({ href, text }: Tokens.Image) {
      const image = shownImage(shown, href);
      return image ? `<img src="${escapeHtml(assetHref(image.asset))}" alt="${escapeHtml(text)}">` : escapeHtml(text);
    },
  },
});

export { CONTENT_TAGS } from './sanitize.js';

function withImages<T>(images: readonly ShownImage[], render: () => T): T {
  shown = images;
  try {
    return render();
  } finally {
    shown = [];
  }
}

/** Block Markdown as marked's tokens, lexed as the HTML is (render/flow.ts walks them). */
export function lexBlock(markdown: string): readonly Token[] {
  return lexed('block', markdown, () => marked.lexer(markdown));
}

/** Inline Markdown (a list item, a cell) as marked's tokens. */
export function lexInline(markdown: string): readonly Token[] {
  return lexed('inline', markdown, () => Lexer.lexInline(markdown, marked.defaults));
}

// Lexed once, as the HTML is rendered once: the deck view is made again each time slides are
// refitted. Tokens are only read. Bounded for long dev sessions.
const tokens = new Map<string, readonly Token[]>();

function lexed(kind: string, markdown: string, lex: () => Token[]): readonly Token[] {
  const key = `${kind}\n${markdown}`;
  let found = tokens.get(key);
  if (found === undefined) {
    if (tokens.size >= MAX_REMEMBERED) tokens.clear();
    tokens.set(key, (found = lex()));
  }
  return found;
}

/** What marked and the renderer above make of the Markdown, before the sanitizer (for its tests). */
export function unsanitized(kind: 'block' | 'inline', markdown: string, images: readonly ShownImage[] = []): string {
  return withImages(images, () => (kind === 'block' ? marked.parse(markdown) : marked.parseInline(markdown)) as string);
}

/** Block Markdown (paragraphs, lists) to sanitized HTML. */
export function markdownToHtml(markdown: string, images: readonly ShownImage[] = []): string {
  return remembered('block', markdown, images, () => sanitize(unsanitized('block', markdown, images)));
}

/** Inline Markdown (a list item, a sentence) to sanitized HTML without a wrapping paragraph. */
export function inlineToHtml(markdown: string, images: readonly ShownImage[] = []): string {
  return remembered('inline', markdown, images, () => sanitize(unsanitized('inline', markdown, images)));
}

// The same paragraph or item is drawn by the deck, the report and the fact sheet, and again when
// slides are refitted: each text is parsed and sanitized once. Bounded for long dev sessions.
const rendered = new Map<string, string>();
const MAX_REMEMBERED = 10_000;

function remembered(kind: string, markdown: string, images: readonly ShownImage[], render: () => string): string {
  // JSON holds no raw line break, so the first one ends the images: no two inputs share a key.
  const key = `${kind}${JSON.stringify(images.map((i) => [i.src, i.asset]))}\n${markdown}`;
  let html = rendered.get(key);
  if (html === undefined) {
    if (rendered.size >= MAX_REMEMBERED) rendered.clear();
    rendered.set(key, (html = render()));
  }
  return html;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
