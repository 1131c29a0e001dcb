import { rm } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import type { Browser, CDPSession, Page } from 'puppeteer-core';
import type { CareerdeckError } from '../errors.js';
import { explainBrowserError } from './errors.js';
import { launchChromium } from './launch.js';
import { serveSite, type Site } from './site.js';
import { within } from './timeout.js';

export { ORIGIN, type Site } from './site.js';

export interface SessionOptions {
  executablePath: string;
  /** Bound on launching the browser and on every wait in a page, in milliseconds. */
  timeoutMs: number;
  /** How many pages print at once. Default: one per core, at most 4. */
  pages?: number | undefined;
}

/**
 * As many pages as cores (up to 4). Six at once printed one deck about 0.3 s sooner on 2 cores,
 * but in a batch of 12 decks each page got so little CPU that a slides page overran its 30 s.
 */
export function defaultPageCount(): number {
  return Math.min(4, availableParallelism());
}

/** A kept page's heaps (V8's and Blink's, in bytes) above which its garbage is collected between jobs. */
const GC_THRESHOLD = 16 * 1024 * 1024;

/** Puppeteer's own default for a new page, restored when a page is lent again. */
const DEFAULT_VIEWPORT = { width: 800, height: 600 };

/**
 * The one owner of Chromium in a build: launched on first use, its pages lent to one job at a
 * time through `withPage` and kept for the next, closed by `close()` on success, error or
 * interruption. Answering the pages' requests is site.ts's job; starting Chromium, launch.ts's;
 * saying what an error means, errors.ts's.
 */
export class BrowserSession {
  private browser: Promise<Browser> | undefined;
  private active = 0;
  private closed = false;
  private closing: Promise<void> | undefined;
  private profile: string | undefined;
  /** Pages between jobs, and the site each busy page serves. */
  private readonly idle: Page[] = [];
  private readonly sites = new Map<Page, Site>();
  private readonly crashed = new WeakSet<Page>();
  /** Each page's own protocol session, for the requests it serves and its garbage collection. */
  private readonly cdps = new WeakMap<Page, CDPSession>();
  /** The blank page Chromium opens at launch, lent first. */
  private initialTab: Promise<Page | undefined> | undefined;
  private readonly waiting: { resolve: () => void; reject: (error: Error) => void }[] = [];
  private readonly limit: number;
  /** Requests refused because they were not for our own files: for tests and diagnostics. */
  readonly blocked: string[] = [];
  launches = 0;
  /** Garbage collections of a kept page between jobs (collectGarbage): for tests and diagnostics. */
  collections = 0;
  private markClosed!: () => void;
  /** Settles when close() is called: a page still being opened then stops waiting for it. */
  private readonly whenClosed = new Promise<never>(
    (_, reject) => (this.markClosed = () => reject(new Error('closed'))),
  );

  private markGone!: (error: Error) => void;
  /**
   * Rejects when the browser goes away without close() (killed, crashed): jobs then stop at once
   * instead of waiting on Puppeteer calls that only time out (opening a page waited its 30 s).
   */
  private readonly whenGone = new Promise<never>((_, reject) => (this.markGone = reject));

  constructor(private readonly options: SessionOptions) {
    this.whenClosed.catch(() => undefined);
    this.whenGone.catch(() => undefined);
    this.limit = Math.max(1, Math.floor(options.pages ?? defaultPageCount()));
  }

  /** `await using session = new BrowserSession(...)` closes it however the block ends. */
  [Symbol.asyncDispose](): Promise<void> {
    return this.close();
  }

  /**
   * Lends a page that can load only `site` to `fn`; afterwards the page is kept for the next job,
   * or closed if it could not be set back. Errors from the browser become CareerdeckErrors that
   * say what happened: timed out, closed, crashed.
   */
  async withPage<T>(site: Site, fn: (page: Page) => Promise<T>): Promise<T> {
    await this.acquire();
    try {
      const page = this.takeIdle() ?? (await Promise.race([this.openPage(), this.whenGone]));
      this.sites.set(page, site);
      let reusable = false;
      try {
        const result = await Promise.race([fn(page), this.whenGone]);
        reusable = await this.reset(page);
        if (reusable) void this.collectGarbage(page);
        return result;
      } finally {
        this.sites.delete(page);
        if (reusable && !this.closed) this.idle.push(page);
        else await closePage(page);
      }
    } catch (error) {
      throw this.explain(error);
    } finally {
      this.release();
    }
  }

  /**
   * A new page that serves only the site of the job it is lent to. Pages are kept and reused
   * because opening one (a window, a renderer process, a dozen protocol calls) cost about 0.35 s
   * on this machine, more than printing a fact sheet. The blank page Chromium starts with is lent
   * first.
   */
  private async openPage(): Promise<Page> {
    const browser = await this.launch();
    const first = this.initialTab;
    this.initialTab = undefined;
    // A window per page: a tab behind another is hidden, and a hidden page gets no animation
    // frames, so reveal's print view never signalled ready in it. Closing while a page opens would
    // leave puppeteer waiting out its own 30 s target timer.
    // Timed (CAREERDECK_TIMINGS): right after the launch, Chromium is still starting and the first
    // page takes most of a second to be had.
    const asked = performance.now();
    const initial = await first;
    const page = initial ?? (await Promise.race([browser.newPage({ type: 'window' }), this.whenClosed]));
    const opened = performance.measure(initial ? 'page: the first tab' : 'page: a new window', { start: asked });
    try {
      await this.prepare(page);
      performance.measure('page: its requests served from memory', { start: opened.startTime + opened.duration });
    } catch (error) {
      await closePage(page);
      throw error;
    }
    return page;
  }

  private async prepare(page: Page): Promise<void> {
    page.setDefaultTimeout(this.options.timeoutMs);
    // A page whose renderer crashed is never lent again.
    page.once('error', () => void this.crashed.add(page));
    // Every request of the page stops there and is answered from memory or refused.
    const cdp = await page.createCDPSession();
    this.cdps.set(page, cdp);
    await Promise.all([
      serveSite(
        cdp,
        () => this.sites.get(page),
        (url) => this.blocked.push(url),
      ),
    ]);
  }

  /** A kept page that can still work, if there is one; one that crashed while kept is closed. */
  private takeIdle(): Page | undefined {
    for (let page = this.idle.pop(); page; page = this.idle.pop()) {
      if (!page.isClosed() && !this.crashed.has(page)) return page;
      void closePage(page);
    }
    return undefined;
  }

  /**
   * Undoes what a job may have changed (media type, viewport), for the next job. The document
   * stays until the next job navigates: going to about:blank first cost 0.1 s per job.
   */
  private async reset(page: Page): Promise<boolean> {
    try {
      await Promise.all([page.emulateMediaType(), page.setViewport(DEFAULT_VIEWPORT)]);
      return true;
    } catch {
      return false;
    }
  }

  /**
   * Collects the page's garbage between jobs once its heaps hold enough. A kept page's renderer
   * let the garbage of the documents it had shown (their DOM, reveal.js) pile up: Blink's heap
   * reached 50 MiB between jobs, and in a 12-deck batch each of the two renderers grew
   * from ~100 to ~175 MiB of PSS, and after a full collection between jobs the two together
   * peaked at ~200 MiB instead of ~290. Below the threshold (most jobs of a one-deck build) the
   * collection is skipped: it takes 20-200 ms of the renderer's time, before the next job's load.
   * The document the page still shows is not garbage yet: it goes with a later collection.
   * Not awaited: the renderer does it before the next job's commands, and a failure (a page
   * closed meanwhile) only means there was nothing to collect.
   */
  private async collectGarbage(page: Page): Promise<void> {
    const cdp = this.cdps.get(page);
    if (!cdp) return;
    try {
      const heap = await cdp.send('Runtime.getHeapUsage');
      if (heap.usedSize + (heap.embedderHeapUsedSize ?? 0) >= GC_THRESHOLD) {
        await cdp.send('HeapProfiler.collectGarbage');
        this.collections += 1;
      }
    } catch {
      // A page closed or crashed: nothing to collect.
    }
  }

  /**
   * The session's Chromium, started if need be, for a caller that opens pages of its own beside
   * the printing (tests that look at what was built, in the browser that printed it). Its pages
   * must be windows (`newPage({ type: 'window' })`): a tab would hide the session's first page.
   * It closes with the session.
   */
  chromium(): Promise<Browser> {
    return this.launch();
  }

  /** Starts the browser in the background; a failure surfaces at the first `withPage`. */
  warmUp(): void {
    this.launch().catch(() => undefined);
  }

  /** Closes the browser; nothing can start it again, and jobs still waiting for a page fail. */
  close(): Promise<void> {
    // Once: a second call waits for the first instead of racing it (the profile is removed last).
    this.closing ??= this.shutDown();
    return this.closing;
  }

  private async shutDown(): Promise<void> {
    this.closed = true;
    this.markClosed();
    for (const waiter of this.waiting.splice(0)) waiter.reject(this.explain(new Error('closed')));
    const pending = this.browser;
    this.browser = undefined;
    const browser = await pending?.catch(() => undefined);
    if (browser) {
      const child = browser.process();
      await within(browser.close(), 5000, () => undefined).catch(() => undefined);
      if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
    // Also after a failed or killed start: the profile folder exists from before the launch.
    if (this.profile) await rm(this.profile, { recursive: true, force: true }).catch(() => undefined);
  }

  private launch(): Promise<Browser> {
    if (this.closed) return Promise.reject(this.explain(new Error('closed')));
    if (!this.browser) {
      this.browser = this.start();
      this.initialTab = this.browser.then(async (browser) => (await browser.pages())[0]).catch(() => undefined);
    }
    return this.browser;
  }

  private start(): Promise<Browser> {
    this.launches += 1;
    const started = performance.now();
    const launched = launchChromium(
      this.options.executablePath,
      this.options.timeoutMs,
      (profile) => (this.profile = profile),
    );
    void launched.then(
      (browser) => {
        performance.measure('browser launch', { start: started });
        browser.once('disconnected', () => {
          if (!this.closed) this.markGone(new Error('its process ended unexpectedly'));
        });
      },
      () => undefined,
    );
    return launched;
  }

  private async acquire(): Promise<void> {
    if (this.closed) throw this.explain(new Error('closed'));
    if (this.active >= this.limit) await new Promise<void>((resolve, reject) => this.waiting.push({ resolve, reject }));
    this.active += 1;
  }

  private release(): void {
    this.active -= 1;
    this.waiting.shift()?.resolve();
  }

  private explain(error: unknown): CareerdeckError {
    return explainBrowserError(error, { closed: this.closed, timeoutMs: this.options.timeoutMs });
  }
}

/**
 * Closes a page, bounded. Puppeteer's close() waits for the browser to report the target
 * destroyed; a browser killed between acknowledging the close and reporting it never does, and
 * the build then waited on a promise that never settled: Node ended the CLI's top-level await
 * with exit 13 instead of reporting the browser's failure with exit 3 (seen under load in the
 * "Chromium killed while printing" test). A page of a disconnected browser is not closed at all.
 */
export async function closePage(page: Page): Promise<void> {
  if (!page.browser().connected) return;
  await within(page.close(), 5000, () => undefined).catch(() => undefined);
}
