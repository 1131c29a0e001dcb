import { describe, expect, it } from 'vitest';
import { deckView } from '../../../src/render/deck-view.js';
import { handoutView, SLIDES_PER_HANDOUT_PAGE } from '../../../src/render/handout-view.js';
import { defaultComparison } from './model.js';

describe('handoutView', () => {
  const deck = deckView(defaultComparison());

  it('groups the slides, in order, a fixed number to a page', () => {
    const view = handoutView(deck, 'Letter');
    expect(view.pages.length).toBe(Math.ceil(deck.slides.length / SLIDES_PER_HANDOUT_PAGE));
    expect(view.pages.flat().map((s) => s.title)).toEqual(deck.slides.map((s) => s.title));
    expect(view.pages.flat().map((s) => s.number)).toEqual(deck.slides.map((_, i) => i + 1));
    for (const page of view.pages.slice(0, -1)) expect(page).toHaveLength(SLIDES_PER_HANDOUT_PAGE);
    expect(view.pages.at(-1)?.length).toBeGreaterThan(0);
  });

  it.each([1, 2, 3, 4, 6] as const)('puts %i slides on a page: ceil(slides / N) pages', (n) => {
    const view = handoutView(deck, 'A4', n);
    expect(view.perPage).toBe(n);
    expect(view.pages).toHaveLength(Math.ceil(deck.slides.length / n));
    expect(view.pages.flat()).toHaveLength(deck.slides.length);
  });

  it('carries no speaker notes: the handout is for the audience', () => {
    expect(deck.slides.some((s) => (s.notes ?? []).length > 0)).toBe(true);
    for (const slide of handoutView(deck, 'A4').pages.flat()) expect(slide).not.toHaveProperty('notes');
  });

  it('keeps the language, title and paper', () => {
    expect(handoutView(deck, 'Letter')).toMatchObject({ lang: 'en', title: 'Engineer vs. Scientist', paper: 'Letter' });
  });

  it('has no pages for a deck with no slides', () => {
    expect(handoutView({ ...deck, slides: [] }, 'A4').pages).toEqual([]);
  });
});
