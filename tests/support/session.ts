import type { Browser } from 'puppeteer-core';
import { afterAll } from 'vitest';
import { findBrowser, machineEnvironment } from '../../src/browser/find.js';
import { BrowserSession } from '../../src/browser/session.js';
import { DEFAULT_TIMEOUT_MS } from '../../src/browser/timeout.js';

/** The file's session (made on first use), and its Chromium for the test's own pages. */
export interface FileSession {
  (): Promise<BrowserSession>;
  /**
   * The Chromium the file's builds printed with, for pages the tests open themselves: its
   * `newPage()` opens a window (a tab would hide the session's first page, and a hidden page
   * never finishes a print view). Closed with the session: the file does not close it.
   */
  browser: () => Promise<Browser>;
}

/**
 * One Chromium for every build of a test file: `const session = fileSession()` at the top of the
 * file, then `session: await session()` in each `build()`. A build given a session prints with it
 * and leaves it open (BuildOptions.session, as the dev server's builds do); the file closes it when
 * it ends. Starting Chromium is most of a small build's time here (1.8 s of 5.4 s for two roles'
 * report, load 5), so a file that builds three times and looks at the outputs in a browser starts
 * it once instead of four times.
 *
 * Not for tests about the browser's own life: how many times a build launches it, what a build
 * closes when it fails or is stopped, `timeoutMs` (the session's, not the build's, bounds its
 * waits); nor where the build's Chromium differs from the one that looks (FONTCONFIG_FILE).
 */
export function fileSession(): FileSession {
  let made: Promise<BrowserSession> | undefined;
  afterAll(async () => {
    await (await made?.catch(() => undefined))?.close();
  });
  const session = () =>
    (made ??= findBrowser(machineEnvironment()).then(
      ({ executablePath }) => new BrowserSession({ executablePath, timeoutMs: DEFAULT_TIMEOUT_MS }),
    ));
  return Object.assign(session, { browser: async () => windows(await (await session()).chromium()) });
}

/** The browser, whose `newPage()` opens a window; everything else is the browser's own. */
function windows(browser: Browser): Browser {
  return new Proxy(browser, {
    get(target, key) {
      if (key === 'newPage')
        return (options?: Parameters<Browser['newPage']>[0]) => target.newPage({ type: 'window', ...options });
      const value: unknown = Reflect.get(target, key, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}
