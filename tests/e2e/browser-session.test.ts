import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { availableParallelism } from 'node:os';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findBrowser, machineEnvironment } from '../../src/browser/find.js';
import { BrowserSession, type Site } from '../../src/browser/session.js';
import { load, printPage } from '../../src/emit/print.js';
import { CareerdeckError } from '../../src/errors.js';

let executablePath: string;
let canary: Server;
let hits = 0;
let port = 0;

beforeAll(async () => {
  ({ executablePath } = await findBrowser(machineEnvironment()));
  canary = createServer((_, res) => {
    hits += 1;
    res.end('x');
  });
  await new Promise<void>((resolve) => canary.listen(0, '127.0.0.1', resolve));
  port = (canary.address() as AddressInfo).port;
});

afterAll(async () => {
  await new Promise((resolve) => canary.close(resolve));
});

const html = (body: string): Site =>
  new Map([
    [
      '/page.html',
      { body: `<!doctype html><html><head><title>t</title></head><body>${body}</body></html>`, type: 'text/html' },
    ],
  ]);
const processAlive = (pid: number | undefined) => {
  if (pid === undefined) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('the browser session', () => {
  it('refuses every request that is not one of our files: the canary is never hit', async () => {
    const session = new BrowserSession({ executablePath, timeoutMs: 10_000 });
    try {
      const site = html(
        `<img src="http://127.0.0.1:${port}/img.png"><link rel="stylesheet" href="http://127.0.0.1:${port}/x.css"><iframe src="http://127.0.0.1:${port}/frame"></iframe><script>fetch('http://127.0.0.1:${port}/fetch').catch(() => {})</script>`,
      );
      const pdf = await printPage(
        session,
        site,
        { kind: 'report', name: 'x.pdf', title: 't', path: '/page.html', html: '', pdf: {} },
        10_000,
      );
      expect(Buffer.from(pdf.subarray(0, 5)).toString()).toBe('%PDF-');
      expect(hits).toBe(0);
      expect(session.blocked.some((url) => url.includes(`127.0.0.1:${port}/img.png`))).toBe(true);
    } finally {
      await session.close();
    }
  });

  it('launches once for many pages, reuses at most one page per core, and leaves no Chromium after close', async () => {
    const session = new BrowserSession({ executablePath, timeoutMs: 10_000 });
    let pid: number | undefined;
    try {
      await Promise.all(
        Array.from({ length: 5 }, () =>
          session.withPage(html('<p>hi</p>'), async (page) => {
            pid = page.browser().process()?.pid;
            await load(page, { path: '/page.html' }, 10_000);
          }),
        ),
      );
      const browser = await session.withPage(html(''), async (page) => page.browser());
      expect((await browser.pages()).length).toBeLessThanOrEqual(Math.min(4, availableParallelism()));
      expect(session.launches).toBe(1);
    } finally {
      await session.close();
    }
    expect(processAlive(pid)).toBe(false);
  });

  it('lends a reused page as new: default media and viewport, visible, serving only the new site', async () => {
    const session = new BrowserSession({ executablePath, timeoutMs: 10_000 });
    try {
      const first = new Map([...html('<p>one</p>'), ['/secret.txt', { body: 'first site only', type: 'text/plain' }]]);
      const used = await session.withPage(first, async (page) => {
        await load(page, { path: '/page.html' }, 10_000);
        await page.emulateMediaType('print');
        await page.setViewport({ width: 300, height: 200 });
        return page;
      });
      const seen = await session.withPage(html('<p>two</p>'), async (page) => {
        expect(page).toBe(used);
        await load(page, { path: '/page.html' }, 10_000);
        return page.evaluate(async () => ({
          print: matchMedia('print').matches,
          width: innerWidth,
          visible: document.visibilityState,
          // reveal's print view waits for animation frames, which a hidden page never gets.
          frame: await Promise.race([
            new Promise((resolve) => requestAnimationFrame(() => resolve(true))),
            new Promise((resolve) => setTimeout(() => resolve(false), 2000)),
          ]),
          secret: await fetch('/secret.txt').then(
            (r) => r.text(),
            () => 'refused',
          ),
          // The same address as the first site's page: its new body, not a cached one.
          text: document.body.textContent,
        }));
      });
      expect(seen).toEqual({
        print: false,
        width: 800,
        visible: 'visible',
        frame: true,
        secret: 'refused',
        text: 'two',
      });
    } finally {
      await session.close();
    }
  });

  it("keeps reveal's and the fonts' files from page to page, and takes every other file from the job's own site", async () => {
    // A site that counts what the page asked it for (serveSite looks each request up with get()).
    class Counted extends Map<string, { body: Uint8Array | string; type: string }> {
      readonly asked: string[] = [];
      override get(key: string) {
        this.asked.push(key);
        return super.get(key);
      }
    }
    const bytes = (s: string) => new TextEncoder().encode(s);
    const site = (deck: string) =>
      new Counted([
        [
          '/page.html',
          {
            body: '<!doctype html><html><head><title>t</title><link rel="stylesheet" href="/assets/reveal/r.css"><script src="/assets/deck.js"></script></head><body><p>x</p></body></html>',
            type: 'text/html',
          },
        ],
        ['/assets/reveal/r.css', { body: bytes('p { color: rgb(1, 2, 3); }'), type: 'text/css' }],
        [
          '/assets/deck.js',
          { body: bytes(`document.documentElement.dataset.deck = '${deck}';`), type: 'text/javascript' },
        ],
      ]);
    const session = new BrowserSession({ executablePath, timeoutMs: 10_000, pages: 1 });
    try {
      const job = (s: Counted) =>
        session.withPage(s, async (page) => {
          await load(page, { path: '/page.html' }, 10_000);
          return page.evaluate(() => [
            document.documentElement.dataset.deck,
            getComputedStyle(document.querySelector('p')!).color,
          ]);
        });
      const first = site('A');
      expect(await job(first)).toEqual(['A', 'rgb(1, 2, 3)']);
      expect(first.asked).toEqual(expect.arrayContaining(['/page.html', '/assets/reveal/r.css', '/assets/deck.js']));
      // The next deck's page: the same addresses, its own deck.js (made from the templates).
      const second = site('B');
      expect(await job(second)).toEqual(['B', 'rgb(1, 2, 3)']);
      expect(second.asked).toContain('/page.html');
      expect(second.asked).toContain('/assets/deck.js');
      expect(second.asked).not.toContain('/assets/reveal/r.css');
    } finally {
      await session.close();
    }
  });

  it("collects a kept page's garbage between jobs once its heaps hold enough, and only then", async () => {
    const session = new BrowserSession({ executablePath, timeoutMs: 10_000, pages: 1 });
    const heapMiB = async (page: Page) => {
      const cdp = await page.createCDPSession();
      const heap = await cdp.send('Runtime.getHeapUsage');
      await cdp.detach();
      return (heap.usedSize + heap.embedderHeapUsedSize) / 2 ** 20;
    };
    try {
      // A small document leaves too little to collect.
      await session.withPage(html('<p>small</p>'), (page) => load(page, { path: '/page.html' }, 10_000));
      await session.withPage(html('<p>small</p>'), (page) => load(page, { path: '/page.html' }, 10_000));
      expect(session.collections).toBe(0);
      // A document holding 40 MiB of numbers and elements.
      const big = await session.withPage(html('<p>big</p>'), async (page) => {
        await load(page, { path: '/page.html' }, 10_000);
        await page.evaluate(() => {
          const w = window as unknown as { kept: unknown[] };
          w.kept = Array.from({ length: 40 }, (_, i) => new Array(131072).fill(i + 0.5));
          for (let i = 0; i < 20000; i++) document.body.append(document.createElement('div'));
        });
        return heapMiB(page);
      });
      expect(big).toBeGreaterThan(32);
      // Collected after that job (what earlier documents left): not awaited by the session.
      await expect.poll(() => session.collections, { timeout: 5000 }).toBe(1);
    } finally {
      await session.close();
    }
  });

  it('does not count what the last document of a kept page asks for after its job as a refused request', async () => {
    const session = new BrowserSession({ executablePath, timeoutMs: 10_000 });
    try {
      const kept = await session.withPage(html('<p>done</p>'), async (page) => {
        await load(page, { path: '/page.html' }, 10_000);
        return page;
      });
      // The job is over; its document asks for something (as a late timer would), and is refused.
      expect(
        await kept.evaluate(() =>
          fetch('/late').then(
            () => 'served',
            () => 'refused',
          ),
        ),
      ).toBe('refused');
      expect(session.blocked.filter((url) => url.endsWith('/late'))).toEqual([]);
    } finally {
      await session.close();
    }
  });

  it('keeps every page it lends visible, also while others are open', async () => {
    const session = new BrowserSession({ executablePath, timeoutMs: 10_000 });
    try {
      const states = await Promise.all(
        Array.from({ length: 2 }, () =>
          session.withPage(html(''), async (page) => {
            await load(page, { path: '/page.html' }, 10_000);
            // Both pages are open by now: the first waits for the second before it looks.
            await new Promise((resolve) => setTimeout(resolve, 500));
            return page.evaluate(() => document.visibilityState);
          }),
        ),
      );
      expect(states).toEqual(['visible', 'visible']);
    } finally {
      await session.close();
    }
  });

  it('closes the page when the work throws, and the error passes through', async () => {
    const session = new BrowserSession({ executablePath, timeoutMs: 10_000 });
    try {
      const failure = new CareerdeckError('CONTENT', 'boom');
      await expect(session.withPage(html(''), async () => Promise.reject(failure))).rejects.toBe(failure);
      const open = await session.withPage(html(''), async (page) => (await page.browser().pages()).length);
      expect(open).toBeLessThanOrEqual(2);
    } finally {
      await session.close();
    }
  });

  it('fails every job at once, exit status 3, when its Chromium dies mid-job, also one waiting on a call that never answers', async () => {
    // A whole minute of timeout: a job that waited it out would fail the test's own 60 s.
    const session = new BrowserSession({ executablePath, timeoutMs: 60_000, pages: 1 });
    try {
      const dying = session.withPage(html(''), async (page) => {
        page.browser().process()?.kill('SIGKILL');
        // What Puppeteer did after such a kill: a promise that never settled (the session's
        // watch on the browser's disconnection is all that ends this job).
        return new Promise<never>(() => undefined);
      });
      // Waiting for the one page the session lends: it must fail too, not wait forever.
      const waiting = session.withPage(html(''), async () => 'printed');
      for (const job of [dying, waiting]) {
        const error = await job.catch((e: unknown) => e);
        expect(error).toBeInstanceOf(CareerdeckError);
        expect((error as CareerdeckError).exitCode).toBe(3);
      }
      await expect(dying).rejects.toThrow(/the browser failed: its process ended unexpectedly/);
    } finally {
      await session.close();
    }
  });

  it('never starts again after close: later and waiting jobs fail as interrupted', async () => {
    const session = new BrowserSession({ executablePath, timeoutMs: 10_000 });
    await session.withPage(html(''), async () => undefined);
    await session.close();
    const error = await session.withPage(html(''), async () => undefined).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CareerdeckError);
    expect((error as CareerdeckError).code).toBe('INTERRUPTED');
    expect(session.launches).toBe(1);
  });

  it('gives up on a page that never becomes ready within the timeout, with exit status 3', async () => {
    const session = new BrowserSession({ executablePath, timeoutMs: 800 });
    // Started first, so that the clock below measures the page wait and not a cold start.
    await session.withPage(html(''), async () => undefined);
    const started = Date.now();
    try {
      const error = await printPage(
        session,
        html('<p>never ready</p>'),
        {
          kind: 'slides',
          name: 'x.pdf',
          title: 't',
          path: '/page.html',
          html: '',
          readyAttribute: 'data-never',
          pdf: {},
        },
        800,
      ).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(CareerdeckError);
      expect((error as CareerdeckError).code).toBe('TIMEOUT');
      expect((error as CareerdeckError).exitCode).toBe(3);
      expect((error as Error).message).toContain('did not finish within 800 ms');
    } finally {
      await session.close();
    }
    expect(Date.now() - started).toBeLessThan(800 + 5_000);
  });
});
