import { DEFAULT_CONTENT_DIR, DEFAULT_OUT_DIR } from '../config/defaults.js';
import { createHash } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { mkdir, readdir, readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BuildOptions, BuildResult } from '../build.js';
import { CONFIG_FILES } from '../config/find.js';
import { CareerdeckError } from '../errors.js';
import type { DeckSettings } from '../model/index.js';
import type { Problem } from './client.js';
import { EventHub } from './events.js';
import { createHandler } from './http.js';
import { DEFAULT_PORT } from './port.js';
import { type Phase, Rebuilder } from './rebuilder.js';
import { describeProblem, describeWarnings, diagnosticsOf, htmlReport, pdfFailedReport, pdfReport, problemReport, warningsReport } from './report.js';
import { type Watcher, watchSources } from './watch.js';
import { DEFAULT_TIMEOUT_MS } from '../browser/timeout.js';

/** careerdeck's own templates, the default. */
const TEMPLATES_DIR = fileURLToPath(new URL('../../templates', import.meta.url));

/** The address the dev server listens on: this machine only, never the network. */
const HOST = '127.0.0.1';

export interface DevServerOptions {
  /** Folder with `roles/` and `decks/`. Default: `content`. */
  contentDir?: string;
  /** Output folder, built into and served. Default: `output`. */
  outDir?: string;
  /** Templates folder. Default: careerdeck's own `templates/`. */
  templatesDir?: string;
  /** Build and serve only this deck. */
  deck?: string;
  /** Print the PDFs in the background after each HTML build (default true). */
  pdf?: boolean;
  /** Chromium or Chrome to print with; see findBrowser. */
  browser?: string;
  /** Bound on each browser wait in milliseconds. Default 30000. */
  timeoutMs?: number;
  /** How many PDFs print at once. Default: one per core, at most 4. */
  pages?: number | undefined;
  /** Port on 127.0.0.1; 0 takes any free one. Default 4173. */
  port?: number;
  /** Folder where a config file is looked for, to rebuild when one changes. Default: the working directory. */
  configDir?: string;
  /** The config file in use, if any (watched too when it lies elsewhere). */
  configFile?: string | undefined;
  /** The config's defaults for decks and the command line's overrides, passed to every build. */
  settings?: DeckSettings;
  /**
   * Reads the settings again after a config file changed (or was created); a ConfigError shows like a
   * content problem, and the config is then read again before every build until it loads.
   */
  readSettings?: () => Promise<DeckSettings>;
  /** Quiet time after the last change before a rebuild, in milliseconds. Default 100 (a save can be several writes). */
  debounceMs?: number;
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

export interface DevServer extends EventEmitter<DevServerEvents> {
  /** `http://127.0.0.1:<port>/`: the output folder, with a list of the decks. */
  readonly url: string;
  readonly port: number;
  /** Each deck's address, by slug. */
  readonly decks: ReadonlyMap<string, string>;
  /** What is wrong with the content now, as the pages show it; undefined when the last build succeeded. */
  readonly problem: Problem | undefined;
  /** The last good build's warnings, as the pages list them; undefined when there are none. */
  readonly warnings: Problem | undefined;
  /** Builds again as if a file had changed; resolves when that build and its PDFs settled. */
  rebuild(): Promise<void>;
  /** What is watched: the content and templates folders, the config file if there is one. */
  readonly watched: readonly string[];
  /** Whether PDFs are printed after each HTML build. */
  readonly pdf: boolean;
  /** How many pages are connected for live reload. */
  readonly pages: number;
  /** Resolves when no build is running or queued. */
  idle(): Promise<void>;
  /** Stops watching, ends the pages' streams, closes the server and the browser. */
  close(): Promise<void>;
}

/**
 * Builds the HTML, serves the output folder on 127.0.0.1 with live reload, and rebuilds on
 * every change to the content, the templates or the config file. Resolves once the first HTML
 * build is done (or failed with a content problem, which the pages then show); the PDFs follow in
 * the background. Rejects on a problem the server cannot run with: an unknown deck, a port in
 * use, no browser for the PDFs.
 */
export async function startDevServer(options: DevServerOptions = {}): Promise<DevServer> {
  const log = options.log ?? (() => undefined);
  const info = (text: string) => log(text, 'info');
  const contentDir = path.resolve(options.contentDir ?? DEFAULT_CONTENT_DIR);
  const outDir = path.resolve(options.outDir ?? DEFAULT_OUT_DIR);
  const templatesDir = path.resolve(options.templatesDir ?? TEMPLATES_DIR);
  const configDir = path.resolve(options.configDir ?? '.');
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const { build } = await import('../build.js');

  let newSession: (() => import('../browser/session.js').BrowserSession) | undefined;
  if (options.pdf !== false) {
    const [{ findBrowser, machineEnvironment }, { BrowserSession }] = await Promise.all([import('../browser/find.js'), import('../browser/session.js')]);
    const { executablePath } = await findBrowser(machineEnvironment(options.browser));
    newSession = () => new BrowserSession({ executablePath, timeoutMs, pages: options.pages });
  }

  const emitter = new EventEmitter<DevServerEvents>();
  let buildNumber = 0;
  let problem: Problem | undefined;
  let warnings: Problem | undefined;
  /** Whether the first HTML build is over and the server runs. */
  let started = false;
  let decks: string[] = await deckFiles(contentDir, options.deck);
  /** The index.html of each deck as the HTML build wrote it: the PDF build may fit it anew. */
  let indexDigests = new Map<string, string>();
  const htmlDone: ((error: unknown) => void)[] = [];

  const hub = new EventHub(() => ({ build: buildNumber, problem, warnings }));
  const server = createServer(createHandler({ root: outDir, hub, port: () => port, build: () => buildNumber }));
  let port = 0;
  await mkdir(outDir, { recursive: true });
  await listen(server, options.port ?? DEFAULT_PORT);
  port = (server.address() as AddressInfo).port;
  const url = `http://${HOST}:${port}/`;
  const deckUrl = (slug: string) => `${url}${encodeURIComponent(slug)}/`;

  const reload = (): number => {
    buildNumber += 1;
    return hub.send('reload', { build: buildNumber });
  };
  /** A good build's warnings: told in the terminal when they change, and to the pages (a reloaded page asks again). */
  const setWarnings = (result: BuildResult) => {
    const next = describeWarnings(result.warnings);
    const changed = JSON.stringify(next) !== JSON.stringify(warnings);
    warnings = next;
    if (!changed) return;
    hub.send('warnings', warnings ?? null);
    // Told like problems: --quiet keeps them, as build --quiet does.
    if (warnings) log(warningsReport(warnings), 'problem');
  };

  let settings = options.settings;
  /** Every name a config file may have here, watched also before it exists. */
  const configFiles = [...new Set([...CONFIG_FILES.map((name) => path.join(configDir, name)), ...(options.configFile ? [path.resolve(options.configFile)] : [])])];
  /** Whether the config failed to load: until it loads, no build may use the settings read before. */
  let configFailed = false;
  const rebuilder = new Rebuilder({
    build,
    pdfDelayMs: 750,
    options: (): BuildOptions => ({ contentDir, outDir, templatesDir, settings, deck: options.deck, browser: options.browser, timeoutMs }),
    prepare: async (changes) => {
      if (!options.readSettings || (!configFailed && !changes.some((file) => configFiles.includes(path.resolve(file))))) return;
      configFailed = true;
      settings = await options.readSettings();
      configFailed = false;
    },
    newSession,
    onHtml: async (result, ms, changes) => {
      const wasBroken = problem !== undefined;
      problem = undefined;
      decks = result.decks.map((d) => d.slug);
      indexDigests = await digests(result);
      // A save that changes nothing the deck shows writes nothing: no reload for it, unless
      // the pages still show a problem that this build cleared.
      const written = result.decks.some((d) => d.outputs.length > 0);
      const reloaded = written || wasBroken || changes.length === 0 ? reload() : 0;
      info(htmlReport({ changes, ms, written, fixed: wasBroken, reloaded }));
      setWarnings(result);
      for (const done of htmlDone.splice(0)) done(undefined);
      emitter.emit('rebuilt', { phase: 'html', ms, result, reloaded });
    },
    onPdf: async (result, ms) => {
      const pdfs = result.decks.flatMap((d) => d.outputs).filter((o) => o.file.endsWith('.pdf'));
      // Measuring the slides in the browser may have split a section anew: show that deck.
      const fitted = await digests(result);
      const changed = [...fitted].some(([file, digest]) => indexDigests.get(file) !== digest);
      indexDigests = fitted;
      const reloaded = changed ? reload() : 0;
      info(pdfReport({ pdfs: pdfs.length, ms, refitted: changed }));
      // The PDFs may add warnings of their own (layout that had to give way).
      setWarnings(result);
      emitter.emit('rebuilt', { phase: 'pdf', ms, result, reloaded });
    },
    onError: (error, phase, ms) => {
      if (error instanceof CareerdeckError && error.code === 'INTERRUPTED') return;
      // The first build's other errors (an unknown deck, an output folder in the way) stop the
      // start and are reported by the caller, once.
      if (!started && !diagnosticsOf(error)) {
        for (const done of htmlDone.splice(0)) done(error);
        return;
      }
      if (phase === 'html' || diagnosticsOf(error)) {
        problem = describeProblem(error);
        // The problem lists this build's warnings with its errors.
        warnings = undefined;
        hub.send('problem', problem);
        log(problemReport(problem), 'problem');
      } else {
        log(pdfFailedReport(error), 'problem');
      }
      if (phase === 'html') for (const done of htmlDone.splice(0)) done(error);
      emitter.emit('failed', { phase, ms, error });
    },
  });

  let watcher: Watcher | undefined;
  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      await watcher?.close();
      await rebuilder.close();
      hub.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    })());

  try {
    watcher = await watchSources({
      dirs: [contentDir, templatesDir],
      files: configFiles,
      ignore: [outDir],
      debounceMs: options.debounceMs ?? 100,
      onChange: (files) => {
        emitter.emit('change', files);
        void rebuilder.request(files);
      },
    });
    const first = new Promise<unknown>((resolve) => htmlDone.push(resolve));
    void rebuilder.request();
    const error = await first;
    // A content problem is shown and fixed while the server runs; anything else stops it.
    if (error !== undefined && !diagnosticsOf(error)) throw error;
    started = true;
  } catch (error) {
    await close();
    throw error;
  }

  return Object.defineProperties(emitter, {
    url: { value: url },
    port: { value: port },
    decks: { get: () => new Map(decks.map((slug) => [slug, deckUrl(slug)])) },
    problem: { get: () => problem },
    warnings: { get: () => warnings },
    watched: { value: watcher!.watched },
    pages: { get: () => hub.size },
    pdf: { value: newSession !== undefined },
    rebuild: { value: () => rebuilder.request() },
    idle: { value: () => rebuilder.idle() },
    close: { value: close },
  }) as DevServer;
}

function listen(server: import('node:http').Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const fail = (error: NodeJS.ErrnoException) => {
      reject(
        error.code === 'EADDRINUSE'
          ? new CareerdeckError('USAGE', `port ${port} on ${HOST} is already in use; choose another with --port <n> (0 takes any free port)`, { cause: error })
          : new CareerdeckError('OUTPUT', `cannot listen on ${HOST}:${port}: ${error.message}`, { cause: error }),
      );
    };
    server.once('error', fail);
    server.listen(port, HOST, () => {
      server.off('error', fail);
      resolve();
    });
  });
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
