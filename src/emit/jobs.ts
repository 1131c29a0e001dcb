import type { PDFOptions } from 'puppeteer-core';
import type { Page } from 'puppeteer-core';
import type { Comparison } from '../compare/compare.js';
import type { RenderedDeck } from '../render/render.js';
import { contentType, type Asset } from './assets.js';
import { assertFitsOnePage, assertHandoutNotesFit } from './fit.js';

/** One PDF of a deck: the page it prints, how, and what goes into its metadata. */
export interface PdfJob {
  kind: 'report' | 'handout' | 'slides' | 'factsheet';
  /** Output file name inside the deck folder. */
  name: string;
  title: string;
  /** Path under the in-memory site, with any query. */
  path: string;
  /** An attribute on <html> the page sets when it is ready to print. */
  readyAttribute?: string | undefined;
  /** Checks run on the loaded page before printing; they throw to fail the build. */
  beforePrint?: ((page: Page) => Promise<void>) | undefined;
  pdf: PDFOptions;
}

const PRINT: PDFOptions = { printBackground: true, preferCSSPageSize: true, tagged: true };

export function pdfJobs(c: Comparison, r: RenderedDeck): PdfJob[] {
  const { deck } = c;
  return [
    { kind: 'report', name: `${deck.slug}-report.pdf`, title: `${deck.title}: comparison report`, path: '/report.html', pdf: { ...PRINT, outline: true } },
    { kind: 'handout', name: `${deck.slug}-handout.pdf`, title: `${deck.title}: handout`, path: '/handout.html', beforePrint: assertHandoutNotesFit, pdf: PRINT },
    { kind: 'slides', name: `${deck.slug}-slides.pdf`, title: `${deck.title}: slides`, path: '/index.html?print-pdf', readyAttribute: 'data-careerdeck-pdf-ready', pdf: PRINT },
    ...r.factsheets.map(({ slug }) => {
      const role = c.roles.find((x) => x.slug === slug);
      return {
        kind: 'factsheet' as const,
        name: `${deck.slug}-${slug}-factsheet.pdf`,
        title: `${role?.title ?? slug}: fact sheet`,
        path: `/factsheet-${slug}.html`,
        beforePrint: (page: Page) => assertFitsOnePage(page, deck.paper, role?.title ?? slug),
        pdf: PRINT,
      };
    }),
  ];
}

/** Every page of a deck and the assets they load, served from memory while printing. */
export function siteFor(r: RenderedDeck, assets: readonly Asset[]): Map<string, { body: Uint8Array | string; type: string }> {
  const site = new Map<string, { body: Uint8Array | string; type: string }>();
  const html = contentType('.html');
  for (const asset of assets) site.set(`/${asset.path}`, { body: asset.bytes, type: contentType(asset.path) });
  site.set('/index.html', { body: r.deck, type: html });
  site.set('/report.html', { body: r.report, type: html });
  site.set('/handout.html', { body: r.handout, type: html });
  for (const f of r.factsheets) site.set(`/factsheet-${f.slug}.html`, { body: f.html, type: html });
  return site;
}

/** The finished HTML each PDF is printed from, named like the PDF with `.html` (for --keep-html). */
export function printSources(c: Comparison, r: RenderedDeck): { name: string; html: string }[] {
  const site = siteFor(r, []);
  return pdfJobs(c, r)
    .filter((job) => job.kind !== 'slides')
    .map((job) => ({ name: job.name.replace(/\.pdf$/, '.html'), html: String(site.get(job.path)?.body ?? '') }));
}
