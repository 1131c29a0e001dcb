import type { PDFOptions } from 'puppeteer-core';
import type { Page } from 'puppeteer-core';
import type { Comparison } from '../compare/compare.js';
import type { RenderedDeck } from '../render/render.js';
import { contentType, type Asset } from './assets.js';
import type { Diagnostic } from '../errors.js';
import { fitFactsheet } from './fit/factsheet.js';
import { paginateReport } from './fit/report.js';
import { fitHandoutCells } from './fit/handout.js';
import { TEXT_CELLS } from '../render/handout-cells.js';
import { pdfName } from './names.js';
import { slideBookmarks } from './bookmarks.js';
import type { Bookmark } from './pdf-outline.js';
import { handoutView } from '../render/handout-view.js';
import { fillLabel } from '../model/labels.js';

/** One PDF of a deck: the page it prints, how, and what goes into its metadata. */
export interface PdfJob {
  kind: 'report' | 'handout' | 'notes' | 'slides' | 'factsheet';
  /** Output file name inside the deck folder. */
  name: string;
  title: string;
  /** Path under the in-memory site, with any query. */
  path: string;
  /** The finished HTML served at that path. */
  html: string;
  /** An attribute on <html> the page sets when it is ready to print. */
  readyAttribute?: string | undefined;
  /** Checks run on the loaded page before printing; they throw to fail the build. */
  beforePrint?: ((page: Page) => Promise<void>) | undefined;
  /** Layout that had to give way in this job's last print (a page printed again replaces its own). */
  warnings?: (() => readonly Diagnostic[]) | undefined;
  pdf: PDFOptions;
  /** The PDF's bookmarks, when they are not Chromium's (one per heading): one per slide. */
  bookmarks?: readonly Bookmark[] | undefined;
}

const PRINT: PDFOptions = { printBackground: true, preferCSSPageSize: true, tagged: true };

/** `warn` receives layout that had to give way while printing (a fact sheet on two pages). */
export function pdfJobs(c: Comparison, r: RenderedDeck, warn: (d: Diagnostic) => void = () => undefined): PdfJob[] {
  const { deck } = c;
  const handoutPages = handoutView(r.view, deck.paper, deck.handout.perPage).pages;
  // Document titles (what a PDF viewer shows) in the deck's language, like every label.
  const { labels } = r.view;
  const cellBox = TEXT_CELLS[deck.handout.perPage];
  // The handout may print twice (again when fitting split slides): its last print's warnings count.
  let cellWarnings: Diagnostic[] = [];
  return [
    {
      kind: 'report',
      name: pdfName(deck.slug, 'report'),
      title: fillLabel(labels.reportTitle, { title: deck.title }),
      path: '/report.html',
      html: r.report,
      beforePrint: async (page: Page) => {
        await paginateReport(page, deck.paper);
      },
      pdf: { ...PRINT, outline: true },
    },
    {
      kind: 'handout',
      name: pdfName(deck.slug, 'handout'),
      title: fillLabel(labels.handoutTitle, { title: deck.title }),
      path: '/handout.html',
      html: r.handout,
      beforePrint: cellBox
        ? async (page: Page) => {
            cellWarnings = await fitHandoutCells(page, deck.handout.perPage, cellBox.pt);
          }
        : undefined,
      warnings: () => cellWarnings,
      pdf: PRINT,
      bookmarks: slideBookmarks(handoutPages),
    },
    // Bookmarks from each slide's heading (the thumbnails' own headings are hidden from them).
    {
      kind: 'notes',
      name: pdfName(deck.slug, 'notes'),
      title: fillLabel(labels.notesTitle, { title: deck.title }),
      path: '/notes.html',
      html: r.notes,
      pdf: { ...PRINT, outline: true },
    },
    {
      kind: 'slides',
      name: pdfName(deck.slug, 'slides'),
      title: fillLabel(labels.slidesTitle, { title: deck.title }),
      path: '/index.html?print-pdf',
      html: r.deck,
      readyAttribute: 'data-careerdeck-pdf-ready',
      pdf: PRINT,
      bookmarks: slideBookmarks(r.view.slides.map((slide) => [slide])),
    },
    ...r.factsheets.map(({ slug, html }) => {
      const role = c.roles.find((x) => x.slug === slug);
      return {
        kind: 'factsheet' as const,
        name: pdfName(deck.slug, 'factsheet', slug),
        title: fillLabel(labels.factsheetTitle, { role: role?.title ?? slug }),
        path: `/factsheet-${slug}.html`,
        html,
        beforePrint: async (page: Page) => {
          const warning = await fitFactsheet(page, deck.paper, role?.title ?? slug);
          if (warning) warn(warning);
        },
        pdf: PRINT,
      };
    }),
  ];
}

/** Every page the jobs print and the assets they load, served from memory while printing. */
export function siteFor(
  jobs: readonly PdfJob[],
  assets: readonly Asset[],
): Map<string, { body: Uint8Array | string; type: string }> {
  const site = new Map<string, { body: Uint8Array | string; type: string }>();
  for (const asset of assets) site.set(`/${asset.path}`, { body: asset.bytes, type: contentType(asset.path) });
  for (const job of jobs) {
    const page = new URL(job.path, 'file:///').pathname;
    site.set(page, { body: job.html, type: contentType(page) });
  }
  return site;
}

/** The finished HTML each PDF is printed from, named like the PDF with `.html` (for --keep-html). */
export function printSources(c: Comparison, r: RenderedDeck): { name: string; html: string; pdf: string }[] {
  return pdfJobs(c, r)
    .filter((job) => job.kind !== 'slides')
    .map((job) => ({ name: job.name.replace(/\.pdf$/, '.html'), html: job.html, pdf: job.name }));
}
