import type { PDFOptions } from 'puppeteer-core';
import type { Page } from 'puppeteer-core';
import type { Comparison } from '../compare/compare.js';
import type { RenderedDeck, RenderedPage } from '../render/render.js';
import { contentType, type Asset } from './assets.js';
import type { Diagnostic } from '../errors.js';
import { fitFactsheet } from '../layout/factsheet.js';
import { fitHandoutCells } from '../layout/handout.js';
import { paginateReport } from '../layout/report.js';
import { TEXT_CELLS } from '../render/handout-cells.js';
import { outputName } from './names.js';
import { slideBookmarks } from './bookmarks.js';
import type { Bookmark } from './pdf-outline.js';
import { handoutView } from '../render/handout-view.js';
import { fillLabel } from '../model/labels.js';
import { OUTPUTS, type PdfKind } from '../model/outputs.js';

/** One PDF of a deck: the page it prints, how, and what goes into its metadata. */
export interface PdfJob {
  kind: PdfKind;
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

/** What a kind's job adds to its page: how it prints, its bookmarks, its checks. */
type JobSpec = Pick<PdfJob, 'readyAttribute' | 'beforePrint' | 'pdf' | 'bookmarks' | 'warnings'>;
interface JobContext {
  c: Comparison;
  r: RenderedDeck;
  page: RenderedPage;
  /** The role's title, for a page of one role. */
  role?: string | undefined;
  warn: (d: Diagnostic) => void;
}

/**
 * How each PDF prints, by kind; name, title and page come from the table of outputs
 * (model/outputs.ts). In the order the PDFs are listed once printed.
 */
const JOBS: { readonly [K in PdfKind]: (x: JobContext) => JobSpec } = {
  // Bookmarks from the report's headings (Chromium's outline).
  // Laid out before printing: a part that runs over a page goes on under its title, continued.
  report: ({ c }) => ({
    beforePrint: async (page: Page) => {
      await paginateReport(page, c.deck.paper);
    },
    pdf: { ...PRINT, outline: true },
  }),
  handout: ({ c, r }) => {
    const cells = TEXT_CELLS[c.deck.handout.perPage];
    // The handout may print twice (again when fitting split slides): its last print's warnings count.
    let said: Diagnostic[] = [];
    return {
      beforePrint: cells
        ? async (page: Page) => {
            said = await fitHandoutCells(page, c.deck.handout.perPage, cells.pt);
          }
        : undefined,
      warnings: () => said,
      pdf: PRINT,
      bookmarks: slideBookmarks(handoutView(r.view, c.deck.paper, c.deck.handout.perPage).pages),
    };
  },
  // Bookmarks from each slide's heading (the thumbnails' own headings are hidden from them).
  notes: () => ({ pdf: { ...PRINT, outline: true } }),
  slides: ({ r }) => ({
    readyAttribute: 'data-careerdeck-pdf-ready',
    pdf: PRINT,
    bookmarks: slideBookmarks(r.view.slides.map((slide) => [slide])),
  }),
  factsheets: ({ c, role, warn }) => ({
    beforePrint: async (page: Page) => {
      const warning = await fitFactsheet(page, c.deck.paper, role ?? '');
      if (warning) warn(warning);
    },
    pdf: PRINT,
  }),
};

/**
 * The PDFs of the pages rendered (those the deck's `outputs` list) and the slides PDF, which
 * prints the deck itself (the slides are fitted with it even when no slides PDF is wanted).
 * `warn` receives layout that had to give way while printing (a fact sheet on two pages).
 */
export function pdfJobs(c: Comparison, r: RenderedDeck, warn: (d: Diagnostic) => void = () => undefined): PdfJob[] {
  const { deck } = c;
  // Document titles (what a PDF viewer shows) in the deck's language, like every label.
  const { labels } = r.view;
  return (Object.keys(JOBS) as PdfKind[]).flatMap((kind) => {
    const row = OUTPUTS[kind];
    const pages: readonly RenderedPage[] =
      kind === 'slides' ? [{ html: r.deck }] : (r.pages[kind as Exclude<PdfKind, 'slides'>] ?? []);
    return pages.map((page): PdfJob => {
      const role =
        page.role === undefined ? undefined : (c.roles.find((x) => x.slug === page.role)?.title ?? page.role);
      const template = row.templates[0]!;
      return {
        kind,
        name: outputName(deck.slug, kind, page.role),
        title: row.titleLabel
          ? fillLabel(labels[row.titleLabel], role === undefined ? { title: deck.title } : { role })
          : deck.title,
        path:
          kind === 'slides'
            ? '/index.html?print-pdf'
            : `/${template}${page.role === undefined ? '' : `-${page.role}`}.html`,
        html: page.html,
        ...JOBS[kind]({ c, r, page, role, warn }),
      };
    });
  });
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
