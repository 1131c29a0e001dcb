import type { ChildProcess } from 'node:child_process';
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import type { Browser } from 'puppeteer-core';
import { CareerdeckError } from '../errors.js';
import { freshProfile } from './profile.js';
import { DEFAULT_TIMEOUT_MS, within } from './timeout.js';

// As root Chromium refuses to start without --no-sandbox. The rest keep a closed network quiet:
// Chromium's own background requests would otherwise be refused, many at a time.
export const QUIET_ARGS = [
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
  '--disable-default-apps',
  '--disable-extensions',
  '--font-render-hinting=none',
  // The address bar's popups, which a headless browser never shows, were still loaded at start
  // (two WebUI pages): about 0.2 s of Chromium's CPU before the first page could be had.
  // Puppeteer merges this list with its own disabled features.
  '--disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup',
];

/**
 * Starts loading Puppeteer (about 0.2 s of module loading) without starting a browser: a build
 * that may print calls it as soon as it knows it has work, so the launch does not wait for it.
 */
export function preloadPuppeteer(): void {
  import('puppeteer-core').catch(() => undefined);
}

/**
 * Starts Chromium headless over a pipe with a fresh profile. `profile` is the profile folder,
 * known before the launch, so that it can be removed even after a failed or killed start.
 */
export async function launchChromium(
  executablePath: string,
  timeoutMs: number,
  onProfile: (profile: string) => void,
): Promise<Browser> {
  const imported = performance.now();
  const { launch } = await import('puppeteer-core');
  performance.measure('browser launch: import puppeteer-core', { start: imported });
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  const profile = await freshProfile();
  onProfile(profile);
  // Puppeteer bounds its wait for Chromium's pipe, but not the wait that follows for the first
  // targets to be attached: a Chromium killed in between (the OOM killer, a user) left launch()
  // pending forever, and the CLI ended with exit 13 and no message (found with a dump of the
  // pending promises after the "Chromium killed while printing" test's flaky exit 13). So the
  // launch fails as soon as the Chromium it started ends, and is bounded in any case; a browser
  // that starts after it was given up on is closed.
  const bound = Math.max(timeoutMs, DEFAULT_TIMEOUT_MS);
  const watch = watchStart(profile);
  let gaveUp = false;
  try {
    const launching = launch({
      executablePath,
      headless: true,
      // With a pipe, Chromium exits by itself when this process dies, even by SIGKILL.
      pipe: true,
      userDataDir: profile,
      // Starting Chromium and its protocol calls get at least 30 s: a short --timeout is meant
      // for page waits (each bounded by it explicitly), not for a slow cold start.
      timeout: bound,
      protocolTimeout: bound,
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
      args: [...(root ? ['--no-sandbox'] : []), ...QUIET_ARGS],
    });
    void launching.then(
      (browser) => (gaveUp ? browser.close() : undefined),
      () => undefined,
    );
    return await within(Promise.race([launching, watch.ended]), bound, () => {
      throw new Error(`it did not finish starting within ${bound / 1000} s`);
    });
  } catch (error) {
    gaveUp = true;
    throw new CareerdeckError(
      'BROWSER',
      `could not start the browser at ${executablePath}: ${(error as Error).message.split('\n')[0]}`,
      { cause: error },
    );
  } finally {
    watch.stop();
  }
}

/**
 * Rejects when the Chromium started with `profile` ends, until stop(). Node announces every
 * child process it creates on the 'child_process' diagnostics channel, before it starts: each
 * one created meanwhile is watched, and ours is known at its end by its profile folder.
 */
function watchStart(profile: string): { ended: Promise<never>; stop: () => void } {
  let onChild: (message: unknown) => void = () => undefined;
  const ended = new Promise<never>((_, reject) => {
    onChild = (message) => {
      const child = (message as { process: ChildProcess }).process;
      child.once('exit', (code, signal) => {
        if (child.spawnargs.some((arg) => arg.includes(profile)))
          reject(new Error(`it ended while starting (${signal ?? `exit code ${code}`})`));
      });
    };
  });
  ended.catch(() => undefined);
  subscribe('child_process', onChild);
  return { ended, stop: () => unsubscribe('child_process', onChild) };
}
