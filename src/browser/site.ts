import type { CDPSession, Protocol } from 'puppeteer-core';

/** The origin our in-memory pages are served from; nothing is ever fetched from it. */
export const ORIGIN = 'https://careerdeck.invalid';

/** Files a page may load, by path under ORIGIN ("/index.html"). */
export type Site = ReadonlyMap<string, { body: Uint8Array | string; type: string }>;

/**
 * Answers every request a page makes from its site in memory, or refuses it. This uses the
 * protocol's own interception rather than puppeteer's, which base64-encoded every font and script
 * again for every page in JavaScript (about a tenth of a second of CPU per build).
 *
 * `siteOf()` is the site of the job the page is lent to now, or undefined between jobs;
 * `onRefused` hears of each refused request made during a job.
 */
export async function serveSite(
  cdp: CDPSession,
  siteOf: () => Site | undefined,
  onRefused: (url: string) => void,
): Promise<void> {
  cdp.on(
    'Fetch.requestPaused',
    (event: Protocol.Fetch.RequestPausedEvent) => void answer(cdp, siteOf(), event, onRefused),
  );
  await cdp.send('Fetch.enable', { patterns: [{ urlPattern: '*' }] });
}

async function answer(
  cdp: CDPSession,
  site: Site | undefined,
  { requestId, request }: Protocol.Fetch.RequestPausedEvent,
  onRefused: (url: string) => void,
): Promise<void> {
  // A failure while answering must leave the request refused, never crash the build.
  try {
    const url = new URL(request.url);
    // Pages address files URL-encoded ("team%20photo.png"); the site holds them by name.
    const file = url.origin === ORIGIN ? site?.get(decodedPath(url.pathname)) : undefined;
    if (!file) {
      // A kept page between jobs still has its last document; what that asks for is refused
      // but is no job's request, so it is not counted. Nor is the icon Chromium asks for by
      // itself when it shows a picture as the page (the PowerPoint's pictures are decoded so).
      const ownIcon = url.origin === ORIGIN && url.pathname === '/favicon.ico';
      if (site && !ownIcon) onRefused(request.url);
      await cdp.send('Fetch.failRequest', { requestId, errorReason: 'BlockedByClient' });
      return;
    }
    const headers = [
      { name: 'Content-Type', value: file.type },
      { name: 'Cache-Control', value: cacheControl(url.pathname) },
    ];
    await cdp.send('Fetch.fulfillRequest', {
      requestId,
      responseCode: 200,
      responseHeaders: headers,
      body: base64(file.body),
    });
  } catch {
    await cdp.send('Fetch.failRequest', { requestId, errorReason: 'Failed' }).catch(() => undefined);
  }
}

/**
 * Package files served under a path of their own: the font files (a @fontsource file's own name
 * under assets/fonts/) and reveal.js's files. The same path is the same bytes for as long as the
 * process runs (read from node_modules), so Chromium may keep them from page to page: it then
 * neither receives them again nor decodes the fonts and compiles reveal.js again for each page
 * (about 7% less CPU in a build, docs/performance.md). Everything else (each deck's pages, its
 * pictures, deck.js made from the templates) may differ under the same address from one deck or
 * rebuild to the next: never from a cache.
 */
const PACKAGE_FILES = /^\/assets\/(?:fonts|reveal)\/[^/]+$/;

function cacheControl(pathname: string): string {
  return PACKAGE_FILES.test(pathname) ? 'max-age=86400, immutable' : 'no-store';
}

// Fonts and scripts are the same bytes on every page of a build: encoded once.
const encoded = new WeakMap<Uint8Array, string>();
function base64(body: Uint8Array | string): string {
  if (typeof body === 'string') return Buffer.from(body).toString('base64');
  let text = encoded.get(body);
  if (text === undefined)
    encoded.set(body, (text = Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('base64')));
  return text;
}

function decodedPath(pathname: string): string {
  try {
    return decodeURIComponent(pathname);
  } catch {
    return pathname;
  }
}
