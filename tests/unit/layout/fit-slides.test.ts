import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { ContentError } from '../../../src/errors.js';
import { fitSlides, MAX_FIT_ROUNDS } from '../../../src/layout/fit-slides.js';
import type { Overflow } from '../../../src/layout/slides.js';
import type { FitBudgets } from '../../../src/model/slide-budgets.js';
import { deckView } from '../../../src/render/deck-view.js';
import type { RenderedDeck } from '../../../src/render/render.js';
import { defaultComparison } from '../render/model.js';

// The fitting loop without a browser: each round's "page" is the rendering it was laid out
// from, and `measure` says what overflows on it, as the browser would.
const c = defaultComparison();
const renderWith = (budgets: FitBudgets = new Map()): RenderedDeck => {
  const view = deckView(c, budgets);
  return {
    deck: '',
    pages: {},
    view,
    slideCount: view.slides.length,
    fonts: { faces: [], families: [], uncovered: [] },
  };
};

/** A run of the loop; `overflowing` names, per laid-out rendering, the slides that overflow. */
async function run(overflowing: (r: RenderedDeck, round: number) => Overflow[], printSlides = true) {
  let current = renderWith();
  const calls = { rounds: 0, rerenders: [] as FitBudgets[], fitsOn: [] as number[] };
  const pages = new Map<Page, { r: RenderedDeck; round: number }>();
  const promise = fitSlides({
    first: current,
    deckFile: 'content/decks/deck.md',
    label: 'deck-slides.pdf',
    inPage: async (round, work) => {
      calls.rounds = round;
      const page = {} as Page;
      pages.set(page, { r: current, round });
      return work(page);
    },
    rerender: (budgets) => {
      calls.rerenders.push(budgets);
      current = renderWith(budgets);
      return current;
    },
    measure: async (page) => overflowing(pages.get(page)!.r, pages.get(page)!.round),
    whenFits: printSlides
      ? async (page) => {
          calls.fitsOn.push(pages.get(page)!.round);
          return `pdf of round ${pages.get(page)!.round}`;
        }
      : undefined,
  });
  return { promise, calls };
}

const slideOf = (r: RenderedDeck, title: string) => r.view.slides.findIndex((s) => s.title === title);

describe('fitSlides', () => {
  it('prints on the page it measured when everything fits the first time, rendering nothing again', async () => {
    const { promise, calls } = await run(() => []);
    const fitted = await promise;
    expect(fitted.made).toBe('pdf of round 1');
    expect(calls).toMatchObject({ rounds: 1, rerenders: [], fitsOn: [1] });
    expect(fitted.warnings).toEqual([]);
  });

  it('splits a section that overflows, renders again, and prints from the round that fit', async () => {
    const { promise, calls } = await run((r, round) =>
      round === 1 ? [{ slide: slideOf(r, 'Skills'), ratio: 10, columns: [false, false] }] : [],
    );
    const fitted = await promise;
    expect(calls.rounds).toBe(2);
    expect(calls.fitsOn).toEqual([2]);
    expect(calls.rerenders).toHaveLength(1);
    expect(calls.rerenders[0]!.get('section:skills')).toBeLessThan(15.5 / 10 + 0.5);
    expect(fitted.made).toBe('pdf of round 2');
    // The rendering returned is the one laid out last, with Skills over more slides.
    expect(fitted.rendered.view.slides.filter((s) => s.title === 'Skills').length).toBeGreaterThan(1);
  });

  it('gives up after the last round, naming the slides as they were measured', async () => {
    // Skills keeps splitting (so later slides move on), and the last compare slide keeps overflowing.
    const lastCompare = (r: RenderedDeck) => r.view.slides.map((s) => s.kind).lastIndexOf('compare');
    const measuredLast: string[] = [];
    const { promise, calls } = await run((r, round) => {
      if (round === MAX_FIT_ROUNDS) measuredLast.push(r.view.slides[lastCompare(r)]!.title);
      return [
        // Columns that fit alone but not together: the section is split further each round.
        { slide: slideOf(r, 'Skills'), ratio: 2, columns: [false, false] },
        { slide: lastCompare(r), ratio: 1.2, columns: [false, false] },
      ];
    });
    const error = await promise.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ContentError);
    expect(calls.rounds).toBe(MAX_FIT_ROUNDS);
    // Rendered again only between rounds: never after the last measurement.
    expect(calls.rerenders).toHaveLength(MAX_FIT_ROUNDS - 1);
    expect(calls.fitsOn).toEqual([]);
    const messages = (error as ContentError).diagnostics.map((d) => d.message);
    expect(messages).toHaveLength(2);
    expect(messages[1]).toContain(`("${measuredLast[0]}") still overflows after ${MAX_FIT_ROUNDS} attempts`);
    expect((error as ContentError).diagnostics.every((d) => d.file.startsWith('content/'))).toBe(true);
  });
});
