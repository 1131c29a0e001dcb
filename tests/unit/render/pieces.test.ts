import { describe, expect, it } from 'vitest';
import {
  formatDate,
  keywordList,
  notesHtml,
  type Piece,
  piecesToHtml,
  plain,
  sectionPieces,
} from '../../../src/render/pieces.js';
import type { Section } from '../../../src/model/content.js';

const item = (html: string, ordered = false): Piece => ({ kind: 'item', ordered, html, flow: [], text: html, line: 1 });
const para = (html: string): Piece => ({ kind: 'paragraph', ordered: false, html, flow: [], text: html, line: 1 });

describe('piecesToHtml', () => {
  it('groups consecutive items into one list and closes it before a paragraph', () => {
    expect(piecesToHtml([item('a'), item('b'), para('<p>p</p>'), item('c')])).toBe(
      '<ul><li>a</li><li>b</li></ul><p>p</p><ul><li>c</li></ul>',
    );
  });

  it('switches between ordered and unordered lists', () => {
    expect(piecesToHtml([item('a', true), item('b')])).toBe('<ol><li>a</li></ol><ul><li>b</li></ul>');
  });

  it('renders nothing for no pieces', () => {
    expect(piecesToHtml([])).toBe('');
  });
});

describe('sectionPieces', () => {
  it('turns paragraphs and list items into pieces with rendered HTML, plain text and file line', () => {
    const section: Section = {
      id: 's',
      title: 'S',
      line: 1,
      notes: [],
      blocks: [
        { kind: 'paragraph', markdown: 'See [docs](https://example.com).', images: [], line: 3 },
        {
          kind: 'list',
          ordered: true,
          start: 1,
          line: 5,
          items: [{ markdown: '**Python**', keywords: [], images: [], line: 5 }],
        },
      ],
    };
    expect(sectionPieces(section)).toEqual([
      {
        kind: 'paragraph',
        ordered: false,
        html: '<p>See <a href="https://example.com">docs</a>.</p>\n',
        flow: [
          {
            kind: 'text',
            paragraphs: [
              { runs: [{ text: 'See ' }, { text: 'docs', link: 'https://example.com' }, { text: '.' }], level: 1 },
            ],
          },
        ],
        text: 'See docs.',
        line: 3,
      },
      {
        kind: 'item',
        ordered: true,
        html: '<strong>Python</strong>',
        flow: [
          {
            kind: 'text',
            paragraphs: [{ runs: [{ text: 'Python', bold: true }], list: 'number', level: 1, start: 1 }],
          },
        ],
        text: 'Python',
        line: 5,
        group: 's-1',
        number: 1,
      },
    ]);
    expect(sectionPieces(undefined)).toEqual([]);
  });
});

describe('small helpers', () => {
  it('plain() drops Markdown marks and link targets', () => {
    expect(plain('**bold** _em_ `code` [link](https://x.y/z)')).toBe('bold em code link');
  });

  it('notesHtml() renders each note as sanitized Markdown', () => {
    expect(notesHtml(['Say **this**', '<script>x</script>'])).toBe(
      '<p>Say <strong>this</strong></p>\n&lt;script&gt;x&lt;/script&gt;',
    );
  });

  it('keywordList() joins labels', () => {
    expect(
      keywordList([
        { label: 'Python', key: 'python' },
        { label: 'SQL', key: 'sql' },
      ]),
    ).toBe('Python, SQL');
  });

  it('formatDate() keeps text that is not an ISO date, or not a real date, as written', () => {
    expect(formatDate('Spring 2026', 'en')).toBe('Spring 2026');
    expect(formatDate('2026-13-45', 'en')).toBe('2026-13-45');
    expect(formatDate(undefined, 'en')).toBeUndefined();
    expect(formatDate('2026-11-26', 'en-GB')).toBe('26 November 2026');
  });
});
