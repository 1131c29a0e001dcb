import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import path from 'node:path';
import { CareerdeckError } from '../errors.js';
import { noBrowserHelp } from './install-help.js';

import type { BrowserOrigin, FoundBrowser } from '../model/index.js';

export type { BrowserOrigin, FoundBrowser };

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

/** Windows installs, below Program Files, Program Files (x86) or the user's LOCALAPPDATA. */
const WINDOWS_APPS = [
  ['Google', 'Chrome', 'Application', 'chrome.exe'],
  ['Chromium', 'Application', 'chrome.exe'],
  ['Microsoft', 'Edge', 'Application', 'msedge.exe'],
  ['BraveSoftware', 'Brave-Browser', 'Application', 'brave.exe'],
];
/** macOS app bundles, in /Applications or ~/Applications; the executable is named as the app. */
const MAC_APPS = ['Google Chrome', 'Chromium', 'Microsoft Edge', 'Brave Browser'];
/** Linux (and other Unix) command names, in /usr/bin, /snap/bin, then on PATH. */
const UNIX_NAMES = [
  'chromium',
  'chromium-browser',
  'google-chrome-stable',
  'google-chrome',
  'microsoft-edge-stable',
  'microsoft-edge',
  'brave-browser',
  'chrome',
];
const WINDOWS_NAMES = ['chrome.exe', 'msedge.exe', 'brave.exe', 'chromium.exe'];

/** The path rules of the system searched (not of this one), so that tests can search Windows from Linux. */
function pathsOf(platform: NodeJS.Platform): path.PlatformPath {
  return platform === 'win32' ? path.win32 : path.posix;
}

/** An environment variable; Windows spells names in any case (`Path`, `ProgramFiles`). */
function variable(where: Pick<FinderEnvironment, 'env' | 'platform'>, name: string): string | undefined {
  if (where.platform !== 'win32') return where.env[name] || undefined;
  const key = Object.keys(where.env).find((k) => k.toLowerCase() === name.toLowerCase());
  return (key && where.env[key]) || undefined;
}

/** Where browsers are usually installed on `platform`, most preferred first. */
export function systemBrowserPaths(where: Pick<FinderEnvironment, 'env' | 'platform'>): string[] {
  const p = pathsOf(where.platform);
  if (where.platform === 'win32') {
    // ProgramW6432 is the 64-bit folder even when a 32-bit Node sets ProgramFiles to the x86 one.
    const roots = [
      variable(where, 'ProgramFiles') ?? 'C:\\Program Files',
      variable(where, 'ProgramW6432'),
      variable(where, 'ProgramFiles(x86)') ?? 'C:\\Program Files (x86)',
      variable(where, 'LOCALAPPDATA'),
    ];
    const unique = [...new Set(roots.filter((r): r is string => !!r))];
    return WINDOWS_APPS.flatMap((parts) => unique.map((root) => p.join(root, ...parts)));
  }
  if (where.platform === 'darwin') {
    const home = variable(where, 'HOME');
    const roots = ['/Applications', ...(home ? [p.join(home, 'Applications')] : [])];
    return MAC_APPS.flatMap((app) => roots.map((root) => p.join(root, `${app}.app`, 'Contents', 'MacOS', app)));
  }
  if (where.platform === 'linux')
    return ['/usr/bin', '/snap/bin'].flatMap((dir) => UNIX_NAMES.map((name) => p.join(dir, name)));
  return [];
}

/** Browser commands in the folders of PATH, in PATH's order. */
function onPath(where: Pick<FinderEnvironment, 'env' | 'platform'>): string[] {
  const p = pathsOf(where.platform);
  const names = where.platform === 'win32' ? WINDOWS_NAMES : UNIX_NAMES;
  return (variable(where, 'PATH') ?? '')
    .split(where.platform === 'win32' ? ';' : ':')
    .filter(Boolean)
    .flatMap((dir) => names.map((name) => p.join(dir, name)));
}

/**
 * Finds a browser in this order: an explicit setting (option, then PUPPETEER_EXECUTABLE_PATH),
 * puppeteer's own downloaded browser (Chrome for Testing), then a Chrome, Chromium, Edge or Brave
 * installed on the system (its usual places, then PATH). Undefined when there is none; an
 * explicit setting that names no file is an error, never skipped.
 */
export async function locateBrowser(where: FinderEnvironment): Promise<FoundBrowser | undefined> {
  const explicit: [string | undefined, BrowserOrigin][] = [
    [where.explicit, 'option'],
    [where.env.PUPPETEER_EXECUTABLE_PATH, 'environment'],
  ];
  for (const [candidate, origin] of explicit) {
    if (!candidate) continue;
    if (!where.exists(candidate)) {
      const name = origin === 'option' ? '--browser' : 'PUPPETEER_EXECUTABLE_PATH';
      throw new CareerdeckError(
        'NO_BROWSER',
        `${name} is set to ${candidate}, which does not exist; fix the path or unset it`,
      );
    }
    return { executablePath: candidate, origin };
  }
  const downloaded = (await where.puppeteerBrowsers()).find((p) => where.exists(p));
  if (downloaded) return { executablePath: downloaded, origin: 'puppeteer' };
  const system = [...systemBrowserPaths(where), ...onPath(where)].find((p) => where.exists(p));
  return system ? { executablePath: system, origin: 'system' } : undefined;
}

/** As locateBrowser, but none found is an error that says what to install on this system. */
export async function findBrowser(where: FinderEnvironment): Promise<FoundBrowser> {
  const found = await locateBrowser(where);
  if (!found) throw new CareerdeckError('NO_BROWSER', noBrowserHelp(where.platform));
  return found;
}

const ORIGINS: Record<BrowserOrigin, string> = {
  option: 'given by --browser',
  environment: 'from PUPPETEER_EXECUTABLE_PATH',
  puppeteer: "Chrome for Testing in Puppeteer's cache",
  system: 'installed on this system',
};

/** The browser as one line for people: its path and why it was chosen. */
export function describeBrowser(found: FoundBrowser): string {
  return `${found.executablePath} (${ORIGINS[found.origin]})`;
}

/** Where Puppeteer keeps the browsers it downloads: PUPPETEER_CACHE_DIR or ~/.cache/puppeteer, on every system. */
export function puppeteerCacheDir(env: Record<string, string | undefined> = process.env, home = homedir()): string {
  return env.PUPPETEER_CACHE_DIR || path.join(home, '.cache', 'puppeteer');
}

/** The real machine: its environment, its files, and puppeteer's browser cache. */
export function machineEnvironment(explicit?: string): FinderEnvironment {
  return {
    explicit,
    env: process.env,
    platform: process.platform,
    exists: existsSync,
    puppeteerBrowsers: async () => {
      const cacheDir = puppeteerCacheDir();
      if (!existsSync(cacheDir)) return [];
      // Asked of @puppeteer/browsers, which knows each platform's layout of its cache.
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
export async function browserIdentity(
  explicit?: string,
  found: Promise<FoundBrowser> = findBrowser(machineEnvironment(explicit)),
): Promise<string> {
  try {
    const { executablePath } = await found;
    const { size, mtimeMs } = await stat(executablePath);
    return `${executablePath}:${size}:${mtimeMs}`;
  } catch {
    return 'none';
  }
}
