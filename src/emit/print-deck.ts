import { performance } from 'node:perf_hooks';
import type { BrowserSession, Site } from '../browser/session.js';
import type { Comparison } from '../compare/compare.js';
import { ContentError, type Diagnostic } from '../errors.js';
import type { FitBudgets } from '../render/deck-view.js';
import type { RenderedDeck } from '../render/render.js';
import { OUTPUTS, type OutputChoice } from '../model/outputs.js';
import type { Asset } from './assets.js';
import { type PdfJob, pdfJobs, siteFor } from './jobs.js';
import { withMetadata } from './pdf-meta.js';
import { bounded, load, printPage } from './print.js';
import { settleAll } from './settle.js';
import { contentPictures, logoPicture, picturesIn } from './pptx/pictures.js';
import { measureSlides, refit, shrinkWarnings } from './fit/slides.js';
import { slideImages } from './slide-images.js';
import type { BrowserExtras, ReachFile } from './reach.js';
import { fillLabel } from '../model/labels.js';

export type { BrowserExtras };

/** What printing made for one deck: the deck as fitted, its PDFs, layout warnings, and pictures for other outputs. */
export interface PrintedDeck {
  rendered: RenderedDeck;
  pdfs: PrintedPdf[];
  warnings: Diagnostic[];
  extras: BrowserExtras;
  /** The PowerPoint and the one-file deck, when wanted: made while the other PDFs print. */
  reach?: ReachFile[] | undefined;
}

export interface PrintedPdf {
  name: string;
  bytes: Uint8Array;
  pages: number;
  ms: number;
}

export interface DeckToPrint {
  c: Comparison;
  /** The outputs to make: those whose inputs changed. */
  wanted: ReadonlySet<OutputChoice>;
  /** Measure the slides (and split what overflows) even when no slides PDF is wanted: index.html is written. */
  measure: boolean;
  rendered: RenderedDeck;
  /** Renders the deck again with tighter fitting budgets (the render stage, passed in by build). */
  rerender: (budgets: FitBudgets) => RenderedDeck;
}

/**
 * Budgets only shrink and type scales only fall, so fitting converges; the bound is a safety
 * net that the contents of issue 11 (25-item sections, 6 roles) stay well inside.
 */
const MAX_FIT_ROUNDS = 8;

/**
 * Prints the wanted PDFs of one deck. The slides are measured in the browser first; a section
 * that overflows is split over more slides and the deck rendered again, so the deck returned (and
 * written as index.html) is the one that fits. The handout, which draws the slides, waits for it.
 */
export async function printDeck(
  session: BrowserSession,
  { c, wanted, measure, rendered: first, rerender }: DeckToPrint,
  assets: readonly Asset[],
  date: Date,
  timeoutMs: number,
): Promise<PrintedDeck> {
  // Layout that had to give way (content that cannot fit as designed) is reported, never silent.
  const warnings: Diagnostic[] = [];
  const meta = {
    author: c.deck.presenter,
    subject:
      c.deck.subtitle ??
      fillLabel(first.view.labels.comparisonOf, { roles: c.roles.map((role) => role.title).join(', ') }),
    keywords: [first.view.labels.careersKeyword, ...c.roles.map((role) => role.title)],
    date,
  };
  const jobs = pdfJobs(c, first, (d) => warnings.push(d));
  const site = siteFor(jobs, assets);
  // The bookmarks name the slides, so they follow the latest rendering (fitting may split slides).
  let latest = jobs;
  const finish = async (job: PdfJob, raw: Uint8Array, started: number): Promise<PrintedPdf> => {
    const bookmarks = latest.find((j) => j.name === job.name)?.bookmarks;
    const post = performance.now();
    const { bytes, pages } = withMetadata(raw, { ...meta, title: job.title, bookmarks });
    performance.measure(`${job.name}: metadata and bookmarks`, { start: post });
    return { name: job.name, bytes, pages, ms: performance.now() - started };
  };
  const print = async (job: PdfJob, from: Site = site) => {
    const started = performance.now();
    return finish(job, await printPage(session, from, job, timeoutMs), started);
  };

  const fitSlides = async (): Promise<{ rendered: RenderedDeck; pdf?: PrintedPdf }> => {
    const job = jobs.find((j) => j.kind === 'slides')!;
    const started = performance.now();
    let rendered = first;
    let budgets: FitBudgets = new Map();
    let last: { slide: number }[] = [];
    for (let round = 0; round < MAX_FIT_ROUNDS; round++) {
      const asked = performance.now();
      const outcome = await session.withPage(site, (page) =>
        bounded(job, timeoutMs, async () => {
          performance.measure(`${job.name}: waits for a page (fit round ${round + 1})`, { start: asked });
          const t = performance.now();
          await load(page, job, timeoutMs);
          performance.measure(`${job.name}: load (fit round ${round + 1})`, { start: t });
          const m = performance.now();
          const overflows = await measureSlides(page);
          performance.measure(`${job.name}: measure slides (fit round ${round + 1})`, { start: m });
          if (overflows.length > 0) return { overflows };
          const p = performance.now();
          const pdf = wanted.has('slides') ? await page.pdf({ ...job.pdf, timeout: timeoutMs }) : undefined;
          if (pdf) performance.measure(`${job.name}: print`, { start: p });
          return { overflows, pdf };
        }),
      );
      if (outcome.overflows.length === 0) {
        warnings.push(...shrinkWarnings(rendered.view, budgets));
        return { rendered, ...(outcome.pdf ? { pdf: await finish(job, outcome.pdf, started) } : {}) };
      }
      last = outcome.overflows;
      const next = refit(rendered.view, outcome.overflows, budgets);
      if (next.problems.length > 0) throw new ContentError(next.problems);
      budgets = next.budgets;
      rendered = rerender(budgets);
      latest = pdfJobs(c, rendered);
      for (const [path, body] of siteFor(latest, assets)) site.set(path, body);
    }
    // Name where each slide that still overflows comes from, not just the deck.
    throw new ContentError(
      last.map(({ slide }) => {
        const s = rendered.view.slides[slide];
        return {
          file: s?.source?.file ?? c.deck.file,
          line: s?.source?.line,
          message: `slide ${slide + 1} ("${s?.title ?? ''}") still overflows after ${MAX_FIT_ROUNDS} attempts to split it; shorten this section`,
        };
      }),
    );
  };
  // The handout, the notes and the slides PDF need the measured deck; so does index.html when it is written.
  const drawsSlides = [...wanted].some((kind) => OUTPUTS[kind].browser === 'fitted');
  const slides: Promise<{ rendered: RenderedDeck; pdf?: PrintedPdf }> =
    measure || drawsSlides ? fitSlides() : Promise.resolve({ rendered: first });

  // The handout and the notes draw the slides, so they must match the deck that fits. Each is
  // printed at once from the first rendering (which nearly always fits) and again only if
  // fitting changed it.
  async function printDrawingSlides(job: PdfJob): Promise<PrintedPdf> {
    const early = print(job, siteFor(jobs, assets));
    // Handled now, awaited later: a failure while the slides are still fitting must not count
    // as an unhandled rejection.
    early.catch(() => undefined);
    const fitted = await slides.catch(() => undefined);
    if (fitted === undefined || fitted.rendered === first) return early;
    await early.catch(() => undefined);
    return print(job);
  }
  // The slides PDF is printed by fitting itself (above).
  const toPrint = jobs.filter((job) => job.kind !== 'slides' && wanted.has(job.kind));
  const handout = toPrint.filter((job) => OUTPUTS[job.kind].browser === 'fitted').map(printDrawingSlides);
  const others = toPrint.filter((job) => OUTPUTS[job.kind].browser === 'print').map((job) => print(job));
  // Once the slides fit, the pictures other outputs need, then the PowerPoint and the one-file
  // deck, are made while the other PDFs still print, instead of after them (the site now serves
  // the last rendering).
  const logo = c.deck.brand?.logo;
  const afterFit = slides.then(async (fit) => {
    const shown = picturesIn(fit.rendered.view.slides);
    const [images, logoPng, pictures] = await Promise.all([
      wanted.has('images') ? slideImages(session, site, timeoutMs) : Promise.resolve([]),
      wanted.has('pptx') && logo ? logoPicture(session, site, logo.asset, timeoutMs) : Promise.resolve(undefined),
      wanted.has('pptx') && shown.length > 0
        ? contentPictures(session, site, shown, timeoutMs)
        : Promise.resolve(undefined),
    ]);
    const kinds = new Set([...wanted].filter((kind) => kind === 'pptx' || kind === 'html'));
    const { reachFiles } = await import('./reach.js');
    const reach = await reachFiles(c, fit.rendered, kinds, assets, date, { images: [], logo: logoPng, pictures }, (d) =>
      warnings.push(d),
    );
    return { extras: { images, logo: logoPng }, reach };
  });
  // Every job runs to its end, so that all content problems are reported together.
  await settleAll<unknown>([slides, ...handout, ...others, afterFit]);
  const fit = await slides;
  for (const job of jobs) warnings.push(...(job.warnings?.() ?? []));
  const order = jobs.map((j) => j.name);
  const printed = [
    ...(wanted.has('slides') && fit.pdf ? [fit.pdf] : []),
    ...(await Promise.all([...handout, ...others])),
  ];
  const pdfs = printed.sort((a, b) => order.indexOf(a.name) - order.indexOf(b.name));
  const { extras, reach } = await afterFit;
  return { rendered: fit.rendered, pdfs, warnings, extras, reach };
}
