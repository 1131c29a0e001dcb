import { describe, expect, it } from 'vitest';
import { refit } from '../../../src/emit/slide-fit.js';
import { deckView, defaultBudget } from '../../../src/render/deck-view.js';
import { defaultComparison } from '../render/model.js';

const view = deckView(defaultComparison());
const indexOf = (title: string) => view.slides.findIndex((s) => s.title === title);

describe('refit', () => {
  it('tightens the budget of a section that overflowed, in proportion to the overflow', () => {
    const slide = indexOf('Skills');
    const { budgets, problems } = refit(view, [{ slide, ratio: 1.5, columns: [true, false] }], new Map());
    expect(problems).toEqual([]);
    const tightened = budgets.get('section:skills');
    expect(tightened).toBeDefined();
    expect(tightened).toBeLessThan(defaultBudget('section:skills') / 1.5);
    expect(tightened).toBeGreaterThan(defaultBudget('section:skills') / 1.5 - 1);
    expect([...budgets.keys()]).toEqual(['section:skills']);
  });

  it('starts from a budget measured before, and never goes below one line', () => {
    const slide = indexOf('Skills');
    const before = new Map([['section:skills', 8]]);
    expect(refit(view, [{ slide, ratio: 2, columns: [true, false] }], before).budgets.get('section:skills')).toBeLessThan(4);
    expect(refit(view, [{ slide, ratio: 100, columns: [true, false] }], before).budgets.get('section:skills')).toBe(1);
    expect(before.get('section:skills')).toBe(8);
  });

  it('reports a single item too long to split at its file and line', () => {
    const slide = indexOf('Skills');
    const { problems, budgets } = refit(view, [{ slide, ratio: 1.2, columns: [false, true] }], new Map());
    expect(problems).toEqual([{ file: 'content/roles/scientist.md', line: 10, message: expect.stringMatching(/this item alone does not fit on slide \d+ \("Skills"\)/) }]);
    expect(budgets.size).toBe(0);
  });

  it('reports a prose slide that overflows, naming its section', () => {
    const slide = indexOf('Introduction');
    const { problems } = refit(view, [{ slide, ratio: 1.3, columns: [] }], new Map());
    expect(problems).toEqual([{ file: 'content/decks/deck.md', line: view.slides[slide]?.source?.line, message: `too much text for slide ${slide + 1} ("Introduction"); shorten what this slide shows` }]);
  });

  it('tightens the overlap table budget from its own default', () => {
    const slide = view.slides.findIndex((s) => s.kind === 'overlap');
    const { budgets } = refit(view, [{ slide, ratio: 1.1, columns: [] }], new Map());
    expect(budgets.get('overlap')).toBeLessThan(defaultBudget('overlap'));
    expect(budgets.get('overlap')).toBeGreaterThan(defaultBudget('section:x'));
  });
});
