import { describe, expect, it } from 'vitest';
import { forAttendees, picturesOf } from '../../../src/room/access.js';
import { readingHtml } from '../../../src/room/slides.js';
import type { RoomSlide } from '../../../src/room/state.js';

const slide = (index: number, html: string): RoomSlide => ({
  index,
  kind: 'prose',
  title: `S${index}`,
  html,
  notes: '',
});

describe('what an attendee may have of the deck folder', () => {
  // Slide 1 shows a picture whose name has a space and an ampersand, slide 4 another.
  const slides = [
    slide(0, '<h1>Title</h1>'),
    slide(1, readingHtml('<p><img src="assets/content/team%20%26%20me.png" alt="Team"></p>')),
    slide(2, '<p>Text</p>'),
    slide(3, readingHtml('<p><img src="assets/content/team%20%26%20me.png" alt="Again"></p>')),
    slide(4, readingHtml('<p><img src="assets/content/ahead.png" alt="Later"></p>')),
  ];
  const pictures = picturesOf(slides);
  const at = (furthest: number) => ({ slug: 'workshop', pictures, furthest });

  it("finds the slides' pictures by their file in the deck's folder, first slide first", () => {
    expect([...pictures]).toEqual([
      ['assets/content/team & me.png', 1],
      ['assets/content/ahead.png', 4],
    ]);
  });

  it('a picture only once the room has reached its slide', () => {
    expect(forAttendees('assets/content/team & me.png', at(0))).toBe(false);
    expect(forAttendees('assets/content/team & me.png', at(1))).toBe(true);
    expect(forAttendees('assets/content/ahead.png', at(3))).toBe(false);
    expect(forAttendees('assets/content/ahead.png', at(4))).toBe(true);
  });

  it('what they take home and their fonts; never the deck, its scripts, slide pictures or notes', () => {
    for (const file of [
      'workshop-handout.pdf',
      'workshop-report.pdf',
      'workshop-slides.pdf',
      'workshop-ai-scientist-factsheet.pdf',
      'assets/fonts/inter-latin-400-normal.woff2',
    ])
      expect(forAttendees(file, at(0)), file).toBe(true);
    for (const file of [
      'index.html',
      'assets/deck.js',
      'assets/reveal/reveal.js',
      'assets/content/unused.png',
      'assets/fonts/../deck.js',
      'images/slide-02.png',
      'images/thumbnail.png',
      'workshop-notes.pdf',
      'workshop.pptx',
      'workshop.html',
      'other-handout.pdf',
    ])
      expect(forAttendees(file, at(4)), file).toBe(false);
  });
});
