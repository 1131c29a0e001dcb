import { readdir, readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { CLIENT_PATH, CLIENT_SOURCE, type DevEvent, EVENTS_PATH, type Hello } from './client.js';
import type { EventHub } from '../serve/events.js';
import { contentType } from '../emit/assets.js';
import { resolveUnder } from '../serve/files.js';
import { withLiveReload } from './inject.js';

export interface HandlerOptions {
  /** The output folder: nothing outside it is served. */
  root: string;
  hub: EventHub<DevEvent, Hello>;
  /** The port listened on, for the Host check. */
  port: () => number;
  /** The number of the last build written, stamped on the pages served. */
  build: () => number;
}

const COMMON = { 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' } as const;

/** Serves the output folder, the live-reload client and its event stream. */
export function createHandler(options: HandlerOptions): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    handle(options, req, res).catch((error: unknown) => {
      if (!res.headersSent)
        send(res, 500, 'text/plain; charset=utf-8', `careerdeck dev: ${(error as Error).message}\n`);
      else res.destroy();
    });
  };
}

async function handle(
  { root, hub, port, build }: HandlerOptions,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('Allow', 'GET, HEAD');
    return send(res, 405, 'text/plain; charset=utf-8', 'method not allowed\n');
  }
  // Only pages opened from this machine by our own address: a web page elsewhere that points a
  // name of its own at 127.0.0.1 (DNS rebinding) sends another Host and is refused.
  const host = req.headers.host ?? '';
  if (host !== `127.0.0.1:${port()}` && host !== `localhost:${port()}`)
    return send(res, 403, 'text/plain; charset=utf-8', 'forbidden host\n');

  const urlPath = (req.url ?? '/').split(/[?#]/)[0] ?? '/';
  if (urlPath === EVENTS_PATH) return void hub.open(req, res);
  if (urlPath === CLIENT_PATH)
    return send(res, 200, 'text/javascript; charset=utf-8', req.method === 'HEAD' ? '' : CLIENT_SOURCE);

  const found = await resolveUnder(root, urlPath);
  if (found.kind === 'directory') {
    // A deck's assets are relative to its folder: /deck must become /deck/.
    if (!urlPath.endsWith('/')) {
      res.writeHead(301, { ...COMMON, Location: `${urlPath}/` });
      return void res.end();
    }
    const index = await resolveUnder(root, `${urlPath}index.html`);
    if (index.kind === 'file') return serveFile(req, res, index.file, build());
    if (urlPath === '/')
      return send(res, 200, 'text/html; charset=utf-8', withLiveReload(await listing(root), build()));
  }
  if (found.kind === 'file') return serveFile(req, res, found.file, build());
  // A page not built yet (the content was broken from the start) still gets the client: it
  // shows the problem and turns into the deck on the first good build.
  if (urlPath.endsWith('/') || urlPath.endsWith('.html')) {
    return send(
      res,
      404,
      'text/html; charset=utf-8',
      withLiveReload(
        page('not built yet', '<p>Nothing here yet: this page loads by itself once the build writes it.</p>'),
        build(),
      ),
    );
  }
  send(res, 404, 'text/plain; charset=utf-8', 'not found\n');
}

async function serveFile(req: IncomingMessage, res: ServerResponse, file: string, build: number): Promise<void> {
  const type = contentType(file);
  const bytes = await readFile(file);
  const body = type.startsWith('text/html') ? withLiveReload(bytes.toString('utf8'), build) : bytes;
  send(res, 200, type, req.method === 'HEAD' ? undefined : body, Buffer.byteLength(body));
}

function send(
  res: ServerResponse,
  status: number,
  type: string,
  body: string | Buffer | undefined,
  length?: number,
): void {
  res.writeHead(status, { ...COMMON, 'Content-Type': type, 'Content-Length': length ?? Buffer.byteLength(body ?? '') });
  res.end(body);
}

/** The page at `/`: the decks in the output folder (none yet while the content is broken). */
async function listing(root: string): Promise<string> {
  const entries = await readdir(root, { withFileTypes: true }).catch(() => []);
  const decks: string[] = [];
  for (const entry of entries) {
    if (
      entry.isDirectory() &&
      !entry.name.startsWith('.') &&
      (await resolveUnder(root, `/${encodeURIComponent(entry.name)}/index.html`)).kind === 'file'
    )
      decks.push(entry.name);
  }
  const items = decks.map((d) => `<li><a href="${encodeURIComponent(d)}/">${escapeHtml(d)}</a></li>`).join('\n');
  return page(path.basename(root), decks.length > 0 ? `<ul>\n${items}\n</ul>` : '<p>No deck has been built yet.</p>');
}

/** A page of the dev server's own; `body` is HTML made here, with every name escaped. */
function page(title: string, body: string): string {
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'unsafe-inline'">`,
    `<title>careerdeck dev: ${escapeHtml(title)}</title>`,
    '<style>body{font:18px/1.5 system-ui,sans-serif;margin:48px}</style></head><body>',
    `<h1>careerdeck dev: ${escapeHtml(title)}</h1>`,
    body,
    '</body></html>',
  ].join('\n');
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
