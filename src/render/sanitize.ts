import { createRequire } from 'node:module';
import type SanitizeHtml from 'sanitize-html';

/** The tags content's Markdown may become; the room's reading view starts from the same list (src/room/slides.ts). */
export const CONTENT_TAGS: readonly string[] = [
  'p',
  'ul',
  'ol',
  'li',
  'strong',
  'em',
  'code',
  'a',
  'br',
  'del',
  'img',
  'span',
  'blockquote',
  'pre',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
];

const policy: SanitizeHtml.IOptions = {
  allowedTags: [...CONTENT_TAGS],
  allowedAttributes: {
    a: ['href', 'class'],
    img: ['src', 'alt'],
    ol: ['start'],
    span: ['class'],
    th: ['align'],
    td: ['align'],
  },
  allowedClasses: { a: ['bare'], span: ['task-box', 'done'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  // An image may only be a relative path to a copied file: any scheme on it is dropped.
  allowedSchemesByTag: { img: [] },
  allowProtocolRelative: false,
  disallowedTagsMode: 'escape',
};

const require = createRequire(import.meta.url);
let loaded: typeof SanitizeHtml | undefined;

/** The allowlist sanitizer itself (sanitize-html), for any HTML. Loaded on first use. */
export function sanitizeWithLibrary(html: string): string {
  loaded ??= require('sanitize-html') as typeof SanitizeHtml;
  return loaded(html, policy);
}

/**
 * The wall behind the Markdown renderer (render/markdown.ts): `html` is what marked made of
 * untrusted content with careerdeck's renderer, and comes back as sanitize-html with the policy
 * above returns it, byte for byte. Most of it is nothing but the tags and attributes that policy
 * keeps, in the forms the renderer writes them, around escaped text: then it is rewritten here
 * as sanitize-html would write it, without loading sanitize-html, htmlparser2 and postcss (~70 ms
 * of CPU on every build that renders, issue 27). Anything else (any other tag, attribute, value,
 * entity or stray `<` or `>`) goes to sanitize-html itself. tests/unit/render/sanitize.test.ts
 * checks that both give the same bytes over every fixture's Markdown and hostile input.
 */
export function sanitize(html: string): string {
  return plainForm(html) ?? sanitizeWithLibrary(html);
}

// What the renderer writes, exactly: a tag with its attributes in its own order, double-quoted.
const TAG = /<(\/?)([a-z]+)((?: [a-z]+="[^"<>]*")*)>/y;
const ATTRIBUTE = / ([a-z]+)="([^"]*)"/g;
/**
 * Each tag the fast form accepts, with the attributes it may carry in the order the renderer
 * writes them: the policy's own, so the two cannot drift apart.
 */
const ACCEPTED: Readonly<Record<string, readonly string[]>> = Object.fromEntries(
  CONTENT_TAGS.map((tag) => [tag, (policy.allowedAttributes as Record<string, string[]>)[tag] ?? []]),
);
/** sanitize-html writes these as `<br />`; htmlparser2 gives them no closing tag. */
const VOID = new Set(['br', 'img']);
/** htmlparser2 closes the open element before these open (its openImpliesClose): never in the fast form. */
const CLOSED_BY: Readonly<Record<string, readonly string[]>> = {
  tr: ['tr', 'th', 'td'],
  th: ['th'],
  td: ['thead', 'th', 'td'],
  li: ['li'],
  tbody: ['thead', 'tbody'],
  p: ['p'],
  blockquote: ['p'],
  ol: ['p'],
  ul: ['p'],
  pre: ['p'],
  table: ['p'],
};
/** Attribute values the fast form accepts; any other goes to the sanitizer. */
const VALUES: Readonly<Record<string, RegExp>> = {
  start: /^\d{1,9}$/,
  align: /^(?:left|center|right)$/,
  // Web and mail addresses only, as the renderer keeps them (markdown.ts's safeHref).
  href: /^(?:https?|mailto):[^\s\\\p{Cc}]*$/iu,
  // A copied file's relative path: no scheme, not protocol-relative.
  src: /^(?!\/)[\w.\-/]+$/,
  alt: /^/,
};
const CLASSES: Readonly<Record<string, readonly string[]>> = { a: ['bare'], span: ['task-box', 'task-box done'] };
/** The only entities the renderer writes (marked's and escapeHtml's); any other goes to the sanitizer. */
const ENTITY = /&(?:amp|lt|gt|quot|#38|#60|#62|#34|#39);/g;
const DECODED: Readonly<Record<string, string>> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#38;': '&',
  '&#60;': '<',
  '&#62;': '>',
  '&#34;': '"',
  '&#39;': "'",
};

/** Text as htmlparser2 decodes it, or undefined when it holds anything the fast form leaves to the sanitizer. */
function decoded(text: string): string | undefined {
  if (text.includes('>') || text.includes('<')) return undefined;
  const plain = text.replace(ENTITY, (e) => DECODED[e] ?? e);
  // Every `&` left came from some other entity or a bare ampersand: the sanitizer's business.
  if (text.replace(ENTITY, '').includes('&')) return undefined;
  return plain;
}

/** sanitize-html's escaping of text (`quote` in attribute values). */
function escaped(text: string, quote: boolean): string {
  const s = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return quote ? s.replace(/"/g, '&quot;') : s;
}

/** `html` as sanitize-html would write it, when it holds only what the renderer writes; else undefined. */
export function plainForm(html: string): string | undefined {
  let out = '';
  let at = 0;
  const open: string[] = [];
  while (at < html.length) {
    const lt = html.indexOf('<', at);
    const end = lt < 0 ? html.length : lt;
    if (end > at) {
      const text = decoded(html.slice(at, end));
      if (text === undefined) return undefined;
      out += escaped(text, false);
    }
    if (lt < 0) break;
    TAG.lastIndex = lt;
    const tag = TAG.exec(html);
    if (tag === null) return undefined;
    const [whole, closing, name = '', attributes = ''] = tag;
    const allowed = ACCEPTED[name];
    if (allowed === undefined) return undefined;
    if (closing) {
      if (attributes !== '' || VOID.has(name) || open.pop() !== name) return undefined;
      out += `</${name}>`;
    } else {
      if ((CLOSED_BY[name] ?? []).includes(open.at(-1) ?? '')) return undefined;
      let written = `<${name}`;
      let next = 0;
      for (const [, attribute = '', raw = ''] of attributes.matchAll(ATTRIBUTE)) {
        // In the renderer's order, each once; a value that is empty is dropped by the sanitizer.
        const index = allowed.indexOf(attribute, next);
        if (index < 0) return undefined;
        next = index + 1;
        const value = decoded(raw);
        if (value === undefined || value === '') return undefined;
        const classes = attribute === 'class' ? CLASSES[name] : undefined;
        if (classes ? !classes.includes(value) : !VALUES[attribute]?.test(value)) return undefined;
        written += ` ${attribute}="${escaped(value, true)}"`;
      }
      out += VOID.has(name) ? `${written} />` : `${written}>`;
      if (!VOID.has(name)) open.push(name);
    }
    at = lt + whole.length;
  }
  return open.length === 0 ? out : undefined;
}
