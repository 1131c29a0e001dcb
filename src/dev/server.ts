import { DEFAULT_CONTENT_DIR, DEFAULT_OUT_DIR, DEFAULT_TEMPLATES_DIR } from '../config/defaults.js';
import { createHash } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { mkdir, readdir, readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { BuildOptions, BuildResult } from '../build.js';
import type { BrowserSession } from '../browser/session.js';
import { CONFIG_FILES } from '../config/find.js';
import { CareerdeckError } from '../errors.js';
import type { DeckSettings } from '../model/index.js';
import type { DevEvent, Hello, Problem } from './client.js';
import { EventHub } from '../serve/events.js';
import { listen } from '../serve/listen.js';
import { createHandler } from './http.js';
import { DEFAULT_PORT } from './port.js';
import { type Phase, Rebuilder } from './rebuilder.js';
import {
  describeProblem,
  describeWarnings,
  diagnosticsOf,
  htmlReport,
  pdfFailedReport,
  pdfReport,
  problemReport,
  warningsReport,
} from './report.js';
import { type Watcher, watchSources } from './watch.js';
import { DEFAULT_TIMEOUT_MS } from '../browser/timeout.js';

/** The address the dev server listens on: this machine only, never the network. */
const HOST = '127.0.0.1';

/** The dev server's waits when none are given (the tests shorten pdfDelayMs). */
export const DEV_WAITS = {
  /** A save can be several writes: one rebuild after this much quiet. */
  debounceMs: 100,
  /** Let the pages reload before a browser starts or prints beside them (two cores). */
  pdfDelayMs: 750,
} as const;

/** What the dev server passes to every build; the same meaning and defaults as in build(). */
type BuildSettings = Pick<
  BuildOptions,
  'contentDir' | 'outDir' | 'templatesDir' | 'deck' | 'pdf' | 'browser' | 'timeoutMs' | 'pages' | 'settings'
>;

export interface DevServerOptions extends BuildSettings {
  /** Port on 127.0.0.1; 0 takes any free one. Default 4173. */
  port?: number;
  /** Folder where a config file is looked for, to rebuild when one changes. Default: the working directory. */
  configDir?: string;
  /** The config file in use, if any (watched too when it lies elsewhere). */
  configFile?: string | undefined;
  /**
   * Reads the settings again after a config file changed (or was created); a ConfigError shows like a
   * content problem, and the config is then read again before every build until it loads.
   */
  readSettings?: () => Promise<DeckSettings>;
  /** Quiet time after the last change before a rebuild, in milliseconds. Default 100 (a save can be several writes). */
  debounceMs?: number;
  /** Wait between a build's HTML and its PDFs, in milliseconds. Default 750 (the pages reload first). */
  pdfDelayMs?: number;
  /** Where progress (`info`) and problems (`problem`) are told, one line or block at a time. Default: nowhere. */
  log?: (text: string, level: 'info' | 'problem') => void;
}

export interface RebuiltEvent {
  phase: Phase;
  ms: number;
  result: BuildResult;
  /** How many pages were told to reload. */
  reloaded: number;
}

export interface FailedEvent {
  phase: Phase;
  ms: number;
  error: unknown;
}

export interface DevServerEvents {
  /** Files changed; a rebuild follows. */
  change: [files: string[]];
  /** A build finished: `html` (pages reloaded) or `pdf` (PDFs written). */
  rebuilt: [event: RebuiltEvent];
  /** A build failed; the server keeps running and serves the last good outputs. */
  failed: [event: FailedEvent];
}

/**
 * Builds the HTML, serves the output folder on 127.0.0.1 with live reload, and rebuilds on
 * every change to the content, the templates or the config file. Resolves once the first HTML
 * build is done (or failed with a content problem, which the pages then show); the PDFs follow in
 * the background. Rejects on a problem the server cannot run with: an unknown deck, a port in
 * use, no browser for the PDFs.
 */
export function startDevServer(options: DevServerOptions = {}): Promise<DevServer> {
  return DevServer.start(options);
}

/**
 * The live-preview server: what the pages are told (a problem, warnings, reload) follows each
 * build the Rebuilder runs; serving files is http.ts's, pushing events events.ts's, watching
 * watch.ts's, and the wording of each report report.ts's.
 */
export class DevServer extends EventEmitter<DevServerEvents> {
  /** `http://127.0.0.1:<port>/`: the output folder, with a list of the decks. */
  readonly url: string;
  readonly port: number;
  /** Whether PDFs are printed after each HTML build. */
  readonly pdf: boolean;
  private shown: { problem?: Problem | undefined; warnings?: Problem | undefined } = {};

  private buildNumber = 0;
  private deckSlugs: string[];
  /** The index.html of each deck as the HTML build wrote it: the PDF build may fit it anew. */
  private indexDigests = new Map<string, string>();
  private readonly htmlDone: ((error: unknown) => void)[] = [];
  private readonly hub: EventHub<DevEvent, Hello>;
  private readonly rebuilder: Rebuilder;
  private watcher: Watcher | undefined;
  private closing: Promise<void> | undefined;
  /** Whether the first HTML build is over and the server runs. */
  private started = false;
  private settings: DeckSettings | undefined;
  /** Whether the config failed to load: until it loads, no build may use the settings read before. */
  private configFailed = false;
  private readonly configFiles: string[];
  private readonly log: (text: string, level: 'info' | 'problem') => void;

  static async start(options: DevServerOptions = {}): Promise<DevServer> {
    const outDir = path.resolve(options.outDir ?? DEFAULT_OUT_DIR);
    const contentDir = path.resolve(options.contentDir ?? DEFAULT_CONTENT_DIR);
    const { build } = await import('../build.js');
    const newSession = options.pdf === false ? undefined : await sessionMaker(options);
    const decks = await deckFiles(contentDir, options.deck);
    await mkdir(outDir, { recursive: true });
    const server = createServer();
    await listen(server, options.port ?? DEFAULT_PORT, HOST);
    const dev = new DevServer(options, { server, build, newSession, decks, contentDir, outDir });
    await dev.run(contentDir);
    return dev;
  }

  private constructor(
    private readonly options: DevServerOptions,
    private readonly parts: {
      server: Server;
      build: (options: BuildOptions) => Promise<BuildResult>;
      newSession: (() => BrowserSession) | undefined;
      decks: string[];
      contentDir: string;
      outDir: string;
    },
  ) {
    super();
    const { server, outDir } = parts;
    this.log = options.log ?? (() => undefined);
    this.settings = options.settings;
    this.deckSlugs = parts.decks;
    this.pdf = parts.newSession !== undefined;
    this.port = (server.address() as AddressInfo).port;
    this.url = `http://${HOST}:${this.port}/`;
    this.hub = new EventHub(() => ({ build: this.buildNumber, problem: this.problem, warnings: this.warnings }));
    server.on(
      'request',
      createHandler({ root: outDir, hub: this.hub, port: () => this.port, build: () => this.buildNumber }),
    );
    const configDir = path.resolve(options.configDir ?? '.');
    this.configFiles = [
      ...new Set([
        ...CONFIG_FILES.map((name) => path.join(configDir, name)),
        ...(options.configFile ? [path.resolve(options.configFile)] : []),
      ]),
    ];
    const templatesDir = path.resolve(options.templatesDir ?? DEFAULT_TEMPLATES_DIR);
    this.rebuilder = new Rebuilder({
      build: parts.build,
      pdfDelayMs: options.pdfDelayMs ?? DEV_WAITS.pdfDelayMs,
      options: (): BuildOptions => ({
        ...pickBuildSettings(options),
        contentDir: parts.contentDir,
        outDir,
        templatesDir,
        settings: this.settings,
      }),
      prepare: (changes) => this.readSettings(changes),
      newSession: parts.newSession,
      onHtml: (result, ms, changes) => this.onHtml(result, ms, changes),
      onPdf: (result, ms) => this.onPdf(result, ms),
      onError: (error, phase, ms) => this.onError(error, phase, ms),
    });
  }

  /** Each deck's address, by slug. */
  get decks(): ReadonlyMap<string, string> {
    return new Map(this.deckSlugs.map((slug) => [slug, `${this.url}${encodeURIComponent(slug)}/`]));
  }

  /** What is wrong with the content now, as the pages show it; undefined when the last build succeeded. */
  get problem(): Problem | undefined {
    return this.shown.problem;
  }

  /** The last good build's warnings, as the pages list them; undefined when there are none. */
  get warnings(): Problem | undefined {
    return this.shown.warnings;
  }

  /** What is watched: the content and templates folders, the config file if there is one. */
  get watched(): readonly string[] {
    return this.watcher?.watched ?? [];
  }

  /** How many pages are connected for live reload. */
  get pages(): number {
    return this.hub.size;
  }

  /** Builds again as if a file had changed; resolves when that build and its PDFs settled. */
  rebuild(): Promise<void> {
    return this.rebuilder.request();
  }

  /** Resolves when no build is running or queued. */
  idle(): Promise<void> {
    return this.rebuilder.idle();
  }

  /** Stops watching, ends the pages' streams, closes the server and the browser. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      await this.watcher?.close();
      await this.rebuilder.close();
      this.hub.close();
      await new Promise<void>((resolve) => {
        this.parts.server.close(() => resolve());
        this.parts.server.closeAllConnections();
      });
    })();
    return this.closing;
  }

  /** Watches, runs the first build, and waits for its HTML; a start that fails closes what it opened. */
  private async run(contentDir: string): Promise<void> {
    try {
      const templatesDir = path.resolve(this.options.templatesDir ?? DEFAULT_TEMPLATES_DIR);
      this.watcher = await watchSources({
        dirs: [contentDir, templatesDir],
        files: this.configFiles,
        ignore: [this.parts.outDir],
        debounceMs: this.options.debounceMs ?? DEV_WAITS.debounceMs,
        onChange: (files) => {
          this.emit('change', files);
          void this.rebuilder.request(files);
        },
      });
      const first = new Promise<unknown>((resolve) => this.htmlDone.push(resolve));
      void this.rebuilder.request();
      const error = await first;
      // A content problem is shown and fixed while the server runs; anything else stops it.
      if (error !== undefined && !diagnosticsOf(error)) throw error;
      this.started = true;
    } catch (error) {
      await this.close();
      throw error;
    }
  }

  /** Reads the config file again when it changed, or while it is broken. */
  private async readSettings(changes: readonly string[]): Promise<void> {
    const { readSettings } = this.options;
    if (!readSettings || (!this.configFailed && !changes.some((file) => this.configFiles.includes(path.resolve(file)))))
      return;
    this.configFailed = true;
    this.settings = await readSettings();
    this.configFailed = false;
  }

  private reload(): number {
    this.buildNumber += 1;
    return this.hub.send('reload', { build: this.buildNumber });
  }

  /** A good build's warnings: told in the terminal when they change, and to the pages (a reloaded page asks again). */
  private setWarnings(result: BuildResult): void {
    const next = describeWarnings(result.warnings);
    const changed = JSON.stringify(next) !== JSON.stringify(this.warnings);
    this.shown.warnings = next;
    if (!changed) return;
    this.hub.send('warnings', this.warnings ?? null);
    // Told like problems: --quiet keeps them, as build --quiet does.
    if (this.warnings) this.log(warningsReport(this.warnings), 'problem');
  }

  private async onHtml(result: BuildResult, ms: number, changes: readonly string[]): Promise<void> {
    const wasBroken = this.problem !== undefined;
    this.shown.problem = undefined;
    this.deckSlugs = result.decks.map((d) => d.slug);
    this.indexDigests = await digests(result);
    // A save that changes nothing the deck shows writes nothing: no reload for it, unless
    // the pages still show a problem that this build cleared.
    const written = result.decks.some((d) => d.outputs.length > 0);
    const reloaded = written || wasBroken || changes.length === 0 ? this.reload() : 0;
    this.log(htmlReport({ changes: [...changes], ms, written, fixed: wasBroken, reloaded }), 'info');
    this.setWarnings(result);
    for (const done of this.htmlDone.splice(0)) done(undefined);
    this.emit('rebuilt', { phase: 'html', ms, result, reloaded });
  }

  private async onPdf(result: BuildResult, ms: number): Promise<void> {
    const pdfs = result.decks.flatMap((d) => d.outputs).filter((o) => o.file.endsWith('.pdf'));
    // Measuring the slides in the browser may have split a section anew: show that deck.
    const fitted = await digests(result);
    const changed = [...fitted].some(([file, digest]) => this.indexDigests.get(file) !== digest);
    this.indexDigests = fitted;
    const reloaded = changed ? this.reload() : 0;
    this.log(pdfReport({ pdfs: pdfs.length, ms, refitted: changed }), 'info');
    // The PDFs may add warnings of their own (layout that had to give way).
    this.setWarnings(result);
    this.emit('rebuilt', { phase: 'pdf', ms, result, reloaded });
  }

  private onError(error: unknown, phase: Phase, ms: number): void {
    if (error instanceof CareerdeckError && error.code === 'INTERRUPTED') return;
    // The first build's other errors (an unknown deck, an output folder in the way) stop the
    // start and are reported by the caller, once.
    if (!this.started && !diagnosticsOf(error)) {
      for (const done of this.htmlDone.splice(0)) done(error);
      return;
    }
    if (phase === 'html' || diagnosticsOf(error)) {
      const problem = describeProblem(error);
      // The problem lists this build's warnings with its errors.
      this.shown = { problem };
      this.hub.send('problem', problem);
      this.log(problemReport(problem), 'problem');
    } else {
      this.log(pdfFailedReport(error), 'problem');
    }
    if (phase === 'html') for (const done of this.htmlDone.splice(0)) done(error);
    this.emit('failed', { phase, ms, error });
  }
}

/** The options every build takes from the server's, unchanged. */
function pickBuildSettings({ deck, browser, timeoutMs }: DevServerOptions): BuildOptions {
  return { deck, browser, timeoutMs: timeoutMs ?? DEFAULT_TIMEOUT_MS };
}

/** A session maker for the PDFs: the browser is looked for once, at the start. */
async function sessionMaker(options: DevServerOptions): Promise<() => BrowserSession> {
  const [{ findBrowser, machineEnvironment }, { BrowserSession }] = await Promise.all([
    import('../browser/find.js'),
    import('../browser/session.js'),
  ]);
  const { executablePath } = await findBrowser(machineEnvironment(options.browser));
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  return () => new BrowserSession({ executablePath, timeoutMs, pages: options.pages });
}

/** The decks the content names, for their addresses while the content cannot be built yet. */
async function deckFiles(contentDir: string, only: string | undefined): Promise<string[]> {
  const names = await readdir(path.join(contentDir, 'decks')).catch(() => [] as string[]);
  const slugs = names.filter((n) => n.endsWith('.md')).map((n) => n.slice(0, -3));
  return only === undefined ? slugs.sort() : slugs.filter((s) => s === only);
}

async function digests(result: BuildResult): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const deck of result.decks) {
    const file = path.join(deck.dir, 'index.html');
    const bytes = await readFile(file).catch(() => undefined);
    if (bytes) out.set(file, createHash('sha256').update(bytes).digest('hex'));
  }
  return out;
}
