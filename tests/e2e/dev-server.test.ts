import { spawn } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { connect } from 'node:net';
import path from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DevServer, startDevServer } from '../../src/dev/server.js';
import { ConfigError } from '../../src/errors.js';
import type { DeckSettings } from '../../src/model/index.js';
import { launchTestBrowser } from '../support/chromium.js';
import { CLI } from '../support/cli.js';
import { chromiumOf } from '../support/files.js';
import { readPdf } from '../support/pdf.js';
import { tempProject, type TempProject } from '../support/project.js';

const DECK = 'ml-engineer-vs-ai-scientist';
const ROLE = 'roles/ai-scientist.md';
const ITEM = 'Investigate new AI and ML methods';
const OVERLAY = '#careerdeck-dev-overlay';
const WARNINGS = '#careerdeck-dev-warnings';

/** Status of a GET sent exactly as written (no normalising of `..` by a client library). */
function status(port: number, rawPath: string, host = `127.0.0.1:${port}`): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: rawPath, headers: { host } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}

/** A stand-in for the command's readSettings: the theme of dir's careerdeck.config.json, counting the reads. */
function configReader(dir: string): { read: () => Promise<DeckSettings>; reads: number } {
  const reader = {
    reads: 0,
    read: async (): Promise<DeckSettings> => {
      reader.reads += 1;
      const file = path.join(dir, 'careerdeck.config.json');
      const text = await readFile(file, 'utf8').catch(() => '{}');
      try {
        return { defaults: { theme: (JSON.parse(text) as { theme?: 'dark' }).theme } };
      } catch {
        throw new ConfigError([{ file, line: 1, column: 1, message: 'is not valid JSON' }]);
      }
    },
  };
  return reader;
}

/** The next build's outcome. */
function nextBuild(server: DevServer): Promise<'rebuilt' | 'failed'> {
  return new Promise((resolve) => {
    const rebuilt = () => (server.off('failed', failed), resolve('rebuilt'));
    const failed = () => (server.off('rebuilt', rebuilt), resolve('failed'));
    server.once('rebuilt', rebuilt);
    server.once('failed', failed);
  });
}

async function until(what: string, check: () => boolean | Promise<boolean>, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/**
 * Writes a file and resolves with the time from the write to the load event of the page that
 * replaced the one open (marked first: reveal's hash update is a navigation too, so waiting for
 * "a navigation" could end on the old page).
 */
async function saveAndReload(page: Page, file: string, text: string): Promise<number> {
  await page.evaluate(() => ((window as unknown as { old?: boolean }).old = true));
  const started = Date.now();
  await writeFile(file, text);
  await page.waitForFunction(
    () =>
      !(window as unknown as { old?: boolean }).old &&
      (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined)?.loadEventEnd,
    { timeout: 10_000 },
  );
  const loaded = await page.evaluate(
    () =>
      performance.timeOrigin +
      (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventEnd,
  );
  return loaded - started;
}

describe('careerdeck dev, in process', () => {
  let project: TempProject;
  let server: DevServer;
  let browser: Browser;
  let page: Page;
  let original: string;
  let roleFile: string;
  let config: ReturnType<typeof configReader>;
  let configFile: string;

  beforeAll(async () => {
    project = await tempProject('dev');
    roleFile = path.join(project.content, ROLE);
    original = await readFile(roleFile, 'utf8');
    configFile = path.join(project.dir, 'careerdeck.config.json');
    await writeFile(configFile, '{}\n');
    config = configReader(project.dir);
    [server, browser] = await Promise.all([
      startDevServer({
        contentDir: project.content,
        outDir: project.out,
        configDir: project.dir,
        readSettings: config.read,
        pdf: false,
        port: 0,
      }),
      launchTestBrowser(),
    ]);
    page = await browser.newPage();
  });

  afterAll(async () => {
    // The browser closed first: its pages' event streams end with it, so the server's close does
    // not wait on them (closing only the page, with the browser shared, hung CI's afterAll once).
    await browser?.close();
    await server?.close();
  });

  it('serves the deck on 127.0.0.1 with the client, leaving the file on disk as built', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(server.decks.get(DECK)).toBe(`${server.url}${DECK}/`);
    await page.goto(server.decks.get(DECK)!, { waitUntil: 'load' });
    await page.waitForFunction(() => document.documentElement.dataset.careerdeckReady === 'true');
    await until('the page to listen', () => server.pages === 1);
    const onDisk = await readFile(path.join(project.out, DECK, 'index.html'), 'utf8');
    expect(onDisk).not.toContain('__careerdeck');
    expect(onDisk).toContain("connect-src 'none'");
  });

  it('reloads on a change to a role, showing the new text on the same slide', async () => {
    const slide = await page.evaluate((item) => {
      const reveal = (
        window as unknown as {
          Reveal: { getSlides(): HTMLElement[]; slide(h: number): void; getIndices(): { h: number } };
        }
      ).Reveal;
      const h = reveal.getSlides().findIndex((s) => s.textContent?.includes(item));
      reveal.slide(h);
      return reveal.getIndices().h;
    }, ITEM);
    expect(slide).toBeGreaterThan(0);
    const times: number[] = [];
    for (const word of ['ZEBRA', 'QUAGGA', 'OKAPI']) {
      times.push(await saveAndReload(page, roleFile, original.replace(ITEM, `${word} ${ITEM}`)));
      await page.waitForFunction(() => document.documentElement.dataset.careerdeckReady === 'true');
      const shown = await page.evaluate(() => {
        const reveal = (
          window as unknown as { Reveal: { getIndices(): { h: number }; getCurrentSlide(): HTMLElement } }
        ).Reveal;
        return { h: reveal.getIndices().h, text: reveal.getCurrentSlide().textContent ?? '' };
      });
      expect(shown.h).toBe(slide);
      expect(shown.text).toContain(`${word} ${ITEM}`);
    }
    // Printed, not asserted: speed is measured by the bench, never by a timed test (CONTRIBUTING).
    console.log(`save to reload: ${times.map((t) => `${Math.round(t)} ms`).join(', ')}`);
  });

  it('does not reload for a save that changes nothing', async () => {
    const rebuilt = new Promise<{ reloaded: number }>((resolve) => server.once('rebuilt', resolve));
    await writeFile(roleFile, await readFile(roleFile, 'utf8'));
    expect((await rebuilt).reloaded).toBe(0);
  });

  it('shows a content error over the page, also on a page opened while it lasts, and clears it on the next good save', async () => {
    await until('the page to listen', () => server.pages === 1);
    await writeFile(roleFile, original.replace('title: AI Scientist', 'title: "AI Scientist'));
    await page.waitForSelector(OVERLAY, { visible: true, timeout: 10_000 });
    const text = await page.$eval(OVERLAY, (el) => el.textContent ?? '');
    expect(text).toMatch(/ai-scientist\.md:2:\d+: front matter is not valid YAML/);
    expect(server.problem?.lines.join('\n')).toContain('ai-scientist.md:2:');

    const other = await browser.newPage();
    await other.goto(server.decks.get(DECK)!, { waitUntil: 'load' });
    await other.waitForSelector(OVERLAY, { visible: true, timeout: 10_000 });
    await other.close();

    await saveAndReload(page, roleFile, original);
    await page.waitForFunction(() => document.documentElement.dataset.careerdeckReady === 'true');
    expect(await page.$(OVERLAY)).toBeNull();
    expect(server.problem).toBeUndefined();
  });

  it('lists warnings in a corner panel that leaves the deck usable, and clears them on the fix', async () => {
    await until('the page to listen', () => server.pages === 1);
    await saveAndReload(page, roleFile, original.replace('## Required skills', '## Skills'));
    await page.waitForSelector(WARNINGS, { visible: true, timeout: 10_000 });
    const text = await page.$eval(WARNINGS, (el) => el.textContent ?? '');
    expect(text).toMatch(
      /ai-scientist\.md:\d+: warning: "Skills" is only in ai-scientist\.md; did you mean "Required skills"\?/,
    );
    expect(server.warnings?.lines.join('\n')).toContain('warning: "Skills" is only in ai-scientist.md');
    expect(server.problem).toBeUndefined();
    expect(await page.$(OVERLAY)).toBeNull();
    // Not a blocking overlay: the middle of the slide is the deck's, and the deck still moves.
    const { middle, moved } = await page.evaluate((id) => {
      const hit = document.elementFromPoint(innerWidth / 2, innerHeight / 2);
      const reveal = (window as unknown as { Reveal: { next(): void; getIndices(): { h: number } } }).Reveal;
      const before = reveal.getIndices().h;
      reveal.next();
      return {
        middle: hit?.closest(`#${id}`) === null && hit?.closest('.reveal') !== null,
        moved: reveal.getIndices().h !== before,
      };
    }, WARNINGS.slice(1));
    expect(middle).toBe(true);
    expect(moved).toBe(true);

    await saveAndReload(page, roleFile, original);
    await page.waitForFunction(() => document.documentElement.dataset.careerdeckReady === 'true');
    expect(await page.$(WARNINGS)).toBeNull();
    expect(server.warnings).toBeUndefined();
  });

  it('reads the config file again when it changes, and rebuilds', async () => {
    const rebuilt = new Promise((resolve) => server.once('rebuilt', resolve));
    await writeFile(configFile, '{ "theme": "dark" }\n');
    await rebuilt;
    expect(config.reads).toBe(1);
    expect(await readFile(path.join(project.out, DECK, 'index.html'), 'utf8')).toMatch(/theme-dark|data-theme="dark"/);
  });

  it('keeps showing a broken config after a content save, until the config loads', async () => {
    await until('the page to listen', () => server.pages === 1);
    let build = nextBuild(server);
    await writeFile(configFile, '{ "theme": \n');
    expect(await build).toBe('failed');
    await page.waitForSelector(OVERLAY, { visible: true, timeout: 10_000 });
    expect(server.problem?.title).toBe('1 problem in the config file');

    // Built with the settings read before, this save would succeed and hide the problem.
    build = nextBuild(server);
    await writeFile(roleFile, original.replace(ITEM, `WOMBAT ${ITEM}`));
    expect(await build).toBe('failed');
    expect(server.problem?.lines.join('\n')).toMatch(/careerdeck\.config\.json:1:1: is not valid JSON/);
    expect(await page.$eval(OVERLAY, (el) => el.textContent ?? '')).toContain('careerdeck.config.json');
    expect(await readFile(path.join(project.out, DECK, 'index.html'), 'utf8')).not.toContain('WOMBAT');

    await saveAndReload(page, configFile, '{ "theme": "dark" }\n');
    await page.waitForFunction(() => document.documentElement.dataset.careerdeckReady === 'true');
    expect(await page.$(OVERLAY)).toBeNull();
    expect(server.problem).toBeUndefined();
    expect(await readFile(path.join(project.out, DECK, 'index.html'), 'utf8')).toContain('WOMBAT');
    // Read once for each of the three builds, and no more once it loaded.
    const reads = config.reads;
    build = nextBuild(server);
    await writeFile(roleFile, original);
    expect(await build).toBe('rebuilt');
    expect(config.reads).toBe(reads);
  });

  it('serves nothing outside the output folder, and only to its own address', async () => {
    const port = server.port;
    for (const p of [
      '/../content/roles/ai-scientist.md',
      `/${DECK}/../../content/decks`,
      '/%2e%2e/content/roles/ai-scientist.md',
      `/${DECK}/..%2f..%2fcontent%2froles%2fai-scientist.md`,
      '/%2e%2e%2f%2e%2e%2fetc%2fpasswd',
      '/nothing.html',
    ]) {
      expect(await status(port, p), p).toBe(404);
    }
    expect(await status(port, `/${DECK}/`)).toBe(200);
    expect(await status(port, `/${DECK}/`, `attacker.example:${port}`)).toBe(403);
  });

  it('closes: nothing listens and no browser is left', async () => {
    const port = server.port;
    await server.close();
    expect(await listening(port)).toBe(false);
    expect(chromiumOf(process.pid)).toEqual([]);
  });
});

describe('careerdeck dev, content broken from the start', () => {
  it('runs, shows the problem on the deck address, and shows the deck after the fix', async () => {
    const project = await tempProject('dev-broken');
    const roleFile = path.join(project.content, ROLE);
    const original = await readFile(roleFile, 'utf8');
    await writeFile(roleFile, original.replace('title: AI Scientist', 'title: "AI Scientist'));
    const [server, browser] = await Promise.all([
      startDevServer({ contentDir: project.content, outDir: project.out, configDir: project.dir, pdf: false, port: 0 }),
      launchTestBrowser(),
    ]);
    try {
      expect(server.problem?.lines[0]).toMatch(/ai-scientist\.md:2:/);
      const page = await browser.newPage();
      await page.goto(server.decks.get(DECK)!, { waitUntil: 'load' });
      expect(await page.$eval(OVERLAY, (el) => el.textContent ?? '')).toMatch(/ai-scientist\.md:2:/);
      await until('the page to listen', () => server.pages === 1);
      await saveAndReload(page, roleFile, original);
      await page.waitForFunction(() => document.documentElement.dataset.careerdeckReady === 'true');
      expect(await page.$(OVERLAY)).toBeNull();
    } finally {
      await browser.close();
      await server.close();
    }
  });
});

describe('careerdeck dev, a config file created while it runs', () => {
  it('watches for one and reads it once created', async () => {
    const project = await tempProject('dev-new-config');
    const config = configReader(project.dir);
    const server = await startDevServer({
      contentDir: project.content,
      outDir: project.out,
      configDir: project.dir,
      readSettings: config.read,
      pdf: false,
      port: 0,
    });
    try {
      const build = nextBuild(server);
      await writeFile(path.join(project.dir, 'careerdeck.config.json'), '{ "theme": "dark" }\n');
      expect(await build).toBe('rebuilt');
      expect(config.reads).toBe(1);
      expect(await readFile(path.join(project.out, DECK, 'index.html'), 'utf8')).toContain('data-theme="dark"');
    } finally {
      await server.close();
    }
  }, 15_000);
});

describe('careerdeck dev with PDFs', () => {
  it('prints the PDFs again in the background after a change, with the browser kept warm, and closes it', async () => {
    const project = await tempProject('dev-pdf');
    const deckFile = path.join(project.content, 'decks', `${DECK}.md`);
    // The report only: the test is about the background build, not about every PDF.
    await writeFile(deckFile, (await readFile(deckFile, 'utf8')).replace('paper: A4', 'paper: A4\noutputs: [report]'));
    const pdfs: { ms: number; launches: number }[] = [];
    const server = await startDevServer({
      contentDir: project.content,
      outDir: project.out,
      configDir: project.dir,
      port: 0,
      // The PDFs at once after the HTML (a real server lets the pages reload first: DEV_WAITS, unit-tested).
      pdfDelayMs: 0,
    });
    try {
      server.on('rebuilt', (e) => e.phase === 'pdf' && pdfs.push({ ms: e.ms, launches: e.result.browserLaunches }));
      await until('the first PDFs', () => pdfs.length === 1, 45_000);
      const report = path.join(project.out, DECK, `${DECK}-report.pdf`);
      expect((await readPdf(await readFile(report))).text).not.toContain('ZEBRA');
      const roleFile = path.join(project.content, ROLE);
      await writeFile(roleFile, (await readFile(roleFile, 'utf8')).replace(ITEM, `ZEBRA ${ITEM}`));
      await until('the PDFs after the change', () => pdfs.length === 2, 45_000);
      expect((await readPdf(await readFile(report))).text).toContain('ZEBRA');
      // One browser for both builds: the first starts it, the second finds it open.
      expect(pdfs.map((p) => p.launches)).toEqual([1, 0]);
      console.log(
        `background PDF build: ${pdfs.map((p) => `${(p.ms / 1000).toFixed(1)} s`).join(', ')} (first with the browser start)`,
      );
      expect(chromiumOf(process.pid).length).toBeGreaterThan(0);
    } finally {
      await server.close();
    }
    expect(chromiumOf(process.pid)).toEqual([]);
  });
});

describe('careerdeck dev, the command', () => {
  it('prints the address, serves, and exits 0 on Ctrl-C leaving no browser', async () => {
    const project = await tempProject('dev-cli');
    const child = spawn(
      process.execPath,
      [CLI, 'dev', '--port', '0', '--content', project.content, '--out', project.out],
      { cwd: project.dir, stdio: ['ignore', 'ignore', 'pipe'] },
    );
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      await until('the address', () => /http:\/\/127\.0\.0\.1:\d+\/\S+\//.test(stderr), 30_000);
      const url = new URL(/http:\/\/127\.0\.0\.1:\d+\/\S+\//.exec(stderr)![0]);
      expect(await status(Number(url.port), url.pathname)).toBe(200);
      // The PDFs print in the background: stop while the browser runs.
      await until('the browser', () => chromiumOf(child.pid!).length > 0, 30_000);
      child.kill('SIGINT');
      expect(await exited).toBe(0);
      expect(await listening(Number(url.port))).toBe(false);
      await until('no browser left', () => chromiumOf(child.pid!).length === 0, 5000);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  }, 60_000);

  it('applies a config created while it runs, and names the settings that need a restart', async () => {
    const project = await tempProject('dev-cli-config');
    const child = spawn(process.execPath, [CLI, 'dev', '--port', '0', '--no-pdf'], {
      cwd: project.dir,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      await until('the address', () => /http:\/\/127\.0\.0\.1:\d+\/\S+\//.test(stderr), 30_000);
      await writeFile(
        path.join(project.dir, 'careerdeck.config.json'),
        '{ "theme": "dark", "out": "public", "timeout": 5000 }\n',
      );
      await until('the restart notice', () => stderr.includes('restart npm run dev to apply: out, timeout\n'), 10_000);
      // The deck settings apply at once, into the folder the server started with.
      await until(
        'the dark deck',
        async () => (await readFile(path.join(project.out, DECK, 'index.html'), 'utf8')).includes('data-theme="dark"'),
        10_000,
      );
      child.kill('SIGINT');
      expect(await exited).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  }, 60_000);
});
