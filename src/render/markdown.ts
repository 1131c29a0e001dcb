import { Marked, type Tokens } from 'marked';
import sanitizeHtml from 'sanitize-html';

const SAFE_LINK = /^(https?:|mailto:)/i;

/**
 * Content is untrusted: raw HTML in it is shown as text, links may only point to the web or
 * mail, images are not fetched, and the result passes an allowlist sanitizer as a second wall.
 */
const marked = new Marked({ gfm: true, breaks: false, async: false }).use({
  renderer: {
    html({ text }: Tokens.HTML | Tokens.Tag) {
      return escapeHtml(text);
    },
    link({ href, tokens }: Tokens.Link) {
      const label = this.parser.parseInline(tokens);
      return SAFE_LINK.test(href.trim()) ? `<a href="${escapeHtml(href.trim())}">${label}</a>` : label;
    },
    image({ text }: Tokens.Image) {
      return escapeHtml(text);
    },
  },
});

const policy: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'ul', 'ol', 'li', 'strong', 'em', 'code', 'a', 'br', 'del'],
  allowedAttributes: { a: ['href'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'escape',
};

/** Block Markdown (paragraphs, lists) to sanitized HTML. */
export function markdownToHtml(markdown: string): string {
  return sanitizeHtml(marked.parse(markdown) as string, policy);
}

/** Inline Markdown (a list item, a sentence) to sanitized HTML without a wrapping paragraph. */
export function inlineToHtml(markdown: string): string {
  return sanitizeHtml(marked.parseInline(markdown) as string, policy);
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
