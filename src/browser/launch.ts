import type { Browser } from 'puppeteer-core';
import { CareerdeckError } from '../errors.js';
import { freshProfile } from './profile.js';
import { DEFAULT_TIMEOUT_MS } from './timeout.js';

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
  try {
    return await launch({
      executablePath,
      headless: true,
      // With a pipe, Chromium exits by itself when this process dies, even by SIGKILL.
      pipe: true,
      userDataDir: profile,
      // Starting Chromium and its protocol calls get at least 30 s: a short --timeout is meant
      // for page waits (each bounded by it explicitly), not for a slow cold start.
      timeout: Math.max(timeoutMs, DEFAULT_TIMEOUT_MS),
      protocolTimeout: Math.max(timeoutMs, DEFAULT_TIMEOUT_MS),
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
      args: [...(root ? ['--no-sandbox'] : []), ...QUIET_ARGS],
    });
  } catch (error) {
    throw new CareerdeckError(
      'BROWSER',
      `could not start the browser at ${executablePath}: ${(error as Error).message.split('\n')[0]}`,
      { cause: error },
    );
  }
}
