import { type Browser, launch } from 'puppeteer-core';
import { findBrowser, machineEnvironment } from '../../src/browser/find.js';

/** The worker's Chromium, started by the first file that asks. */
let shared: Promise<Browser> | undefined;

/**
 * A Chromium for tests that inspect outputs, found the same way the build finds one. One per test
 * worker: vitest keeps a worker's process from file to file (vitest.config.ts), and a launch with
 * its close cost ~0.9 s of CPU, 13 times a run. Each file gets a view of it whose `close()` closes
 * what the file opened (its pages, its contexts, pages its pages opened), not the browser, which
 * ends with the worker (over a pipe, Chromium exits when its parent does).
 */
export async function launchTestBrowser(): Promise<Browser> {
  let browser = await (shared ??= start());
  // A file that killed it (or a crash) leaves the next file a new one.
  if (!browser.connected) browser = await (shared = start());
  const first = (await browser.pages())[0];
  const contexts: { close(): Promise<void> }[] = [];
  return new Proxy(browser, {
    get(target, key) {
      if (key === 'createBrowserContext')
        return async (...args: Parameters<Browser['createBrowserContext']>) => {
          const context = await target.createBrowserContext(...args);
          contexts.push(context);
          return context;
        };
      if (key === 'close')
        return async () => {
          const pages = (await target.pages().catch(() => [])).filter((page) => page !== first);
          await Promise.all([...contexts.splice(0), ...pages].map((x) => x.close().catch(() => undefined)));
        };
      const value: unknown = Reflect.get(target, key, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

async function start(): Promise<Browser> {
  const { executablePath } = await findBrowser(machineEnvironment());
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  const launching = launch({
    executablePath,
    headless: true,
    pipe: true,
    args: [
      ...(root ? ['--no-sandbox'] : []),
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
    ],
  });
  // A failed start is not kept: the next file tries again.
  launching.catch(() => (shared = undefined));
  return launching;
}
