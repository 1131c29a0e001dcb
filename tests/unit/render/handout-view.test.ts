import { describe, expect, it } from 'vitest';
import { deckView } from '../../../src/render/deck-view.js';
import { handoutView, SLIDES_PER_HANDOUT_PAGE } from '../../../src/render/handout-view.js';
import { defaultComparison } from './model.js';

describe('handoutView', () => {
  const deck = deckView(defaultComparison());

  it('groups the slides, in order, a fixed number to a page', () => {
    const view = handoutView(deck, 'Letter');
    expect(view.pages.length).toBe(Math.ceil(deck.slides.length / SLIDES_PER_HANDOUT_PAGE));
    expect(view.pages.flat()).toEqual(deck.slides);
    for (const page of view.pages.slice(0, -1)) expect(page).toHaveLength(SLIDES_PER_HANDOUT_PAGE);
    expect(view.pages.at(-1)?.length).toBeGreaterThan(0);
  });

  it('keeps the language, title and paper', () => {
    expect(handoutView(deck, 'Letter')).toMatchObject({ lang: 'en', title: 'Engineer vs. Scientist', paper: 'Letter' });
  });

  it('has no pages for a deck with no slides', () => {
    expect(handoutView({ ...deck, slides: [] }, 'A4').pages).toEqual([]);
  });
});
