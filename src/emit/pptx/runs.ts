import { Parser } from 'htmlparser2';

/** A stretch of text with one style, as a PowerPoint text run. */
export interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
  code?: boolean;
  link?: string;
}

/** One paragraph of a text box: a plain paragraph or a list item. */
export interface Paragraph {
  runs: Run[];
  list?: 'bullet' | 'number' | undefined;
  /** 1 for a top-level item, 2 for an item in a nested list. */
  level: number;
}

/** Elements that end the paragraph they are in. */
const BLOCKS = new Set(['p', 'li', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'tr']);

/**
 * The HTML the render stage made from the content (already sanitized: p, lists, strong, em,
 * code, a, img, br) as paragraphs of styled runs, so that a slide's text boxes hold the same
 * words with the same bold keywords. Images become their alt text in brackets: no text is
 * dropped, and a picture inside a sentence has no place in a PowerPoint text run.
 */
export function htmlToParagraphs(html: string): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  const lists: ('bullet' | 'number')[] = [];
  const styles: string[] = [];
  const links: string[] = [];
  let current: Paragraph | undefined;
  const open = () => {
    current ??= { runs: [], list: undefined, level: 1 };
    return current;
  };
  const close = () => {
    if (current && current.runs.some((r) => r.text.trim() !== '')) {
      current.runs = mergeRuns(trimEnds(current.runs));
      paragraphs.push(current);
    }
    current = undefined;
  };
  const add = (text: string) => {
    const run: Run = { text };
    if (styles.includes('strong') || styles.includes('b')) run.bold = true;
    if (styles.includes('em') || styles.includes('i')) run.italic = true;
    if (styles.includes('code')) run.code = true;
    const link = links.at(-1);
    if (link) run.link = link;
    open().runs.push(run);
  };
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (name === 'ul' || name === 'ol') {
          close();
          lists.push(name === 'ol' ? 'number' : 'bullet');
        } else if (name === 'li') {
          close();
          current = { runs: [], list: lists.at(-1) ?? 'bullet', level: Math.max(1, lists.length) };
        } else if (BLOCKS.has(name)) {
          close();
        } else if (name === 'br') {
          add('\n');
        } else if (name === 'img') {
          const alt = (attributes.alt ?? '').trim();
          add(alt ? `[${alt}]` : '[image]');
        } else if (name === 'a') {
          links.push(attributes.href ?? '');
        }
        styles.push(name);
      },
      ontext(text) {
        // Whitespace between block elements is layout, not content.
        if (current === undefined && text.trim() === '') return;
        add(text.replace(/\s+/g, ' '));
      },
      onclosetag(name) {
        styles.pop();
        if (name === 'a') links.pop();
        if (name === 'ul' || name === 'ol') {
          close();
          lists.pop();
        } else if (BLOCKS.has(name)) close();
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  close();
  return paragraphs;
}

/** Plain text of some HTML, paragraphs on their own lines (for speaker notes). */
export function htmlToText(html: string): string {
  return htmlToParagraphs(html)
    .map((p) => `${p.list === 'bullet' ? '• ' : ''}${p.runs.map((r) => r.text).join('')}`)
    .join('\n');
}

function trimEnds(runs: Run[]): Run[] {
  const out = runs.map((r) => ({ ...r }));
  const first = out[0];
  if (first) first.text = first.text.replace(/^ +/, '');
  const last = out.at(-1);
  if (last) last.text = last.text.replace(/ +$/, '');
  return out.filter((r) => r.text !== '');
}

/** Neighbouring runs with the same style become one (fewer, longer runs are easier to edit). */
function mergeRuns(runs: Run[]): Run[] {
  const out: Run[] = [];
  for (const run of runs) {
    const prev = out.at(-1);
    if (
      prev &&
      prev.bold === run.bold &&
      prev.italic === run.italic &&
      prev.code === run.code &&
      prev.link === run.link
    )
      prev.text += run.text;
    else out.push(run);
  }
  return out;
}
