import { describe, expect, it } from 'vitest';
import { refit, shrinkWarnings } from '../../../src/layout/slides.js';
import { defaultBudget } from '../../../src/model/slide-budgets.js';
import { deckView } from '../../../src/render/deck-view.js';
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
    expect(
      refit(view, [{ slide, ratio: 2, columns: [true, false] }], before).budgets.get('section:skills'),
    ).toBeLessThan(4);
    expect(refit(view, [{ slide, ratio: 100, columns: [true, false] }], before).budgets.get('section:skills')).toBe(1);
    expect(before.get('section:skills')).toBe(8);
  });

  it('shrinks a single item too long to split instead of failing, keyed by its file and line', () => {
    const slide = indexOf('Skills');
    const { problems, budgets } = refit(
      view,
      [{ slide, ratio: 1.2, columns: [false, true], zoom: 0.8, columnZooms: [undefined, 0.85] }],
      new Map(),
    );
    expect(problems).toEqual([]);
    expect([...budgets]).toEqual([['zoom:content/roles/scientist.md:11', 0.85]]);
    // Drawn at that scale on the next render, and not split further.
    expect(deckView(defaultComparison(), budgets).slides[slide]?.zoom).toBe(0.85);
  });

  it('keeps the smallest scale measured for an item over several rounds', () => {
    const slide = indexOf('Skills');
    const before = new Map([['zoom:content/roles/scientist.md:11', 0.7]]);
    const { budgets } = refit(
      view,
      [{ slide, ratio: 1.2, columns: [false, true], columnZooms: [undefined, 0.9] }],
      before,
    );
    expect(budgets.get('zoom:content/roles/scientist.md:11')).toBe(0.7);
  });

  it('fails only for an item that does not fit even at the smallest scale, naming its file and line', () => {
    const slide = indexOf('Skills');
    const { problems } = refit(
      view,
      [{ slide, ratio: 4, columns: [false, true], columnZooms: [undefined, undefined] }],
      new Map(),
    );
    expect(problems).toEqual([
      {
        file: 'content/roles/scientist.md',
        line: 11,
        message: expect.stringMatching(
          /too much text for slide \d+ \("Skills"\), even with its type at 40%; shorten it/,
        ),
      },
    ]);
  });

  it('shrinks a prose slide that overflows, and warns naming its section when the type falls below the readable size', () => {
    const slide = indexOf('Introduction');
    const line = view.slides[slide]?.source?.line;
    const fine = refit(view, [{ slide, ratio: 1.1, columns: [], zoom: 0.9 }], new Map());
    expect(fine.problems).toEqual([]);
    expect(shrinkWarnings(deckView(defaultComparison(), fine.budgets), fine.budgets)).toEqual([]);
    const small = refit(view, [{ slide, ratio: 1.6, columns: [], zoom: 0.6 }], new Map());
    expect(small.problems).toEqual([]);
    const fitted = deckView(defaultComparison(), small.budgets);
    expect(fitted.slides[slide]?.zoom).toBe(0.6);
    expect(shrinkWarnings(fitted, small.budgets)).toEqual([
      {
        file: 'content/decks/deck.md',
        line,
        severity: 'warning',
        message: `too much text for slide ${slide + 1} ("Introduction"): its type is shrunk to 60% to fit; shorten it or split it into several items`,
      },
    ]);
  });

  it('tightens the overlap table budget from its own default', () => {
    const slide = view.slides.findIndex((s) => s.kind === 'overlap');
    const { budgets } = refit(view, [{ slide, ratio: 1.1, columns: [] }], new Map());
    expect(budgets.get('overlap')).toBeLessThan(defaultBudget('overlap'));
    expect(budgets.get('overlap')).toBeGreaterThan(defaultBudget('section:x'));
  });
});
