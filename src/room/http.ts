import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { basename } from 'node:path';
import { contentType } from '../emit/assets.js';
import { outputOfFile } from '../emit/names.js';
import { OUTPUTS } from '../model/outputs.js';
import { resolveUnder } from '../serve/files.js';
import { devPolicy } from '../serve/policy.js';
import { deckToken, DeviceIds, keyMatches } from './key.js';
import { HttpRefusal, LIMITS, RateLimiter, readFields } from './limits.js';
import { audiencePage, lockedDeckPage, messagePage, remotePage, roomFullPage, slideArticle } from './pages.js';
import type { RoomCore } from './core.js';
import { scriptTextBlock } from './text.js';
import { type PageTiming, pageTimingBlock } from './timing.js';

/** The policy of the room's own pages: scripts and styles from this server only, no inline script. */
export const ROOM_POLICY =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

const COMMON = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Resource-Policy': 'same-origin',
} as const;

const DEVICE_COOKIE = 'careerdeck_device';
/** The presenter's pass to the deck (`/deck/` only): a token derived from the key, not the key. */
const DECK_COOKIE = 'careerdeck_deck';

/** Routes a request to the room; a refusal is a 4xx with a sentence, never a stop of the show. */
export function createRoomHandler(core: RoomCore): (req: IncomingMessage, res: ServerResponse) => void {
  const devices = new DeviceIds(core.key);
  const limits = {
    votes: new RateLimiter(LIMITS.votes.count, LIMITS.votes.windowMs),
    questions: new RateLimiter(LIMITS.questions.count, LIMITS.questions.windowMs),
    upvotes: new RateLimiter(LIMITS.votes.count, LIMITS.votes.windowMs),
  };
  const pruning = setInterval(() => Object.values(limits).forEach((l) => l.prune()), 60_000);
  pruning.unref();
  return (req, res) => {
    handle(core, devices, limits, req, res).catch((error: unknown) => {
      if (error instanceof HttpRefusal) return refuse(core, req, res, error.status, error.message);
      if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', 'the room server could not answer\n');
      else res.destroy();
    });
  };
}

async function handle(
  core: RoomCore,
  devices: DeviceIds,
  limits: Record<'votes' | 'questions' | 'upvotes', RateLimiter>,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  // Only the addresses this server prints: a page elsewhere that points a name of its own at this
  // machine (DNS rebinding) sends another Host and is refused.
  if (!core.hosts.has((req.headers.host ?? '').toLowerCase())) throw new HttpRefusal(421, 'unknown host');
  const url = req.url ?? '/';
  if (url.length > 2048) throw new HttpRefusal(414, 'address too long');
  const path = url.split(/[?#]/)[0] ?? '/';
  const method = req.method ?? 'GET';

  if (method === 'POST') {
    // A form or script of another site may not vote or ask in a visitor's name.
    const origin = req.headers.origin;
    if (origin !== undefined && origin !== 'null' && !core.hosts.has(origin.replace(/^https?:\/\//, '').toLowerCase()))
      throw new HttpRefusal(403, 'requests from other sites are refused');
    if (path.startsWith('/api/')) return presenterPost(core, path, req, res);
    const device = devices.check(cookie(req, DEVICE_COOKIE));
    if (!device) throw new HttpRefusal(400, 'open the talk page first (it gives this device its id)');
    const fields = await readFields(req);
    const limit = path === '/vote' ? limits.votes : path === '/ask' ? limits.questions : limits.upvotes;
    if (!['/vote', '/ask', '/upvote'].includes(path)) throw new HttpRefusal(404, 'not found');
    const { labels } = core.deck.text;
    if (!limit.allow(device)) {
      res.setHeader('Retry-After', String(limit.retryAfter(device)));
      throw new HttpRefusal(
        429,
        path === '/ask'
          ? core.deck.text.fill(labels.roomTooManyQuestions, { seconds: LIMITS.questions.windowMs / 1000 })
          : labels.roomTooMany,
      );
    }
    const outcome =
      path === '/vote'
        ? await core.commit(core.room.vote(device, fields.poll, fields.option))
        : path === '/ask'
          ? await core.commit(core.room.ask(device, fields.text))
          : await core.commit(core.room.upvote(device, fields.id));
    // A vote after the presenter closed the poll is the one refusal an attendee meets in a talk.
    if ('refused' in outcome)
      throw new HttpRefusal(outcome.status, outcome.status === 409 ? labels.roomPollClosed : outcome.refused);
    if (wantsJson(req)) return json(res, 200, { ok: true });
    res.writeHead(303, { ...COMMON, Location: '/', 'Cache-Control': 'no-store', 'Content-Length': 0 });
    return void res.end();
  }
  if (method !== 'GET' && method !== 'HEAD') {
    res.setHeader('Allow', 'GET, HEAD, POST');
    throw new HttpRefusal(405, 'method not allowed');
  }

  if (path === '/' || path === '/events') {
    let device = devices.check(cookie(req, DEVICE_COOKIE));
    if (!device) {
      const issued = devices.issue();
      device = issued.split('.')[0]!;
      res.setHeader('Set-Cookie', `${DEVICE_COOKIE}=${issued}; Path=/; HttpOnly; SameSite=Strict; Max-Age=86400`);
    }
    if (core.audience.full) {
      return send(res, 503, 'text/html; charset=utf-8', roomFullPage(core.deck, core.maxAudience), {
        'Content-Security-Policy': ROOM_POLICY,
        'Retry-After': '60',
      });
    }
    if (path === '/events') {
      core.audience.open(req, res, { ...COMMON });
      core.greet(res, device);
      return;
    }
    return send(res, 200, 'text/html; charset=utf-8', audiencePage(core.audienceView(device)), {
      'Content-Security-Policy': ROOM_POLICY,
      'Cache-Control': 'no-store',
    });
  }
  const slideMatch = /^\/slides\/(\d{1,4})$/.exec(path);
  if (slideMatch) {
    const index = Number(slideMatch[1]);
    const slide = core.room.slides[index];
    // Attendees page back, never ahead of the presenter.
    if (!slide || index > core.room.furthest) throw new HttpRefusal(404, 'not shown yet');
    const device = devices.check(cookie(req, DEVICE_COOKIE)) ?? '';
    const results = slide.poll ? core.room.results(slide.poll.id) : undefined;
    return json(res, 200, {
      index,
      title: slide.title,
      html: slideArticle(
        core.deck.text,
        slide,
        results,
        slide.poll ? core.room.choice(slide.poll.id, device) : undefined,
      ),
    });
  }
  if (path === '/remote') {
    return send(res, 200, 'text/html; charset=utf-8', remotePage(core.deck), {
      'Content-Security-Policy': ROOM_POLICY,
      'Cache-Control': 'no-store',
    });
  }
  if (path === '/api/remote.svg') {
    if (!keyMatches(req.headers['x-room-key'], core.key)) throw new HttpRefusal(403, 'wrong or missing key');
    return send(res, 200, 'image/svg+xml', core.remoteQr(), { 'Cache-Control': 'no-store' });
  }
  if (path === '/api/notes') {
    // The speaker notes the served deck leaves out (withoutNotes), for the presenter's page only.
    if (!keyMatches(req.headers['x-room-key'], core.key)) throw new HttpRefusal(403, 'wrong or missing key');
    const { notes } = withoutNotes(await readFile(`${core.outDir}/index.html`, 'utf8'));
    return send(res, 200, 'application/json; charset=utf-8', JSON.stringify({ notes }), {
      'Cache-Control': 'no-store',
    });
  }
  if (path === '/api/events') {
    if (!keyMatches(req.headers['x-room-key'], core.key)) throw new HttpRefusal(403, 'wrong or missing key');
    core.presenters.open(req, res, { ...COMMON });
    return;
  }
  if (path.startsWith('/room/')) {
    const asset = core.asset(path.slice('/room/'.length));
    if (!asset) throw new HttpRefusal(404, 'not found');
    return send(res, 200, asset.type, req.method === 'HEAD' ? '' : asset.body, { 'Cache-Control': 'no-cache' });
  }
  if (path === '/deck') {
    res.writeHead(301, { ...COMMON, Location: '/deck/' });
    return void res.end();
  }
  if (path.startsWith('/deck/')) return serveDeck(core, req, res, path.slice('/deck'.length));
  throw new HttpRefusal(404, 'not found');
}

/** The presenter's deck and its files: the output folder only, no listing, the notes PDF kept back (the table of outputs' `room.never`). */
async function serveDeck(core: RoomCore, req: IncomingMessage, res: ServerResponse, rest: string): Promise<void> {
  const found = await resolveUnder(core.outDir, rest === '/' ? '/index.html' : rest);
  if (found.kind !== 'file' || withheld(core.slug, basename(found.file))) throw new HttpRefusal(404, 'not found');
  // Anyone on the room's network may ask: the deck itself only goes to the presenter (its cookie),
  // or an attendee could page ahead of the talk.
  if (!core.forAttendees(found.file) && !keyMatches(cookie(req, DECK_COOKIE), deckToken(core.key))) {
    if (!wantsHtml(req)) throw new HttpRefusal(403, "the presenter's deck: open it with the presenter's address");
    return send(res, 403, 'text/html; charset=utf-8', lockedDeckPage(core.deck), {
      'Content-Security-Policy': ROOM_POLICY,
      'Cache-Control': 'no-store',
    });
  }
  const type = contentType(found.file);
  let body: string | Buffer = await readFile(found.file);
  // Anyone on the room's network can ask for the deck: its notes go only to the key (/api/notes).
  if (type.startsWith('text/html'))
    body = withPresenterClient(
      withoutNotes(body.toString('utf8')).html,
      core.deck.text.presenterScript(),
      core.pageTiming,
    );
  send(
    res,
    200,
    type,
    req.method === 'HEAD' ? undefined : body,
    { 'Cache-Control': 'no-cache' },
    Buffer.byteLength(body),
  );
}

const CSP_META = /(<meta\s+http-equiv="Content-Security-Policy"\s+content=")([^"]*)(")/gi;

/** The built deck as the room serves it: allowed to reach this server, and given the presenter's script. */
export function withPresenterClient(html: string, words: Record<string, string>, timing: PageTiming): string {
  const page = html.replace(
    CSP_META,
    (_, open: string, policy: string, close: string) => open + devPolicy(policy) + close,
  );
  // The stream script goes first: it takes the key from the address before reveal.js rewrites it.
  const head = page.indexOf('</head>');
  const early = head === -1 ? page : `${page.slice(0, head)}<script src="/room/stream.js"></script>${page.slice(head)}`;
  const tags = `<link rel="stylesheet" href="/room/presenter.css">${scriptTextBlock(words)}${pageTimingBlock(timing)}<script src="/room/panels.js"></script><script src="/room/presenter.js"></script>`;
  const end = early.lastIndexOf('</body>');
  return end === -1 ? early + tags : early.slice(0, end) + tags + early.slice(end);
}

async function presenterPost(core: RoomCore, path: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (!keyMatches(req.headers['x-room-key'], core.key)) throw new HttpRefusal(403, 'wrong or missing key');
  if (path === '/api/deck') {
    // The presenter's page trades the key (from its address) for the deck's cookie: for this
    // browser's session, sent to /deck/ only, never to a script, never from another site.
    res.setHeader('Set-Cookie', `${DECK_COOKIE}=${deckToken(core.key)}; Path=/deck; HttpOnly; SameSite=Strict`);
    return json(res, 200, { ok: true });
  }
  const fields = await readFields(req);
  const outcome = await core.command(path, fields);
  if ('refused' in outcome) throw new HttpRefusal(outcome.status, outcome.refused);
  json(res, 200, 'move' in outcome ? { ok: true, move: outcome.move } : { ok: true });
}

function refuse(core: RoomCore, req: IncomingMessage, res: ServerResponse, status: number, message: string): void {
  if (res.headersSent) return void res.destroy();
  // The rest of a refused body is not read: the connection closes after the answer.
  res.setHeader('Connection', 'close');
  if (wantsJson(req) || (req.url ?? '').startsWith('/api/') || req.method !== 'POST')
    return wantsHtml(req)
      ? send(res, status, 'text/html; charset=utf-8', messagePage(core.deck, `${status}`, message), {
          'Content-Security-Policy': ROOM_POLICY,
        })
      : json(res, status, { error: message });
  send(res, status, 'text/html; charset=utf-8', messagePage(core.deck, core.deck.text.labels.roomNotSent, message), {
    'Content-Security-Policy': ROOM_POLICY,
  });
}

function wantsJson(req: IncomingMessage): boolean {
  return (
    (req.headers['content-type'] ?? '').startsWith('application/json') ||
    (req.headers.accept ?? '').startsWith('application/json')
  );
}

function wantsHtml(req: IncomingMessage): boolean {
  return req.method === 'GET' && (req.headers.accept ?? '').includes('text/html');
}

function cookie(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return v.join('=');
  }
  return undefined;
}

function json(res: ServerResponse, status: number, value: unknown): void {
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(value), { 'Cache-Control': 'no-store' });
}

function send(
  res: ServerResponse,
  status: number,
  type: string,
  body: string | Buffer | undefined,
  headers: Record<string, string> = {},
  length?: number,
): void {
  res.writeHead(status, {
    ...COMMON,
    'Content-Type': type,
    'Content-Length': length ?? Buffer.byteLength(body ?? ''),
    ...headers,
  });
  res.end(body);
}

/**
 * The deck's speaker notes taken out of its HTML, each `<aside class="notes">` left empty and
 * numbered for the presenter's script to fill; the notes in that order. The asides are the deck
 * template's own: content cannot write one (the sanitizer escapes an `<aside>` in Markdown).
 */
export function withoutNotes(html: string): { html: string; notes: string[] } {
  const notes: string[] = [];
  const stripped = html.replace(/<aside class="notes">([\s\S]*?)<\/aside>/g, (_, inner: string) => {
    notes.push(inner);
    return `<aside class="notes" data-room-notes="${notes.length - 1}"></aside>`;
  });
  return { html: stripped, notes };
}

/**
 * An output the room never serves, whatever its address (compared as a case-blind disk would),
 * and the page it was printed from (`--keep-html` writes `<deck>-notes.html` beside the PDF).
 */
function withheld(slug: string, file: string): boolean {
  const name = file.toLowerCase();
  return [name, name.replace(/\.html$/, '.pdf')].some((candidate) => {
    const output = outputOfFile(slug.toLowerCase(), candidate);
    const room = output && OUTPUTS[output.kind].room;
    return room !== undefined && 'never' in room;
  });
}
