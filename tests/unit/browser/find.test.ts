import { describe, expect, it } from 'vitest';
import { type FinderEnvironment, findBrowser, machineEnvironment, NO_BROWSER_HELP } from '../../../src/browser/find.js';
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
    await expect(findBrowser(machine(all, { explicit: OPTION, env: { PUPPETEER_EXECUTABLE_PATH: ENV } }))).resolves.toEqual({ executablePath: OPTION, origin: 'option' });
  });

  it('uses PUPPETEER_EXECUTABLE_PATH next', async () => {
    await expect(findBrowser(machine(all, { env: { PUPPETEER_EXECUTABLE_PATH: ENV } }))).resolves.toEqual({ executablePath: ENV, origin: 'environment' });
  });

  it("uses puppeteer's downloaded browser before system ones", async () => {
    await expect(findBrowser(machine(all))).resolves.toEqual({ executablePath: CACHED, origin: 'puppeteer' });
  });

  it('skips cached browsers whose executable is gone and takes the first that exists', async () => {
    const newer = '/cache/chrome/linux-2/chrome';
    const older = '/cache/chrome/linux-1/chrome';
    await expect(findBrowser(machine([older, SYSTEM], { puppeteerBrowsers: async () => [newer, older] }))).resolves.toEqual({ executablePath: older, origin: 'puppeteer' });
  });

  it('falls back to a system Chromium', async () => {
    await expect(findBrowser(machine([SYSTEM]))).resolves.toEqual({ executablePath: SYSTEM, origin: 'system' });
  });

  it('takes system paths in their listed order', async () => {
    await expect(findBrowser(machine(['/usr/bin/google-chrome', '/usr/bin/chromium-browser']))).resolves.toEqual({ executablePath: '/usr/bin/chromium-browser', origin: 'system' });
  });

  it('looks at the system paths of the platform it is given', async () => {
    const mac = '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome';
    await expect(findBrowser(machine([mac, SYSTEM], { platform: 'darwin', puppeteerBrowsers: async () => [] }))).resolves.toEqual({ executablePath: mac, origin: 'system' });
  });

  it('ignores an empty PUPPETEER_EXECUTABLE_PATH', async () => {
    await expect(findBrowser(machine([SYSTEM], { env: { PUPPETEER_EXECUTABLE_PATH: '' }, puppeteerBrowsers: async () => [] }))).resolves.toEqual({ executablePath: SYSTEM, origin: 'system' });
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
    expect(error.message).toBe(NO_BROWSER_HELP);
    expect(error.message).toContain('apt-get install -y chromium');
    expect(error.message).toContain('PUPPETEER_EXECUTABLE_PATH=');
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
