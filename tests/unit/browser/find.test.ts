import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  describeBrowser,
  type FinderEnvironment,
  findBrowser,
  locateBrowser,
  machineEnvironment,
  puppeteerCacheDir,
} from '../../../src/browser/find.js';
import { noBrowserHelp } from '../../../src/browser/install-help.js';
import { CareerdeckError } from '../../../src/errors.js';

const OPTION = '/opt/option/chrome';
const ENV = '/opt/env/chrome';
const CACHED = '/root/.cache/puppeteer/chrome/linux-1/chrome';
const SYSTEM = '/usr/bin/chromium';

/** A machine where exactly `existing` files exist. */
function machine(existing: string[], overrides: Partial<FinderEnvironment> = {}): FinderEnvironment {
  const files = new Set(existing);
  return {
    explicit: undefined,
    env: {},
    platform: 'linux',
    exists: (file) => files.has(file),
    puppeteerBrowsers: async () => [CACHED],
    ...overrides,
  };
}

async function noBrowser(where: FinderEnvironment): Promise<CareerdeckError> {
  const error = await findBrowser(where).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(CareerdeckError);
  const careerdeck = error as CareerdeckError;
  expect(careerdeck.code).toBe('NO_BROWSER');
  expect(careerdeck.exitCode).toBe(3);
  return careerdeck;
}

describe('findBrowser: order of preference', () => {
  const all = [OPTION, ENV, CACHED, SYSTEM];

  it('prefers the explicit option over everything', async () => {
    await expect(
      findBrowser(machine(all, { explicit: OPTION, env: { PUPPETEER_EXECUTABLE_PATH: ENV } })),
    ).resolves.toEqual({ executablePath: OPTION, origin: 'option' });
  });

  it('uses PUPPETEER_EXECUTABLE_PATH next', async () => {
    await expect(findBrowser(machine(all, { env: { PUPPETEER_EXECUTABLE_PATH: ENV } }))).resolves.toEqual({
      executablePath: ENV,
      origin: 'environment',
    });
  });

  it("uses puppeteer's downloaded browser before system ones", async () => {
    await expect(findBrowser(machine(all))).resolves.toEqual({ executablePath: CACHED, origin: 'puppeteer' });
  });

  it('skips cached browsers whose executable is gone and takes the first that exists', async () => {
    const newer = '/cache/chrome/linux-2/chrome';
    const older = '/cache/chrome/linux-1/chrome';
    await expect(
      findBrowser(machine([older, SYSTEM], { puppeteerBrowsers: async () => [newer, older] })),
    ).resolves.toEqual({ executablePath: older, origin: 'puppeteer' });
  });

  it('falls back to a system Chromium', async () => {
    await expect(findBrowser(machine([SYSTEM]))).resolves.toEqual({ executablePath: SYSTEM, origin: 'system' });
  });

  it('takes system paths in their listed order', async () => {
    await expect(findBrowser(machine(['/usr/bin/google-chrome', '/usr/bin/chromium-browser']))).resolves.toEqual({
      executablePath: '/usr/bin/chromium-browser',
      origin: 'system',
    });
  });

  it('looks at the system paths of the platform it is given', async () => {
    const mac = '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome';
    await expect(
      findBrowser(machine([mac, SYSTEM], { platform: 'darwin', puppeteerBrowsers: async () => [] })),
    ).resolves.toEqual({ executablePath: mac, origin: 'system' });
  });

  it('ignores an empty PUPPETEER_EXECUTABLE_PATH', async () => {
    await expect(
      findBrowser(machine([SYSTEM], { env: { PUPPETEER_EXECUTABLE_PATH: '' }, puppeteerBrowsers: async () => [] })),
    ).resolves.toEqual({ executablePath: SYSTEM, origin: 'system' });
  });
});

describe('findBrowser: PATH', () => {
  const dir1 = '/opt/tools/bin';
  const dir2 = '/home/me/.local/bin';
  // The machine searched is Linux whatever runs the tests, so its rules: ':' and '/'.
  const PATH = [dir1, dir2].join(':');
  const none = async () => [];

  it('finds a chromium on PATH when nothing is at the fixed system paths', async () => {
    const found = path.posix.join(dir2, 'chromium');
    await expect(findBrowser(machine([found], { env: { PATH }, puppeteerBrowsers: none }))).resolves.toEqual({
      executablePath: found,
      origin: 'system',
    });
  });

  it('takes the fixed system paths before anything on PATH', async () => {
    const onPath = path.posix.join(dir1, 'chromium');
    await expect(
      findBrowser(machine([onPath, '/snap/bin/chromium'], { env: { PATH }, puppeteerBrowsers: none })),
    ).resolves.toEqual({ executablePath: '/snap/bin/chromium', origin: 'system' });
  });

  it("takes puppeteer's browser before anything on PATH", async () => {
    await expect(findBrowser(machine([path.posix.join(dir1, 'chromium'), CACHED], { env: { PATH } }))).resolves.toEqual(
      { executablePath: CACHED, origin: 'puppeteer' },
    );
  });

  it('searches PATH folders in order', async () => {
    const first = path.posix.join(dir1, 'google-chrome');
    const second = path.posix.join(dir2, 'chromium');
    await expect(findBrowser(machine([second, first], { env: { PATH }, puppeteerBrowsers: none }))).resolves.toEqual({
      executablePath: first,
      origin: 'system',
    });
  });

  it('finds nothing with an empty PATH entry list and no fixed browser', async () => {
    await noBrowser(machine(['/chromium', 'chromium'], { env: { PATH: ':' }, puppeteerBrowsers: none }));
  });
});

describe('findBrowser: failures', () => {
  it('refuses an explicit option that does not exist, naming --browser, even if others exist', async () => {
    const error = await noBrowser(machine([ENV, CACHED, SYSTEM], { explicit: '/nope/chrome' }));
    expect(error.message).toContain('--browser is set to /nope/chrome, which does not exist');
  });

  it('refuses a PUPPETEER_EXECUTABLE_PATH that does not exist, naming the variable', async () => {
    const error = await noBrowser(machine([CACHED, SYSTEM], { env: { PUPPETEER_EXECUTABLE_PATH: '/nope/chrome' } }));
    expect(error.message).toContain('PUPPETEER_EXECUTABLE_PATH is set to /nope/chrome, which does not exist');
  });

  it('explains how to install a browser when none is found', async () => {
    const error = await noBrowser(machine([], { puppeteerBrowsers: async () => [] }));
    expect(error.message).toBe(noBrowserHelp('linux'));
    expect(error.message).toContain('sudo apt-get install chromium');
    expect(error.message).toContain('set PUPPETEER_EXECUTABLE_PATH');
    expect(error.message).toContain('--no-pdf');
  });

  it('finds nothing on a platform without known system paths', async () => {
    await noBrowser(machine([SYSTEM], { platform: 'aix', puppeteerBrowsers: async () => [] }));
  });
});

describe('machineEnvironment', () => {
  it('describes the real machine, with the explicit path it is given', () => {
    const where = machineEnvironment('/some/chrome');
    expect(where.explicit).toBe('/some/chrome');
    expect(where.platform).toBe(process.platform);
    expect(where.env).toBe(process.env);
    expect(where.exists('/')).toBe(true);
    expect(where.exists('/definitely/not/here/chrome')).toBe(false);
  });
});

describe('browserIdentity', () => {
  it('names the browser that would print by path, size and time stamp, and changes when it is replaced', async () => {
    const { browserIdentity } = await import('../../../src/browser/find.js');
    const { mkdtemp, writeFile, chmod, rm } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const dir = await mkdtemp(path.join(tmpdir(), 'careerdeck-identity-'));
    const fake = path.join(dir, 'chrome');
    await writeFile(fake, '#!/bin/sh\n');
    await chmod(fake, 0o755);
    const first = await browserIdentity(fake);
    expect(first).toMatch(new RegExp(`^${fake.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}:10:`));
    await writeFile(fake, '#!/bin/sh\n# upgraded\n');
    expect(await browserIdentity(fake)).not.toBe(first);
    expect(await browserIdentity(path.join(dir, 'missing'))).toBe('none');
    await rm(dir, { recursive: true });
  });
});

describe('findBrowser: the desktops', () => {
  const none = async () => [];
  const WINDOWS_ENV = {
    ProgramFiles: 'C:\\Program Files',
    'ProgramFiles(x86)': 'C:\\Program Files (x86)',
    LOCALAPPDATA: 'C:\\Users\\ana\\AppData\\Local',
    Path: 'C:\\Windows\\system32;C:\\Windows',
  };
  const EDGE = 'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe';

  it('finds Edge on a Windows that has nothing else', async () => {
    await expect(
      findBrowser(machine([EDGE], { platform: 'win32', env: WINDOWS_ENV, puppeteerBrowsers: none })),
    ).resolves.toEqual({ executablePath: EDGE, origin: 'system' });
  });

  it('prefers Chrome to Edge on Windows, also when Chrome is installed for the user only', async () => {
    const userChrome = 'C:\\Users\\ana\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe';
    await expect(
      findBrowser(machine([EDGE, userChrome], { platform: 'win32', env: WINDOWS_ENV, puppeteerBrowsers: none })),
    ).resolves.toEqual({ executablePath: userChrome, origin: 'system' });
  });

  it('finds Brave under Program Files, with the variables spelt in any case', async () => {
    const brave = 'D:\\Apps\\BraveSoftware\\Brave-Browser\\Application\\brave.exe';
    await expect(
      findBrowser(machine([brave], { platform: 'win32', env: { PROGRAMFILES: 'D:\\Apps' }, puppeteerBrowsers: none })),
    ).resolves.toEqual({ executablePath: brave, origin: 'system' });
  });

  it('looks in the usual Windows folders when their variables are missing', async () => {
    const chrome = 'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe';
    await expect(
      findBrowser(machine([chrome], { platform: 'win32', env: {}, puppeteerBrowsers: none })),
    ).resolves.toEqual({ executablePath: chrome, origin: 'system' });
  });

  it('searches a Windows Path with ; and .exe names', async () => {
    const portable = 'E:\\portable\\chromium.exe';
    await expect(
      findBrowser(
        machine([portable], { platform: 'win32', env: { Path: 'C:\\Windows;E:\\portable' }, puppeteerBrowsers: none }),
      ),
    ).resolves.toEqual({ executablePath: portable, origin: 'system' });
  });

  it('finds Google Chrome in /Applications on a Mac', async () => {
    const chrome = '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome';
    await expect(
      findBrowser(
        machine([chrome], {
          platform: 'darwin',
          env: { HOME: '/Users/ana', PATH: '/usr/bin:/bin' },
          puppeteerBrowsers: none,
        }),
      ),
    ).resolves.toEqual({ executablePath: chrome, origin: 'system' });
  });

  it('finds Edge and Brave in ~/Applications on a Mac', async () => {
    const edge = '/Users/ana/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge';
    const brave = '/Applications/Brave Browser.app/Contents/MacOS/Brave Browser';
    await expect(
      findBrowser(machine([brave, edge], { platform: 'darwin', env: { HOME: '/Users/ana' }, puppeteerBrowsers: none })),
    ).resolves.toEqual({ executablePath: edge, origin: 'system' });
    await expect(
      findBrowser(machine([brave], { platform: 'darwin', env: { HOME: '/Users/ana' }, puppeteerBrowsers: none })),
    ).resolves.toEqual({ executablePath: brave, origin: 'system' });
  });

  it("finds Chrome for Testing in Puppeteer's cache on a Linux without a system browser", async () => {
    const cft = '/home/ana/.cache/puppeteer/chrome/linux-148.0.7778.97/chrome-linux64/chrome';
    await expect(
      findBrowser(machine([cft], { env: { PATH: '/usr/local/bin:/usr/bin' }, puppeteerBrowsers: async () => [cft] })),
    ).resolves.toEqual({ executablePath: cft, origin: 'puppeteer' });
  });

  it.each([
    ['/usr/bin/microsoft-edge-stable'],
    ['/usr/bin/brave-browser'],
    ['/snap/bin/chromium'],
    ['/usr/bin/google-chrome-stable'],
  ])('finds %s on Linux', async (file) => {
    await expect(findBrowser(machine([file], { puppeteerBrowsers: none }))).resolves.toEqual({
      executablePath: file,
      origin: 'system',
    });
  });

  it.each([
    ['win32', 'Microsoft Edge'],
    ['darwin', '/Applications'],
    ['linux', 'apt-get install chromium'],
  ] as const)('says what to install when %s has no browser at all', async (platform, advice) => {
    const error = await noBrowser(
      machine([], { platform, env: { HOME: '/Users/ana', PATH: '/usr/bin' }, puppeteerBrowsers: none }),
    );
    expect(error.message).toBe(noBrowserHelp(platform));
    expect(error.message).toContain(advice);
    expect(error.message).toContain('npm run setup');
    expect(error.message).toContain('--browser');
  });

  it('locateBrowser answers undefined where findBrowser fails', async () => {
    await expect(locateBrowser(machine([], { platform: 'win32', puppeteerBrowsers: none }))).resolves.toBeUndefined();
  });

  it('describes the choice with its path and where it came from', () => {
    expect(describeBrowser({ executablePath: EDGE, origin: 'system' })).toBe(`${EDGE} (installed on this system)`);
    expect(describeBrowser({ executablePath: '/c', origin: 'puppeteer' })).toContain("Puppeteer's cache");
  });

  it("uses Puppeteer's cache folder, or PUPPETEER_CACHE_DIR", () => {
    expect(puppeteerCacheDir({}, '/home/ana')).toBe(path.join('/home/ana', '.cache', 'puppeteer'));
    expect(puppeteerCacheDir({ PUPPETEER_CACHE_DIR: '/srv/cache' }, '/home/ana')).toBe('/srv/cache');
  });
});
