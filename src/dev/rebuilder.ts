import { performance } from 'node:perf_hooks';
import type { BuildOptions, BuildResult } from '../build.js';
import type { BrowserSession } from '../browser/session.js';
import { CareerdeckError } from '../errors.js';

export type Phase = 'html' | 'pdf';

/** How long a stopped PDF build may take to settle once its browser is closed. */
const STOP_GRACE_MS = 500;

export interface RebuilderOptions {
  /** The build to run (careerdeck's `build`; a stand-in in tests). */
  build: (options: BuildOptions) => Promise<BuildResult>;
  /** Options of every build, read at its start; `pdf`, `session` and `signal` are the rebuilder's. */
  options: () => BuildOptions;
  /** Runs before each HTML build with the files that changed (to read the config again); a throw fails that build. */
  prepare?: (changes: readonly string[]) => Promise<void>;
  /** A new browser session for the PDFs, or undefined to print none. */
  newSession?: (() => BrowserSession) | undefined;
  /** The HTML of the decks is written: time to reload the pages. */
  onHtml: (result: BuildResult, ms: number, changes: readonly string[]) => void | Promise<void>;
  /** Wait between the HTML build and the PDFs, in milliseconds. Default 0. */
  pdfDelayMs?: number;
  /** The PDFs are written. */
  onPdf: (result: BuildResult, ms: number) => void | Promise<void>;
  /** A build failed (not when it was stopped because something changed). */
  onError: (error: unknown, phase: Phase, ms: number) => void;
}

/**
 * Runs builds one at a time: the HTML first (fast, then the pages reload), then the PDFs in the
 * background with a browser kept warm across builds. A change while the PDFs print stops that
 * build and starts over; changes during the HTML build wait for it and are built right after.
 */
export class Rebuilder {
  private queued: string[] | undefined;
  private running: Promise<void> | undefined;
  private printing: { controller: AbortController; session: BrowserSession } | undefined;
  private session: BrowserSession | undefined;
  /** Sessions being closed, awaited by close() so that no Chromium outlives the server. */
  private readonly closing = new Map<BrowserSession, Promise<void>>();
  private closed = false;
  /** Ends the pause before the PDFs. */
  private wake: (() => void) | undefined;

  constructor(private readonly o: RebuilderOptions) {}

  /** Asks for a build because of these changed files; returns when it (and any after it) settled, PDFs included. */
  request(changes: readonly string[] = []): Promise<void> {
    if (this.closed) return Promise.resolve();
    this.queued = [...(this.queued ?? []), ...changes];
    this.wake?.();
    this.stopPrinting();
    this.running ??= this.loop().finally(() => (this.running = undefined));
    return this.running;
  }

  /** Waits until no build runs and none is queued. */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  /** Stops the running build and closes the browser; no build starts after this. */
  async close(): Promise<void> {
    this.closed = true;
    this.queued = undefined;
    this.wake?.();
    this.printing?.controller.abort();
    if (this.session) this.dropSession(this.session);
    await this.running?.catch(() => undefined);
    await Promise.all(this.closing.values());
  }

  private async loop(): Promise<void> {
    while (this.queued && !this.closed) {
      const changes = this.queued;
      this.queued = undefined;
      if (!(await this.html(changes))) continue;
      if (this.queued || this.closed || !this.o.newSession) continue;
      // Let the pages reload first: on two cores a browser starting or printing beside them
      // slows the reload the presenter waits for. Ended early by a change or close().
      await this.pause(this.o.pdfDelayMs ?? 0);
      if (this.queued || this.closed) continue;
      await this.pdf();
    }
  }

  /** The HTML build; false when it failed. */
  private async html(changes: readonly string[]): Promise<boolean> {
    const started = performance.now();
    try {
      await this.o.prepare?.(changes);
      const result = await this.o.build({ ...this.o.options(), pdf: false, session: undefined, signal: undefined });
      await this.o.onHtml(result, performance.now() - started, changes);
      return true;
    } catch (error) {
      this.o.onError(error, 'html', performance.now() - started);
      return false;
    }
  }

  private async pdf(): Promise<void> {
    const started = performance.now();
    const controller = new AbortController();
    // One session for every PDF build; a new one only after one was closed to stop a build.
    const session = (this.session ??= this.o.newSession!());
    this.printing = { controller, session };
    const building = this.o.build({ ...this.o.options(), pdf: true, session, signal: controller.signal });
    // Handled now: once stopped, the build may be left to settle on its own (see below).
    building.catch(() => undefined);
    try {
      const result = await Promise.race([building, this.stopped(controller.signal, session)]);
      if (result && !controller.signal.aborted) await this.o.onPdf(result, performance.now() - started);
    } catch (error) {
      if (controller.signal.aborted) return;
      this.o.onError(error, 'pdf', performance.now() - started);
      // A browser that failed or timed out may be unusable: start afresh next time.
      if (error instanceof CareerdeckError && error.code !== 'CONTENT') this.dropSession(session);
    } finally {
      if (this.printing?.controller === controller) this.printing = undefined;
    }
  }

  private pause(ms: number): Promise<void> {
    if (ms <= 0) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wake = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wake = done;
    });
  }

  /**
   * Resolves (with nothing) once a stopped PDF build can no longer write: its browser is closed
   * and a moment has passed. An aborted build writes nothing after its next step, and stopped
   * while printing it has nothing to write; but a page being opened as the browser closed can keep
   * it waiting for puppeteer's 30 s target timeout, and the next HTML build must not wait for that.
   */
  private async stopped(signal: AbortSignal, session: BrowserSession): Promise<undefined> {
    if (!signal.aborted) await new Promise((resolve) => signal.addEventListener('abort', resolve, { once: true }));
    await this.closing.get(session);
    await new Promise((resolve) => setTimeout(resolve, STOP_GRACE_MS));
    return undefined;
  }

  /**
   * Stops the PDF build in progress. build() stops at its next step when aborted, but a session
   * it does not own goes on printing every PDF first; closing the session ends the printing at
   * once, at the cost of a browser start for the next PDFs.
   */
  private stopPrinting(): void {
    if (!this.printing) return;
    this.printing.controller.abort();
    this.dropSession(this.printing.session);
  }

  private dropSession(session: BrowserSession): void {
    if (this.session === session) this.session = undefined;
    if (this.closing.has(session)) return;
    this.closing.set(
      session,
      session.close().finally(() => this.closing.delete(session)),
    );
  }
}
