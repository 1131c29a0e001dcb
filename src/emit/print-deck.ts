import { performance } from 'node:perf_hooks';
import type { BrowserSession, Site } from '../browser/session.js';
import type { Comparison } from '../compare/compare.js';
import type { Diagnostic } from '../errors.js';
import type { FitBudgets } from '../model/slide-budgets.js';
import { fitSlides } from '../layout/fit-slides.js';
import type { RenderedDeck } from '../render/render.js';
import { OUTPUTS, type OutputChoice } from '../model/outputs.js';
import type { Asset } from './assets.js';
import { type PdfJob, pdfJobs, siteFor } from './jobs.js';
import { PostPass } from './pdf-post.js';
import { bounded, load, printPage } from './print.js';
import { settleAll } from './settle.js';
import { fittedExtras } from './fitted-extras.js';
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
 * The slides fitted (layout/fit-slides.ts) on pages this stage lends: each round loads the
 * latest rendering; the slides PDF, when wanted, prints from the page that fit.
 */
function fitInBrowser(
  { session, site, timeoutMs }: { session: BrowserSession; site: Site; timeoutMs: number },
  job: PdfJob,
  deckFile: string,
  first: RenderedDeck,
  printSlides: boolean,
  rerender: (budgets: FitBudgets) => RenderedDeck,
) {
  return fitSlides({
    first,
    deckFile,
    label: job.name,
    inPage: (round, work) => {
      const asked = performance.now();
      return session.withPage(site, (page) =>
        bounded(job, timeoutMs, async () => {
          performance.measure(`${job.name}: waits for a page (fit round ${round})`, { start: asked });
          const t = performance.now();
          await load(page, job, timeoutMs);
          performance.measure(`${job.name}: load (fit round ${round})`, { start: t });
          return work(page);
        }),
      );
    },
    rerender,
    whenFits: printSlides
      ? async (page) => {
          const p = performance.now();
          const pdf = await page.pdf({ ...job.pdf, timeout: timeoutMs });
          performance.measure(`${job.name}: print`, { start: p });
          return pdf;
        }
      : undefined,
  });
}

/** One post-pass worker for the process: every deck's PDFs are finished on it, in turn. */
const postPass = new PostPass();

/** What every PDF of the deck says of itself besides its title. */
function pdfMeta(c: Comparison, first: RenderedDeck, date: Date) {
  const { labels } = first.view;
  return {
    author: c.deck.presenter,
    subject: c.deck.subtitle ?? fillLabel(labels.comparisonOf, { roles: c.roles.map((role) => role.title).join(', ') }),
    keywords: [labels.careersKeyword, ...c.roles.map((role) => role.title)],
    date,
  };
}

/**
 * Prints the wanted PDFs of one deck. The slides are fitted first (layout/fit-slides.ts), so the
 * deck returned (and written as index.html) is the one that fits; the handout and the notes,
 * which draw the slides, wait for it.
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
  postPass.warmUp();
  const meta = pdfMeta(c, first, date);
  const jobs = pdfJobs(c, first, (d) => warnings.push(d));
  const site = siteFor(jobs, assets);
  // The bookmarks name the slides, so they follow the latest rendering (fitting may split slides).
  let latest = jobs;
  const finish = async (job: PdfJob, raw: Uint8Array, started: number): Promise<PrintedPdf> => {
    const bookmarks = latest.find((j) => j.name === job.name)?.bookmarks;
    const post = performance.now();
    const { bytes, pages } = await postPass.finish(raw, { ...meta, title: job.title, bookmarks });
    performance.measure(`${job.name}: metadata and bookmarks`, { start: post });
    return { name: job.name, bytes, pages, ms: performance.now() - started };
  };
  const print = async (job: PdfJob, from: Site = site) => {
    const started = performance.now();
    return finish(job, await printPage(session, from, job, timeoutMs), started);
  };

  const fitDeck = async (): Promise<{ rendered: RenderedDeck; pdf?: PrintedPdf }> => {
    const job = jobs.find((j) => j.kind === 'slides')!;
    const started = performance.now();
    const fitted = await fitInBrowser(
      { session, site, timeoutMs },
      job,
      c.deck.file,
      first,
      wanted.has('slides'),
      (budgets) => {
        const rendered = rerender(budgets);
        latest = pdfJobs(c, rendered);
        for (const [path, body] of siteFor(latest, assets)) site.set(path, body);
        return rendered;
      },
    );
    warnings.push(...fitted.warnings);
    return { rendered: fitted.rendered, ...(fitted.made ? { pdf: await finish(job, fitted.made, started) } : {}) };
  };
  // The handout, the notes and the slides PDF need the measured deck; so does index.html when it is written.
  const drawsSlides = [...wanted].some((kind) => OUTPUTS[kind].browser === 'fitted');
  const slides: Promise<{ rendered: RenderedDeck; pdf?: PrintedPdf }> =
    measure || drawsSlides ? fitDeck() : Promise.resolve({ rendered: first });

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
  const afterFit = slides.then((fit) =>
    fittedExtras({ session, site, timeoutMs }, c, fit.rendered, wanted, assets, date, (d) => warnings.push(d)),
  );
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
