import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import path from 'node:path';
import { CareerdeckError } from '../errors.js';

export type BrowserOrigin = 'option' | 'environment' | 'puppeteer' | 'system';

export interface FoundBrowser {
  executablePath: string;
  origin: BrowserOrigin;
}

/** What the finder may look at; injected so that tests can decide what exists. */
export interface FinderEnvironment {
  /** An explicit path, from `--browser` or the build options. */
  explicit?: string | undefined;
  env: Record<string, string | undefined>;
  platform: NodeJS.Platform;
  exists: (file: string) => boolean;
  /** Executables of browsers puppeteer downloaded into its cache, newest first. */
  puppeteerBrowsers: () => Promise<string[]>;
}

/** Names searched on PATH after the fixed locations, as scripts/setup.sh does. */
const PATH_NAMES = ['chromium', 'chromium-browser', 'google-chrome-stable', 'google-chrome', 'chrome'];

const SYSTEM_PATHS: Partial<Record<NodeJS.Platform, string[]>> = {
  linux: ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome-stable', '/usr/bin/google-chrome', '/snap/bin/chromium'],
  darwin: ['/Applications/Google Chrome.app/Contents/MacOS/Google Chrome', '/Applications/Chromium.app/Contents/MacOS/Chromium'],
  win32: ['C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe', 'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe'],
};

export const NO_BROWSER_HELP = [
  'No Chromium or Chrome was found to print the PDFs.',
  'Install one, then build again:',
  '  Debian/Ubuntu (as root): apt-get update && apt-get install -y chromium',
  '  or point careerdeck at a browser: PUPPETEER_EXECUTABLE_PATH=/path/to/chrome npm run build:deck',
  'To build only the HTML deck without a browser: npm run build:deck -- --no-pdf',
].join('\n');

/**
 * Finds a browser in this order: an explicit setting (option, then PUPPETEER_EXECUTABLE_PATH),
 * puppeteer's own downloaded browser, then a system Chromium or Chrome (known places, then PATH).
 */
export async function findBrowser(where: FinderEnvironment): Promise<FoundBrowser> {
  const explicit: [string | undefined, BrowserOrigin][] = [
    [where.explicit, 'option'],
    [where.env.PUPPETEER_EXECUTABLE_PATH, 'environment'],
  ];
  for (const [candidate, origin] of explicit) {
    if (!candidate) continue;
    if (!where.exists(candidate)) {
      const name = origin === 'option' ? '--browser' : 'PUPPETEER_EXECUTABLE_PATH';
      throw new CareerdeckError('NO_BROWSER', `${name} is set to ${candidate}, which does not exist; fix the path or unset it`);
    }
    return { executablePath: candidate, origin };
  }
  const downloaded = (await where.puppeteerBrowsers()).find((p) => where.exists(p));
  if (downloaded) return { executablePath: downloaded, origin: 'puppeteer' };
  const onPath = (where.env.PATH ?? '')
    .split(path.delimiter)
    .filter(Boolean)
    .flatMap((dir) => PATH_NAMES.map((name) => path.join(dir, where.platform === 'win32' ? `${name}.exe` : name)));
  const system = [...(SYSTEM_PATHS[where.platform] ?? []), ...onPath].find((p) => where.exists(p));
  if (system) return { executablePath: system, origin: 'system' };
  throw new CareerdeckError('NO_BROWSER', NO_BROWSER_HELP);
}

/** The real machine: its environment, its files, and puppeteer's browser cache. */
export function machineEnvironment(explicit?: string): FinderEnvironment {
  return {
    explicit,
    env: process.env,
    platform: process.platform,
    exists: existsSync,
    puppeteerBrowsers: async () => {
      const cacheDir = process.env.PUPPETEER_CACHE_DIR ?? path.join(homedir(), '.cache', 'puppeteer');
      if (!existsSync(cacheDir)) return [];
      const { getInstalledBrowsers } = await import('@puppeteer/browsers');
      const installed = await getInstalledBrowsers({ cacheDir }).catch(() => []);
      return installed
        .filter((b) => b.browser === 'chrome' || b.browser === 'chrome-headless-shell' || b.browser === 'chromium')
        .sort((a, b) => b.buildId.localeCompare(a.buildId, 'en', { numeric: true }))
        .map((b) => b.executablePath);
    },
  };
}

/**
 * Which browser would print, as text that changes when it is replaced or upgraded (its path,
 * size and time stamp): part of the PDFs' fingerprints. "none" when there is none; the build
 * reports that only if it has something to print. `found` is a search already under way.
 */
export async function browserIdentity(explicit?: string, found: Promise<FoundBrowser> = findBrowser(machineEnvironment(explicit))): Promise<string> {
  try {
    const { executablePath } = await found;
    const { size, mtimeMs } = await stat(executablePath);
    return `${executablePath}:${size}:${mtimeMs}`;
  } catch {
    return 'none';
  }
}
