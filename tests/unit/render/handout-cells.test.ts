import { describe, expect, it } from 'vitest';
import type { SlideView } from '../../../src/render/deck-view.js';
import { deckView } from '../../../src/render/deck-view.js';
import { keyWordsHtml, TEXT_CELLS, textCell } from '../../../src/render/handout-cells.js';
import { groupSeparator } from '../../../src/render/locale.js';
import { handoutView } from '../../../src/render/handout-view.js';
import { defaultComparison } from './model.js';

const box = TEXT_CELLS[3]!;
const item = (i: number) =>
  `<li>Item ${i} with <strong>term${i}</strong> and some more words to wrap a line or two</li>`;
const compare = (items: number, roles = 2): SlideView => ({
  kind: 'compare',
  title: 'Responsibilities',
  columns: Array.from({ length: roles }, (_, role) => ({
    heading: `Role ${role}`,
    role,
    html: `<ul>${Array.from({ length: items }, (_, i) => item(i)).join('')}</ul>`,
    flow: [],
  })),
});

describe('textCell', () => {
  it('keeps the full text of a slide that fits a cell', () => {
    const cell = textCell(compare(3), box);
    expect(cell.keyWords).toBe(false);
    expect(cell.columns?.[0]?.html).toContain('some more words');
    // The key words wait beside it, for the browser to swap in if the full text is cut after all.
    expect(cell.keyWordColumns?.[0]?.html).toBe(
      `<p class="key-words">${Array.from({ length: 3 }, (_, i) => `term${i}`).join('\u00a0· ')}</p>`,
    );
  });

  it('prints the bold key words of role columns too long for a cell', () => {
    const cell = textCell(compare(12), box);
    expect(cell.keyWords).toBe(true);
    expect(cell.columns?.[0]?.html).toBe(
      `<p class="key-words">${Array.from({ length: 12 }, (_, i) => `term${i}`).join('\u00a0· ')}</p>`,
    );
    expect(cell.keyWordColumns).toBeUndefined();
  });

  it("turns the overlap table's rows into paragraphs, without the empty cells", () => {
    const cell = textCell(
      {
        kind: 'overlap',
        title: 'Overlap',
        table: { head: ['Section', 'Both', 'Only A'], rows: [['Skills', 'Python, SQL', '–']] },
      },
      box,
    );
    expect(cell.facts).toEqual([{ title: 'Skills', parts: [{ head: 'Both', text: 'Python, SQL', end: '' }] }]);
  });

  it("ends each part but the last with the deck's semicolon (Arabic ؛, Chinese ；)", () => {
    const table = { head: ['Section', 'Both', 'Only A'], rows: [['Skills', 'Python', 'SQL']] };
    const ends = (groups?: string) =>
      textCell({ kind: 'overlap', title: 'Overlap', table }, box, 'en', groups).facts?.[0]?.parts.map((p) => p.end);
    expect(ends()).toEqual([';', '']);
    expect(ends(groupSeparator('ar'))).toEqual(['؛', '']);
    expect(ends(groupSeparator('zh-Hans'))).toEqual(['；', '']);
  });

  it("gives a chart's values as rows with a bar's percent of the longest", () => {
    const cell = textCell(
      {
        kind: 'chart',
        title: 'Outlook',
        rows: [
          { label: 'A', value: '+22%', share: 1, role: 0 },
          { label: 'B', value: '+11%', share: 0.5, role: 1 },
        ],
      },
      box,
    );
    expect(cell.rows?.map((r) => [r.label, r.value, r.percent, r.role])).toEqual([
      ['A', '+22%', 100, 0],
      ['B', '+11%', 50, 1],
    ]);
  });
});

describe('keyWordsHtml', () => {
  it('joins the distinct bold words, and keeps HTML without any as it is', () => {
    expect(keyWordsHtml('<p><strong>a</strong> x <strong>b</strong> <strong>a</strong></p>')).toBe(
      '<p class="key-words">a\u00a0· b</p>',
    );
    expect(keyWordsHtml('<p>nothing bold</p>')).toBe('<p>nothing bold</p>');
  });
});

describe('the handout view', () => {
  const deck = deckView(defaultComparison());

  it("gives the rows the paper's content height (less the page margins)", () => {
    expect(handoutView(deck, 'A4', 3).pageHeightMm).toBe(266);
    expect(handoutView(deck, 'Letter', 3).pageHeightMm).toBe(248.4);
  });

  it('draws pictures of the slides at 1 a page, text cells at 2, 3, 4 and 6', () => {
    expect(
      handoutView(deck, 'A4', 1)
        .pages.flat()
        .every((s) => s.text === undefined),
    ).toBe(true);
    for (const n of [2, 3, 4, 6] as const) {
      const slides = handoutView(deck, 'A4', n).pages.flat();
      expect(
        slides.every((s) => s.text !== undefined),
        `${n} a page`,
      ).toBe(true);
    }
  });

  it("names where each cell's text comes from, for the warnings measured before printing", () => {
    const long = {
      ...deck,
      slides: [compare(12), { ...compare(2), source: undefined }].map((s, i) => ({
        ...s,
        source: i === 0 ? { budget: 'x', file: `r${i}.md`, line: 3, shrink: [] } : undefined,
      })),
    };
    const cells = handoutView(long, 'A4', 3, 'deck.md')
      .pages.flat()
      .map((s) => [s.text?.number, s.text?.source]);
    expect(cells).toEqual([
      [1, { file: 'r0.md', line: 3 }],
      [2, { file: 'deck.md', line: 1 }],
    ]);
  });
});
