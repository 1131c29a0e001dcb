import type { Page } from 'puppeteer-core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { closePage } from '../../../src/browser/session.js';

const page = (connected: boolean, close: () => Promise<void>) =>
  ({ browser: () => ({ connected }), close }) as unknown as Page;

afterEach(() => vi.useRealTimers());

describe('closePage', () => {
  it('settles even when the browser never reports the page closed (a browser killed mid-close)', async () => {
    vi.useFakeTimers();
    let settled = false;
    const closing = closePage(page(true, () => new Promise<void>(() => undefined))).then(() => (settled = true));
    await vi.advanceTimersByTimeAsync(4999);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await closing;
    expect(settled).toBe(true);
  });

  it('does not call a disconnected browser, and swallows a failed close', async () => {
    const close = vi.fn(() => Promise.reject(new Error('Connection closed')));
    await closePage(page(false, close));
    expect(close).not.toHaveBeenCalled();
    await expect(closePage(page(true, close))).resolves.toBeUndefined();
    expect(close).toHaveBeenCalledTimes(1);
  });
});
