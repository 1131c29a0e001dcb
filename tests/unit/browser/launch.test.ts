import { spawn } from 'node:child_process';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { launchChromium } from '../../../src/browser/launch.js';
import { within } from '../../../src/browser/timeout.js';
import { CareerdeckError } from '../../../src/errors.js';

// Puppeteer's launch, as it behaved when Chromium was killed after its pipe opened: never settling.
const launch = vi.hoisted(() => vi.fn());
vi.mock('puppeteer-core', () => ({ launch }));
// No profile folder made for a browser that never starts.
vi.mock('../../../src/browser/profile.js', () => ({ freshProfile: async () => '/nonexistent/profile' }));

/** Waits for Puppeteer's launch to be called: the steps before it (a module import) take real turns of the loop. */
async function untilLaunched(): Promise<void> {
  while (launch.mock.calls.length === 0) await new Promise((resolve) => setImmediate(resolve));
}

afterEach(() => {
  vi.useRealTimers();
  launch.mockReset();
});

describe('within', () => {
  it('settles with the late value once the time is up, and with the work when it comes first', async () => {
    vi.useFakeTimers();
    const never = within(new Promise<string>(() => undefined), 1000, () => 'late');
    await vi.advanceTimersByTimeAsync(1000);
    await expect(never).resolves.toBe('late');
    await expect(within(Promise.resolve('done'), 1000, () => 'late')).resolves.toBe('done');
    // The timer is cleared when the work settles: nothing left to keep the process alive.
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('launchChromium', () => {
  it('gives up on a launch that never settles after the timeout (at least 30 s), with exit status 3', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    launch.mockReturnValue(new Promise(() => undefined));
    const launching = launchChromium('/usr/bin/chromium', 1000, () => undefined).catch((e: unknown) => e);
    await untilLaunched();
    await vi.advanceTimersByTimeAsync(29_999);
    expect(vi.getTimerCount()).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    const error = await launching;
    expect(error).toBeInstanceOf(CareerdeckError);
    expect((error as CareerdeckError).exitCode).toBe(3);
    expect((error as Error).message).toMatch(/could not start the browser at \/usr\/bin\/chromium: .*within 30 s/);
  });

  it('fails at once, exit status 3, when the Chromium it started ends while Puppeteer still waits', async () => {
    // The process Puppeteer would have started, given the profile folder, ending at once.
    launch.mockImplementation(({ userDataDir }: { userDataDir: string }) => {
      spawn(process.execPath, ['-e', 'process.exit(9)', '--', `--user-data-dir=${userDataDir}`]);
      return new Promise(() => undefined);
    });
    const error = await launchChromium('/usr/bin/chromium', 1000, () => undefined).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CareerdeckError);
    expect((error as CareerdeckError).exitCode).toBe(3);
    expect((error as Error).message).toContain('it ended while starting (exit code 9)');
  });

  it('is not failed by another process ending meanwhile', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    let started!: (browser: unknown) => void;
    launch.mockImplementation(() => {
      const other = spawn(process.execPath, ['-e', '']);
      return new Promise((resolve) => other.once('exit', () => setImmediate(() => (started = resolve))));
    });
    const launching = launchChromium('/usr/bin/chromium', 1000, () => undefined);
    while (!started) await new Promise((resolve) => setImmediate(resolve));
    const browser = {};
    started(browser);
    await expect(launching).resolves.toBe(browser);
  });

  it('closes a browser that starts after it was given up on', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    let started!: (browser: unknown) => void;
    launch.mockReturnValue(new Promise((resolve) => (started = resolve)));
    const close = vi.fn(async () => undefined);
    const launching = launchChromium('/usr/bin/chromium', 45_000, () => undefined).catch((e: unknown) => e);
    await untilLaunched();
    await vi.advanceTimersByTimeAsync(44_999);
    expect(vi.getTimerCount()).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(await launching).toBeInstanceOf(CareerdeckError);
    started({ close });
    await vi.advanceTimersByTimeAsync(0);
    expect(close).toHaveBeenCalledTimes(1);
  });
});
