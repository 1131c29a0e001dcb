import type { DeckView, SlideView } from './deck-view.js';
import { type BrandView, type ThemeView, themeView } from './themes.js';

export const SLIDES_PER_HANDOUT_PAGE = 3;

export interface HandoutView {
  lang: string;
  title: string;
  paper: string;
  /** Always light: the handout is for paper, whatever the deck's theme on screen. */
  theme: ThemeView;
  brand: BrandView;
  /** Slides grouped by printed page. */
  pages: SlideView[][];
}

export function handoutView(deck: DeckView, paper: string): HandoutView {
  const pages: SlideView[][] = [];
  for (let i = 0; i < deck.slides.length; i += SLIDES_PER_HANDOUT_PAGE) pages.push(deck.slides.slice(i, i + SLIDES_PER_HANDOUT_PAGE));
  return { lang: deck.lang, title: deck.title, paper, theme: themeView('light', deck.brand.accent), brand: deck.brand, pages };
}
