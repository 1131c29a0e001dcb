import type { IncomingMessage } from 'node:http';

/** The bounds on what attendees may send (issue 22); the server reads them from here only. */
export const LIMITS = {
  /** Bytes in a request body. */
  bodyBytes: 4096,
  questions: { count: 1, windowMs: 10_000 },
  votes: { count: 5, windowMs: 10_000 },
  /** Open audience streams; the next attendee gets the "room full" page. */
  audience: 500,
  /** A request's headers must arrive within this, and the whole request within requestMs. */
  headersMs: 10_000,
  requestMs: 15_000,
  /** A connection with nothing to do is closed after this (event streams excepted). */
  idleMs: 30_000,
} as const;

/**
 * At most `count` actions per `windowMs` for each key (a device), over a sliding window. Keys
 * whose window has passed are forgotten as they are met again and on `prune`, so a flood of
 * devices cannot grow the map without bound for long.
 */
export class RateLimiter {
  private readonly seen = new Map<string, number[]>();

  constructor(
    private readonly count: number,
    private readonly windowMs: number,
  ) {}

  /** Counts the action and says whether it is allowed; a refused action is not counted. */
  allow(key: string, now = Date.now()): boolean {
    const recent = (this.seen.get(key) ?? []).filter((t) => now - t < this.windowMs);
    if (recent.length >= this.count) {
      this.seen.set(key, recent);
      return false;
    }
    recent.push(now);
    this.seen.set(key, recent);
    return true;
  }

  /** Seconds until `key` may act again (0 when it may now). */
  retryAfter(key: string, now = Date.now()): number {
    const recent = (this.seen.get(key) ?? []).filter((t) => now - t < this.windowMs);
    if (recent.length < this.count) return 0;
    return Math.ceil((recent[0]! + this.windowMs - now) / 1000);
  }

  prune(now = Date.now()): void {
    for (const [key, times] of this.seen) if (times.every((t) => now - t >= this.windowMs)) this.seen.delete(key);
  }

  get size(): number {
    return this.seen.size;
  }
}

/** A request the server refuses, with the status and the sentence the sender reads. */
export class HttpRefusal extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The fields of a small POST body: JSON (`application/json`) from the pages' scripts, or a form
 * (`application/x-www-form-urlencoded`) from the same pages without JavaScript. Bodies over
 * `max` bytes are refused as soon as that is known (413), before they are read whole.
 */
export async function readFields(
  req: IncomingMessage,
  max: number = LIMITS.bodyBytes,
): Promise<Record<string, unknown>> {
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/json' && type !== 'application/x-www-form-urlencoded')
    throw new HttpRefusal(415, 'send JSON or a form');
  const declared = Number(req.headers['content-length'] ?? NaN);
  if (declared > max) throw new HttpRefusal(413, `a request body has at most ${max} bytes`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > max) throw new HttpRefusal(413, `a request body has at most ${max} bytes`);
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (type === 'application/x-www-form-urlencoded') return Object.fromEntries(new URLSearchParams(text));
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new HttpRefusal(400, 'the body is not JSON');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new HttpRefusal(400, 'the body is not a JSON object');
  return value as Record<string, unknown>;
}
