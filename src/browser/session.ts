import { rm } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import type { Browser, CDPSession, Page, Protocol } from 'puppeteer-core';
import { CareerdeckError } from '../errors.js';
import { freshProfile } from './profile.js';
import { DEFAULT_TIMEOUT_MS } from './timeout.js';

/** The origin our in-memory pages are served from; nothing is ever fetched from it. */
export const ORIGIN = 'https://careerdeck.invalid';

/** Files a page may load, by path under ORIGIN ("/index.html"). */
export type Site = ReadonlyMap<string, { body: Uint8Array | string; type: string }>;

export interface SessionOptions {
  executablePath: string;
  /** Bound on launching the browser and on every wait in a page, in milliseconds. */
  timeoutMs: number;
}

/** Puppeteer's own default for a new page, restored when a page is lent again. */
const DEFAULT_VIEWPORT = { width: 800, height: 600 };

// As root Chromium refuses to start without --no-sandbox. The rest keep a closed network quiet:
// Chromium's own background requests would otherwise be refused, many at a time.
const QUIET_ARGS = [
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
  '--disable-default-apps',
  '--disable-extensions',
  '--font-render-hinting=none',
];

/**
 * The one owner of Chromium in a build: launched on first use, its pages lent to one job at a
 * time through `withPage` and kept for the next, closed by `close()` on success, error or
 * interruption.
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
  /** The blank page Chromium opens at launch, lent first. */
  private initialTab: Promise<Page | undefined> | undefined;
  private readonly waiting: { resolve: () => void; reject: (error: Error) => void }[] = [];
  // As many pages as cores (up to 4). Six at once printed one deck about 0.3 s sooner on 2 cores,
  // but in a batch of 12 decks each page got so little CPU that a slides page overran its 30 s.
  private readonly limit = Math.max(1, Number(process.env.CAREERDECK_PAGES) || Math.min(4, availableParallelism()));
  /** Requests refused because they were not for our own files: for tests and diagnostics. */
  readonly blocked: string[] = [];
  launches = 0;
  private markClosed!: () => void;
  /** Settles when close() is called: a page still being opened then stops waiting for it. */
  private readonly whenClosed = new Promise<never>((_, reject) => (this.markClosed = () => reject(new Error('closed'))));

  constructor(private readonly options: SessionOptions) {
    this.whenClosed.catch(() => undefined);
  }

  /**
   * Lends a page that can load only `site` to `fn`; afterwards the page is kept for the next job,
   * or closed if it could not be set back. Errors from the browser become CareerdeckErrors that
   * say what happened: timed out, closed, crashed.
   */
  async withPage<T>(site: Site, fn: (page: Page) => Promise<T>): Promise<T> {
    await this.acquire();
    try {
      const page = this.takeIdle() ?? (await this.openPage());
      this.sites.set(page, site);
      let reusable = false;
      try {
        const result = await fn(page);
        reusable = await this.reset(page);
        return result;
      } finally {
        this.sites.delete(page);
        if (reusable && !this.closed) this.idle.push(page);
        else await page.close().catch(() => undefined);
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
    const page = (await first) ?? (await Promise.race([browser.newPage({ type: 'window' }), this.whenClosed]));
    try {
      await this.prepare(page);
    } catch (error) {
      await page.close().catch(() => undefined);
      throw error;
    }
    return page;
  }

  private async prepare(page: Page): Promise<void> {
    page.setDefaultTimeout(this.options.timeoutMs);
    // A page whose renderer crashed is never lent again.
    page.once('error', () => void this.crashed.add(page));
    // Every request of the page stops here and is answered from memory or refused. This is the
    // protocol's own interception rather than puppeteer's, which base64-encoded every font and
    // script again for every page in JavaScript (about a tenth of a second of CPU per build).
    const cdp = await page.createCDPSession();
    cdp.on('Fetch.requestPaused', (event: Protocol.Fetch.RequestPausedEvent) => void this.serve(this.sites.get(page), cdp, event));
    await Promise.all([page.setCacheEnabled(false), cdp.send('Fetch.enable', { patterns: [{ urlPattern: '*' }] })]);
  }

  /** A kept page that can still work, if there is one; one that crashed while kept is closed. */
  private takeIdle(): Page | undefined {
    for (let page = this.idle.pop(); page; page = this.idle.pop()) {
      if (!page.isClosed() && !this.crashed.has(page)) return page;
      void page.close().catch(() => undefined);
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
      // Bounded, and the timer cleared: a pending timer would keep the process alive after a
      // stop, and an unreferenced one would let it exit mid-await if close() never settled.
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([browser.close(), new Promise((resolve) => (timer = setTimeout(resolve, 5000)))]).catch(() => undefined);
      clearTimeout(timer);
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

  private async start(): Promise<Browser> {
    this.launches += 1;
    const { launch } = await import('puppeteer-core');
    const root = typeof process.getuid === 'function' && process.getuid() === 0;
    this.profile = await freshProfile();
    try {
      return await launch({
        executablePath: this.options.executablePath,
        headless: true,
        // With a pipe, Chromium exits by itself when this process dies, even by SIGKILL.
        pipe: true,
        userDataDir: this.profile,
        // Starting Chromium and its protocol calls get at least 30 s: a short --timeout is meant
        // for page waits (each bounded by it explicitly), not for a slow cold start.
        timeout: Math.max(this.options.timeoutMs, DEFAULT_TIMEOUT_MS),
        protocolTimeout: Math.max(this.options.timeoutMs, DEFAULT_TIMEOUT_MS),
        handleSIGINT: false,
        handleSIGTERM: false,
        handleSIGHUP: false,
        args: [...(root ? ['--no-sandbox'] : []), ...QUIET_ARGS],
      });
    } catch (error) {
      throw new CareerdeckError('BROWSER', `could not start the browser at ${this.options.executablePath}: ${(error as Error).message.split('\n')[0]}`, { cause: error });
    }
  }

  private async serve(site: Site | undefined, cdp: CDPSession, { requestId, request }: Protocol.Fetch.RequestPausedEvent): Promise<void> {
    // A failure while answering must leave the request refused, never crash the build.
    try {
      const url = new URL(request.url);
      // Pages address files URL-encoded ("team%20photo.png"); the site holds them by name.
      const file = url.origin === ORIGIN ? site?.get(decodedPath(url.pathname)) : undefined;
      if (!file) {
        // A kept page between jobs still has its last document; what that asks for is refused
        // but is no job's request, so it is not counted.
        if (site) this.blocked.push(request.url);
        await cdp.send('Fetch.failRequest', { requestId, errorReason: 'BlockedByClient' });
        return;
      }
      const headers = [
        { name: 'Content-Type', value: file.type },
        // Another deck's page has the same address: nothing may come from a cache.
        { name: 'Cache-Control', value: 'no-store' },
      ];
      await cdp.send('Fetch.fulfillRequest', { requestId, responseCode: 200, responseHeaders: headers, body: base64(file.body) });
    } catch {
      await cdp.send('Fetch.failRequest', { requestId, errorReason: 'Failed' }).catch(() => undefined);
    }
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
    if (error instanceof CareerdeckError) return error;
    if (this.closed) return new CareerdeckError('INTERRUPTED', 'the build was stopped and the browser closed', { cause: error });
    const message = error instanceof Error ? error.message : String(error);
    if ((error instanceof Error && error.name === 'TimeoutError') || /timed out/i.test(message)) {
      return new CareerdeckError('TIMEOUT', `the browser did not finish within ${this.options.timeoutMs} ms (${message.split('\n')[0]}); raise --timeout or check the browser`, { cause: error });
    }
    return new CareerdeckError('BROWSER', `the browser failed: ${message.split('\n')[0]}`, { cause: error });
  }
}

// Fonts and scripts are the same bytes on every page of a build: encoded once.
const encoded = new WeakMap<Uint8Array, string>();
function base64(body: Uint8Array | string): string {
  if (typeof body === 'string') return Buffer.from(body).toString('base64');
  let text = encoded.get(body);
  if (text === undefined) encoded.set(body, (text = Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('base64')));
  return text;
}

function decodedPath(pathname: string): string {
  try {
    return decodeURIComponent(pathname);
  } catch {
    return pathname;
  }
}
