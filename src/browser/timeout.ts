/** Bound on launching the browser and on each wait in a page, unless --timeout or the config say otherwise. */
export const DEFAULT_TIMEOUT_MS = 30_000;

/**
 * Waits for `work` at most `ms`, then settles with `late()` (or its throw) instead. A promise of
 * Puppeteer's that never settles (a browser killed at the wrong moment) would otherwise end the
 * CLI's top-level await with Node's exit 13 and no message: the timer keeps the process alive
 * until then, and is cleared as soon as `work` settles.
 */
export async function within<T, U>(work: Promise<T>, ms: number, late: () => U): Promise<T | U> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([work, new Promise<void>((resolve) => (timer = setTimeout(resolve, ms))).then(late)]);
  } finally {
    clearTimeout(timer);
  }
}
