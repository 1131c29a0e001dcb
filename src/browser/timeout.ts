/** Bound on launching the browser and on each wait in a page, unless --timeout or the config say otherwise. */
export const DEFAULT_TIMEOUT_MS = 30_000;
