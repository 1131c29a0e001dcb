import { performance } from 'node:perf_hooks';
import type { BrowserSession } from '../browser/session.js';
import type { Comparison } from '../compare/compare.js';
import { CareerdeckError, ContentError } from '../errors.js';
import type { FitBudgets } from '../render/deck-view.js';
import { type RenderedDeck, renderDeck } from '../render/render.js';
import type { Templates } from '../render/templates.js';
import type { Asset } from './assets.js';
import { type PdfJob, pdfJobs, siteFor } from './jobs.js';
import { withMetadata } from './pdf-meta.js';
import { bounded, load, printPage } from './print.js';
import { measureSlides, refit } from './slide-fit.js';

export interface PrintedPdf {
  name: string;
  bytes: Uint8Array;
  pages: number;
  ms: number;
}

const MAX_FIT_ROUNDS = 5;

/**
 * Prints every PDF of one deck. The slides are measured in the browser first; a section that
 * overflows is split over more slides and the deck rendered again, so the deck returned (and
 * written as index.html) is the one that fits. The handout, which draws the slides, waits for it.
 */
export async function printDeck(
  session: BrowserSession,
  c: Comparison,
  first: RenderedDeck,
  templates: Templates,
  assets: readonly Asset[],
  date: Date,
  timeoutMs: number,
): Promise<{ rendered: RenderedDeck; pdfs: PrintedPdf[] }> {
  const meta = {
    author: c.deck.presenter,
    subject: c.deck.subtitle ?? `A comparison of ${c.roles.map((role) => role.title).join(', ')}`,
    keywords: ['careers', ...c.roles.map((role) => role.title)],
    language: c.deck.lang,
    date,
  };
  const site = siteFor(first, assets);
  const print = async (job: PdfJob, printed: Promise<Uint8Array>, started: number): Promise<PrintedPdf> => {
    const { bytes, pages } = await withMetadata(await printed, { ...meta, title: job.title });
    return { name: job.name, bytes, pages, ms: performance.now() - started };
  };
  const jobs = pdfJobs(c, first);
  const byName = (suffix: string) => jobs.find((j) => j.name.endsWith(suffix));
  const independent = jobs.filter((j) => !j.name.endsWith('-slides.pdf') && !j.name.endsWith('-handout.pdf'));
  const started = performance.now();

  const slides = (async () => {
    const job = byName('-slides.pdf')!;
    let rendered = first;
    let budgets: FitBudgets = new Map();
    for (let round = 0; round < MAX_FIT_ROUNDS; round++) {
      const outcome = await session.withPage(site, (page) =>
        bounded(job, timeoutMs, async () => {
          await load(page, job, timeoutMs);
          const overflows = await measureSlides(page);
          return overflows.length === 0 ? { pdf: await page.pdf({ ...job.pdf, timeout: timeoutMs }) } : { overflows };
        }),
      );
      if (outcome.pdf) return { rendered, pdf: await print(job, Promise.resolve(outcome.pdf), started) };
      const next = refit(rendered.view, outcome.overflows ?? [], budgets);
      if (next.problems.length > 0) throw new ContentError(next.problems);
      budgets = next.budgets;
      rendered = renderDeck(c, templates, budgets);
      for (const [path, body] of siteFor(rendered, assets)) site.set(path, body);
    }
    throw new CareerdeckError('CONTENT', `the slides of ${c.deck.file} still overflow after ${MAX_FIT_ROUNDS} attempts to split them; shorten the longest sections`);
  })();

  const handout = slides.then(() => {
    const job = byName('-handout.pdf')!;
    return print(job, printPage(session, site, job, timeoutMs), performance.now());
  });
  const others = independent.map((job) => print(job, printPage(session, site, job, timeoutMs), performance.now()));
  const [fitted, handoutPdf, ...rest] = await Promise.all([slides, handout, ...others]);
  const order = jobs.map((j) => j.name);
  const pdfs = [fitted.pdf, handoutPdf, ...rest].sort((a, b) => order.indexOf(a.name) - order.indexOf(b.name));
  return { rendered: fitted.rendered, pdfs };
}
