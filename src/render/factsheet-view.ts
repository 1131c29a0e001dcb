import type { Comparison } from '../compare/compare.js';
import type { Labels } from '../model/labels.js';
import type { TextDirection } from '../model/index.js';
import { formatMoney } from './formats.js';
import { deckLocale } from './locale.js';
import { outlookDate, payDate } from './provenance.js';
import { paperLayout, piecesToHtml, sectionPieces } from './pieces.js';
import { type QrView, qrView } from './qr.js';

/** Letters across one of a fact sheet's two columns of sections. */
const SHEET_CHARS = 46;
import { type BrandView, brandView, type ThemeView, themeView } from './themes.js';
import { paperMm } from '../model/paper.js';

/** The fact sheet's page margin: the template's @page and the fit check both read it. */
export const FACTSHEET_MARGIN_MM = 14;

export interface FactsheetView {
  lang: string;
  /** The built-in labels in the deck's language, under its `labels:` overrides. */
  labels: Labels;
  /** `<html dir>`: mirrors the layout for right-to-left languages (render/direction.ts). */
  dir: TextDirection;
  paper: string;
  marginMm: number;
  /** The page's content height less half a millimetre: the sheet's least height, so its footer sits at the page foot. */
  sheetMm: number;
  /** Always light: fact sheets are for paper, whatever the deck's theme on screen. */
  theme: ThemeView;
  brand: BrandView;
  title: string;
  /** The deck's title, as the sheet's running context. */
  deckTitle: string;
  role: number;
  summary: string | undefined;
  outlook: { growth: string; detail: string } | undefined;
  /** Median pay in its own currency, with area, date and source beside it. */
  pay: { amount: string; detail: string } | undefined;
  sections: { id: string; title: string; html: string; file: string; line: number }[];
  footer: string;
  /** Beside the footer when the deck has a url: at least 20 mm printed. */
  qr: QrView | undefined;
}

/** One page per role: every section of the deck for that role, and its outlook figure. */
export function factsheetViews(c: Comparison): { slug: string; view: FactsheetView }[] {
  const locale = deckLocale(c.deck);
  const { labels } = locale;
  return c.roles.map((role, index) => ({
    slug: role.slug,
    view: {
      lang: c.deck.lang,
      labels,
      dir: locale.dir,
      paper: c.deck.paper,
      marginMm: FACTSHEET_MARGIN_MM,
      sheetMm: Math.floor((paperMm(c.deck.paper).height - 2 * FACTSHEET_MARGIN_MM - 0.5) * 10) / 10,
      theme: themeView('light', c.deck.brand?.accent),
      brand: brandView(c.deck.brand),
      title: role.title,
      deckTitle: c.deck.title,
      role: index,
      summary: role.summary,
      outlook: role.outlook
        ? {
            growth: locale.growth(role.outlook.growth),
            detail: [role.outlook.group, outlookDate(role.outlook), role.outlook.source].filter(Boolean).join(' · '),
          }
        : undefined,
      pay: role.pay
        ? {
            amount: formatMoney(role.pay.amount, role.pay.currency, c.deck.lang),
            detail: [role.pay.area, payDate(role.pay), role.pay.source].filter(Boolean).join(' · '),
          }
        : undefined,
      sections: c.sections.flatMap((s) => {
        const cell = s.cells[index];
        return cell
          ? [
              {
                id: s.id,
                title: s.title,
                html: piecesToHtml(sectionPieces(cell, paperLayout(SHEET_CHARS))),
                file: role.file,
                line: cell.line,
              },
            ]
          : [];
      }),
      footer: [c.deck.title, c.deck.event, locale.date(c.deck.date)].filter(Boolean).join(' · '),
      qr: c.deck.url && c.deck.qr ? qrView(c.deck.url, labels.qrCode) : undefined,
    },
  }));
}
