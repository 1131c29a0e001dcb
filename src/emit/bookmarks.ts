import type { SlideView } from '../render/deck-view.js';
import type { Bookmark } from './pdf-outline.js';

/**
 * One bookmark per slide, titled as the slide is (with its part, "(2/3)", when a section was
 * split), opening the printed page the slide is on. `pages` groups the slides by printed page:
 * one a page for the slides PDF, several for the handout; a notes PDF passes its own grouping.
 */
export function slideBookmarks(pages: readonly (readonly Pick<SlideView, 'title' | 'part'>[])[]): Bookmark[] {
  return pages.flatMap((slides, i) =>
    slides.map((slide) => ({ title: slide.part ? `${slide.title} (${slide.part})` : slide.title, page: i + 1 })),
  );
}
