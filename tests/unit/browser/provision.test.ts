import { describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FoundBrowser } from '../../../src/browser/find.js';
import {
  acquireBrowser,
  downloadChromeForTesting,
  downloadProgressText,
  pinnedChromeBuild,
  planBrowserSetup,
  type SetupActions,
  type SetupFacts,
} from '../../../src/browser/provision.js';

const DEBIAN_ROOT: SetupFacts = {
  platform: 'linux',
  arch: 'x64',
  uid: 0,
  apt: true,
  found: undefined,
  downloadPlatform: 'linux64',
  env: {},
};
const kinds = (facts: Partial<SetupFacts>) => planBrowserSetup({ ...DEBIAN_ROOT, ...facts }).map((s) => s.kind);

describe('planBrowserSetup', () => {
  it('uses the browser the finder found, and installs nothing', () => {
    const browser = { executablePath: '/usr/bin/chromium', origin: 'system' as const };
    expect(planBrowserSetup({ ...DEBIAN_ROOT, found: browser })).toEqual([{ kind: 'use', browser }]);
    expect(
      kinds({
        platform: 'win32',
        uid: undefined,
        apt: false,
        found: { executablePath: 'C:\\Edge\\msedge.exe', origin: 'system' },
      }),
    ).toEqual(['use']);
  });

  it("installs Debian's chromium as root on Debian, then downloads if that fails, then advises", () => {
    const steps = planBrowserSetup(DEBIAN_ROOT);
    expect(steps.map((s) => s.kind)).toEqual(['apt', 'download', 'advise']);
    expect(steps[2]).toEqual({
      kind: 'advise',
      reason:
        "Debian's chromium could not be installed; Chrome for Testing could not be downloaded (no network, or a firewall blocks it)",
    });
    expect(steps[0]).toEqual({
      kind: 'apt',
      commands: [
        ['apt-get', 'update', '-qq'],
        ['apt-get', 'install', '-y', '-qq', 'chromium'],
      ],
    });
  });

  it('downloads Chrome for Testing on a Debian without root, on another Linux, on Windows and on a Mac', () => {
    expect(kinds({ uid: 1000 })).toEqual(['download', 'advise']);
    expect(kinds({ apt: false })).toEqual(['download', 'advise']);
    expect(kinds({ platform: 'win32', uid: undefined, apt: false, downloadPlatform: 'win64' })).toEqual([
      'download',
      'advise',
    ]);
    expect(kinds({ platform: 'darwin', uid: 501, apt: false, downloadPlatform: 'mac_arm' })).toEqual([
      'download',
      'advise',
    ]);
  });

  it('never runs apt-get off Linux, even where one is on PATH as root', () => {
    expect(kinds({ platform: 'darwin', apt: true, uid: 0, downloadPlatform: 'mac' })).toEqual(['download', 'advise']);
  });

  it('advises at once where Chrome for Testing is not made (Linux on ARM), saying so', () => {
    const steps = planBrowserSetup({ ...DEBIAN_ROOT, uid: 1000, arch: 'arm64', downloadPlatform: undefined });
    expect(steps).toEqual([
      { kind: 'advise', reason: 'apt-get needs root; Chrome for Testing is not made for this system (linux on arm64)' },
    ]);
  });

  it("does not download @puppeteer/browsers' linux_arm, which is the x64 build", () => {
    expect(planBrowserSetup({ ...DEBIAN_ROOT, apt: false, arch: 'arm64', downloadPlatform: 'linux_arm' })).toEqual([
      { kind: 'advise', reason: 'Chrome for Testing is not made for this system (linux on arm64)' },
    ]);
  });

  it('still tries apt-get as root on Linux on ARM, and says both failed', () => {
    const steps = planBrowserSetup({ ...DEBIAN_ROOT, arch: 'arm64', downloadPlatform: 'linux_arm' });
    expect(steps.map((s) => s.kind)).toEqual(['apt', 'advise']);
    expect(steps.at(-1)).toEqual({
      kind: 'advise',
      reason:
        "Debian's chromium could not be installed; Chrome for Testing is not made for this system (linux on arm64)",
    });
  });

  it('downloads nothing when PUPPETEER_SKIP_DOWNLOAD is set, as Puppeteer would not', () => {
    expect(planBrowserSetup({ ...DEBIAN_ROOT, apt: false, env: { PUPPETEER_SKIP_DOWNLOAD: 'true' } })).toEqual([
      { kind: 'advise', reason: 'PUPPETEER_SKIP_DOWNLOAD is set, so Chrome for Testing is not downloaded' },
    ]);
    expect(kinds({ apt: false, env: { PUPPETEER_SKIP_DOWNLOAD: 'false' } })).toEqual(['download', 'advise']);
    expect(kinds({ apt: false, env: { PUPPETEER_SKIP_DOWNLOAD: '0' } })).toEqual(['download', 'advise']);
  });

  it('always ends with advice when nothing was found', () => {
    for (const platform of ['linux', 'darwin', 'win32', 'freebsd'] as const) {
      expect(planBrowserSetup({ ...DEBIAN_ROOT, platform }).at(-1)?.kind).toBe('advise');
    }
  });
});

describe('the download', () => {
  it('prints progress in MB, with the total when it is known', () => {
    expect(downloadProgressText('148.0.1', 40 * 1024 * 1024, 170 * 1024 * 1024)).toBe(
      'downloading Chrome for Testing 148.0.1: 40 of 170 MB',
    );
    expect(downloadProgressText('148.0.1', 5 * 1024 * 1024, 0)).toBe('downloading Chrome for Testing 148.0.1: 5 MB');
  });

  it('fetches the Chrome for Testing build puppeteer-core is made for', async () => {
    expect(await pinnedChromeBuild()).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
  });
});

describe('acquireBrowser', () => {
  const CHROMIUM: FoundBrowser = { executablePath: '/usr/bin/chromium', origin: 'system' };
  const CFT: FoundBrowser = { executablePath: '/root/.cache/puppeteer/chrome/linux-1/chrome', origin: 'puppeteer' };

  /** Actions that record what was done; `installs` says what each attempt leaves for the finder. */
  function fake(outcomes: { apt?: boolean; download?: boolean }) {
    const done: string[] = [];
    let installed: FoundBrowser | undefined;
    const act: SetupActions = {
      say: (line) => done.push(`say ${line}`),
      run: (command) => {
        done.push(command.join(' '));
        if (command.includes('install') && outcomes.apt) installed = CHROMIUM;
        return command.includes('update') || outcomes.apt === true;
      },
      download: async () => {
        done.push('download');
        if (!outcomes.download) throw new Error('All providers failed:\n  - DefaultProvider: getaddrinfo ENOTFOUND');
        installed = CFT;
      },
      find: async () => installed,
    };
    return { act, done };
  }

  it('uses what was found without doing anything', async () => {
    const { act, done } = fake({});
    await expect(acquireBrowser([{ kind: 'use', browser: CHROMIUM }], act)).resolves.toEqual({ browser: CHROMIUM });
    expect(done).toEqual([]);
  });

  it("installs Debian's chromium and stops there when it works", async () => {
    const { act, done } = fake({ apt: true });
    await expect(acquireBrowser(planBrowserSetup(DEBIAN_ROOT), act)).resolves.toEqual({ browser: CHROMIUM });
    expect(done).toEqual([
      "say no browser found; installing Debian's chromium package",
      'apt-get update -qq',
      'apt-get install -y -qq chromium',
    ]);
  });

  it('downloads Chrome for Testing when apt-get fails (no chromium package, as on Ubuntu)', async () => {
    const { act, done } = fake({ apt: false, download: true });
    await expect(acquireBrowser(planBrowserSetup(DEBIAN_ROOT), act)).resolves.toEqual({ browser: CFT });
    expect(done).toContain('say apt-get install -y -qq chromium failed');
    expect(done.at(-1)).toBe('download');
  });

  it('gives the reason for the advice when the download fails too, with the error on one line', async () => {
    const { act, done } = fake({ apt: false, download: false });
    await expect(
      acquireBrowser(planBrowserSetup({ ...DEBIAN_ROOT, platform: 'darwin', apt: false }), act),
    ).resolves.toEqual({ reason: 'Chrome for Testing could not be downloaded (no network, or a firewall blocks it)' });
    expect(done).toEqual([
      'download',
      'say the download failed: All providers failed: - DefaultProvider: getaddrinfo ENOTFOUND',
    ]);
  });
});

describe('downloadChromeForTesting', () => {
  it('rejects when the download cannot be made (here: nothing listens at the mirror), leaving no browser', async () => {
    const cacheDir = await mkdtemp(path.join(tmpdir(), 'careerdeck-cft-'));
    try {
      await expect(
        downloadChromeForTesting(cacheDir, await pinnedChromeBuild(), () => undefined, 'http://127.0.0.1:9'),
      ).rejects.toThrow();
      const { getInstalledBrowsers } = await import('@puppeteer/browsers');
      expect(await getInstalledBrowsers({ cacheDir })).toEqual([]);
    } finally {
      await rm(cacheDir, { recursive: true, force: true });
    }
  });
});

describe('downloadChromeForTesting from a mirror, then the finder', () => {
  // The archive layout is Linux x64's; elsewhere @puppeteer/browsers would ask for another file.
  it.runIf(process.platform === 'linux' && process.arch === 'x64')(
    "unpacks Chrome for Testing into the cache, where the build's finder then finds it",
    async () => {
      const { createServer } = await import('node:http');
      const { storedZip } = await import('../../support/zip.js');
      const { locateBrowser, machineEnvironment } = await import('../../../src/browser/find.js');
      const buildId = await pinnedChromeBuild();
      const zip = storedZip([{ name: 'chrome-linux64/chrome', data: Buffer.from('#!/bin/sh\n'), mode: 0o755 }]);
      const asked: string[] = [];
      const server = createServer((req, res) => {
        asked.push(req.url ?? '');
        if (req.url !== `/mirror/${buildId}/linux64/chrome-linux64.zip`) return void res.writeHead(404).end();
        res.writeHead(200, { 'Content-Length': zip.length }).end(zip);
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const port = (server.address() as { port: number }).port;
      const cacheDir = await mkdtemp(path.join(tmpdir(), 'careerdeck-cft-'));
      const saved = process.env.PUPPETEER_CACHE_DIR;
      try {
        const progress: number[] = [];
        const executable = await downloadChromeForTesting(
          cacheDir,
          buildId,
          (done) => progress.push(done),
          `http://127.0.0.1:${port}/mirror`,
        );
        expect(asked).toEqual([`/mirror/${buildId}/linux64/chrome-linux64.zip`]);
        expect(executable).toBe(path.join(cacheDir, 'chrome', `linux-${buildId}`, 'chrome-linux64', 'chrome'));
        expect(progress.at(-1)).toBe(zip.length);
        process.env.PUPPETEER_CACHE_DIR = cacheDir;
        const where = { ...machineEnvironment(), exists: (file: string) => file.startsWith(cacheDir) };
        await expect(locateBrowser(where)).resolves.toEqual({ executablePath: executable, origin: 'puppeteer' });
        // Already there: a second run downloads nothing.
        await downloadChromeForTesting(cacheDir, buildId, () => undefined, `http://127.0.0.1:${port}/mirror`);
        expect(asked).toHaveLength(1);
      } finally {
        if (saved === undefined) delete process.env.PUPPETEER_CACHE_DIR;
        else process.env.PUPPETEER_CACHE_DIR = saved;
        server.close();
        await rm(cacheDir, { recursive: true, force: true });
      }
    },
  );
});
