import { describe, expect, it } from 'vitest';
import { deckView } from '../../../src/render/deck-view.js';
import { notesView } from '../../../src/render/notes-view.js';
import { defaultComparison } from './model.js';

describe('notesView', () => {
  it('keeps every slide in order, each with a numbered heading and all of its notes', () => {
    const deck = deckView(defaultComparison());
    const view = notesView(deck, 'Letter');
    expect(view.slides.map((s) => s.title)).toEqual(deck.slides.map((s) => s.title));
    expect(view.slides[0]?.heading).toBe('Slide 1: Engineer vs. Scientist');
    const skills = view.slides.find((s) => s.title === 'Skills');
    expect(skills?.notes?.map((n) => n.label)).toEqual(['ML Engineer', 'AI Scientist']);
    expect(view).toMatchObject({ lang: 'en', paper: 'Letter' });
  });

  it('prints the notes a split section repeats on its later slides once, pointing back to them', () => {
    // Notes for the long "Projects" section, split over slides by the test model's long items.
    const c = defaultComparison();
    const projects = c.sections.find((s) => s.id === 'projects')!;
    projects.notes = ['Walk through one project.'];
    const view = notesView(deckView(c), 'A4');
    const parts = view.slides.filter((s) => s.title === 'Projects');
    expect(parts.length).toBeGreaterThan(1);
    expect(parts[0]?.heading).toMatch(/^Slide \d+: Projects\u00a0\(1\/\d\)$/);
    expect(parts[0]?.notes?.map((n) => n.html.trim())).toEqual(['<p>Walk through one project.</p>']);
    for (const later of parts.slice(1)) {
      expect(later.notes).toEqual([]);
      expect(later.sameAs).toBe(parts[0]?.number);
    }
  });
});
