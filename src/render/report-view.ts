import type { Comparison } from '../compare/compare.js';
import type { Outlook, Section, SourceRef, TextDirection } from '../model/index.js';
import { deckSources, outlookDate, payText, provenanceText } from './provenance.js';
import type { Labels } from '../model/labels.js';
import { outlookChart } from './chart.js';
import { deckLocale, type DeckLocale } from './locale.js';
import { escapeHtml } from './markdown.js';
import { overlapChart } from './overlap-chart.js';
import { MATRIX_FROM_ROLES, overlapMatrix, type OverlapMatrix } from './overlap-matrix.js';
import { overlapTable, type OverlapTable } from './overlap-table.js';
import { keywordList, paperLayout, piecesToHtml, plain, sectionPieces } from './pieces.js';

/** The report's page margins (the template's @page): the fitting in layout/report.ts lays pages out in this box. */
export const REPORT_MARGIN_MM = { top: 20, side: 16, bottom: 20 } as const;

/** Letters across the report's text (about 170 mm at 10 pt), shared by its role columns. */
const REPORT_CHARS = 90;
import { pageNumbers } from './page-numbers.js';
import { hyphenateNarrow } from './hyphenate.js';
import { type BrandView, brandView, type ThemeView, themeView } from './themes.js';
import { type QrView, qrView } from './qr.js';

interface PartView {
  id: string;
  title: string;
  html: string;
}

export interface ReportView {
  lang: string;
  /** The built-in labels in the deck's language, under its `labels:` overrides. */
  labels: Labels;
  /** The running footer's "Page 1 of 8" as a CSS `content` value, from the labels. */
  pageNumbers: string;
  /** `<html dir>`: mirrors the layout for right-to-left languages (render/direction.ts). */
  dir: TextDirection;
  title: string;
  subtitle?: string | undefined;
  event?: string | undefined;
  presenter?: string | undefined;
  date?: string | undefined;
  paper: string;
  /** The CSS `margin` of the report's pages, from REPORT_MARGIN_MM. */
  pageMargin: string;
  /** Always light: the report is for paper, whatever the deck's theme on screen. */
  theme: ThemeView;
  brand: BrandView;
  roles: { title: string; short: string; summary?: string | undefined; role: number }[];
  glance: {
    head: string[];
    /** `terms`: which cells list bold terms rather than a sentence (Chinese keeps each term whole there). */
    rows: { label: string; cells: string[]; terms?: boolean[] | undefined }[];
  };
  opening?: PartView | undefined;
  sections: {
    id: string;
    title: string;
    columns: { heading: string; role: number; html: string }[];
    chart: string | undefined;
    caption: string | undefined;
  }[];
  overlap: OverlapTable;
  /** With 4-6 roles the overlap is shown as this matrix instead of the table. */
  overlapMatrix: OverlapMatrix | undefined;
  overlapChart: string;
  others: PartView[];
  closing?: PartView | undefined;
  sources: SourceRef[];
  /** On the cover when the deck has a url: at least 20 mm printed, with its quiet zone. */
  qr: QrView | undefined;
}

export function reportView(c: Comparison): ReportView {
  const { deck, roles } = c;
  // Letters a line holds in the role columns (report.css: 2, 3, 2x2 or 3 a row) and in a table
  // cell; narrow ones get hyphenation points (render/hyphenate.ts).
  const columnChars = REPORT_CHARS / (roles.length === 4 ? 2 : Math.min(roles.length, 3)) - 3;
  const cellChars = (REPORT_CHARS * 0.75) / roles.length;
  const narrow = (text: string, chars: number) => hyphenateNarrow(text, deck.lang, chars);
  const { opening, middle: rest, closing } = c.prose;
  const locale = deckLocale(deck);
  const { labels, dir } = locale;
  const chart = outlookChart(c.outlook, locale, c.noOutlook);
  const caption = locale.groups([
    ...new Set(c.outlook.map((b) => locale.list([b.group, outlookDate(b), b.source].filter((s): s is string => !!s)))),
  ]);

  return {
    lang: deck.lang,
    labels,
    pageNumbers: pageNumbers(labels),
    dir,
    title: deck.title,
    subtitle: deck.subtitle,
    event: deck.event,
    presenter: deck.presenter,
    date: locale.date(deck.date),
    paper: deck.paper,
    pageMargin: `${REPORT_MARGIN_MM.top}mm ${REPORT_MARGIN_MM.side}mm ${REPORT_MARGIN_MM.bottom}mm`,
    theme: themeView('light', deck.brand?.accent),
    brand: brandView(deck.brand),
    roles: roles.map((r, role) => ({ title: r.title, short: r.short, summary: r.summary, role })),
    glance: {
      head: roles.map((r) => r.short),
      rows: [
        ...(roles.some((r) => r.summary)
          ? [{ label: labels.inOneSentence, cells: roles.map((r) => narrow(r.summary ?? '–', cellChars)) }]
          : []),
        ...(roles.some((r) => r.pay)
          ? [
              {
                label: labels.medianPay,
                cells: roles.map((r) =>
                  r.pay ? [payText(r.pay, deck.lang), r.pay.source].filter(Boolean).join('; ') : '–',
                ),
              },
            ]
          : []),
        ...c.sections.map((s) => {
          const figure = (i: number) => s.id === 'outlook' && roles[i]?.outlook;
          return {
            label: s.title,
            cells: s.cells.map((cell, i) =>
              figure(i) ? growthLine(roles[i]!.outlook!, locale) : narrow(glanceCell(cell, locale), cellChars),
            ),
            terms: s.cells.map((cell, i) => !figure(i) && glanceTerms(cell, locale) !== ''),
          };
        }),
      ],
    },
    opening: opening && part(opening),
    sections: c.sections.map((s) => ({
      id: s.id,
      title: s.title,
      columns: s.cells.map((cell, role) => ({
        heading: roles[role]?.short ?? '',
        role,
        html: cell
          ? narrow(piecesToHtml(sectionPieces(cell, paperLayout(REPORT_CHARS / roles.length - 3))), columnChars)
          : `<p class="muted">${escapeHtml(labels.notCovered)}</p>`,
      })),
      chart: s.id === c.chartAfter && chart ? chart : undefined,
      caption: s.id === c.chartAfter ? caption : undefined,
    })),
    overlap: hyphenateTable(overlapTable(c, locale), (cell) => narrow(cell, cellChars)),
    overlapMatrix: roles.length >= MATRIX_FROM_ROLES ? hyphenateMatrix(overlapMatrix(c), narrow) : undefined,
    overlapChart: overlapChart(c, locale),
    others: rest.map(part),
    closing: closing && part(closing),
    sources: deckSources(c),
    qr: deck.url && deck.qr ? qrView(deck.url, labels.qrCode) : undefined,
  };
}

function hyphenateTable(table: OverlapTable, narrow: (cell: string) => string): OverlapTable {
  return { head: table.head, rows: table.rows.map(([title = '', ...cells]) => [title, ...cells.map(narrow)]) };
}

/** The term column takes 30% of the width (report.css). */
function hyphenateMatrix(matrix: OverlapMatrix, narrow: (text: string, chars: number) => string): OverlapMatrix {
  const chars = REPORT_CHARS * 0.3;
  return {
    ...matrix,
    groups: matrix.groups.map((g) => ({ ...g, rows: g.rows.map((r) => ({ ...r, term: narrow(r.term, chars) })) })),
  };
}

function part(section: Section): PartView {
  return {
    id: section.id,
    title: section.title,
    html: piecesToHtml(sectionPieces(section, paperLayout(REPORT_CHARS))),
  };
}

/** A section in a few words: its keywords, or for prose its first sentence. */
function glanceCell(cell: Section | undefined, locale: DeckLocale): string {
  if (!cell) return '–';
  const keywords = glanceTerms(cell, locale);
  if (keywords) return keywords;
  const first = cell.blocks.find((b) => b.kind === 'paragraph');
  return first ? (plain(first.markdown).split(/(?<=[.!?])\s/)[0] ?? '') : '–';
}

/** A section's bold terms as a list, or '' when its items have none. */
function glanceTerms(cell: Section | undefined, locale: DeckLocale): string {
  if (!cell) return '';
  return keywordList(
    cell.blocks.flatMap((b) => (b.kind === 'list' ? b.items.flatMap((i) => i.keywords) : [])),
    locale.list,
  );
}

/** The growth with the date and source it comes from, beside it. */
function growthLine(o: Outlook, { growth, labels }: DeckLocale): string {
  const beside = provenanceText(o.source, outlookDate(o));
  return `${growth(o.growth)} ${labels.projectedJobGrowth}${beside ? ` (${beside})` : ''}`;
}
