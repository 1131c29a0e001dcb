import type { IncomingMessage, ServerResponse } from 'node:http';

/** How often an idle stream gets a comment, so that proxies and browsers keep it open. */
const HEARTBEAT_MS = 20_000;

export interface EventHubOptions {
  /** Streams kept open at most; `open` refuses the next one (returns false). Default: no bound. */
  max?: number;
  /** How soon a browser's EventSource tries again after the stream ends, in ms. Default 500. */
  retryMs?: number;
}

/**
 * Open Server-Sent Events streams (the dev server's pages, the room's phones): a heartbeat,
 * clients in a Set, closed with the server. `hello` is the first event of every stream, so a page
 * that (re)connects catches up at once.
 */
export class EventHub<Event extends string = string, Hello = unknown> {
  private readonly clients = new Set<ServerResponse>();
  private readonly heartbeat: NodeJS.Timeout;

  constructor(
    private readonly hello: () => Hello,
    private readonly options: EventHubOptions = {},
  ) {
    this.heartbeat = setInterval(() => this.write(':\n\n'), HEARTBEAT_MS);
    // The heartbeat alone must not keep the process alive.
    this.heartbeat.unref();
  }

  /** How many pages are listening. */
  get size(): number {
    return this.clients.size;
  }

  /** Whether another stream would be over `max`. */
  get full(): boolean {
    return this.options.max !== undefined && this.clients.size >= this.options.max;
  }

  /**
   * Answers a request for the stream and keeps it open until the page or the hub closes it;
   * false (nothing written) when the hub is full.
   */
  open(req: IncomingMessage, res: ServerResponse, headers: Record<string, string> = {}): boolean {
    if (this.full) return false;
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
      'X-Content-Type-Options': 'nosniff',
      ...headers,
    });
    // Reconnect soon after a restart of the server or a dropped network.
    res.write(`retry: ${this.options.retryMs ?? 500}\n\n`);
    res.write(frame('hello', this.hello()));
    this.clients.add(res);
    // A stream is long-lived by design: the server's idle timeouts must not cut it.
    req.socket.setTimeout(0);
    req.on('close', () => this.clients.delete(res));
    return true;
  }

  /** Sends one event to every page; returns how many received it. */
  send(event: Event, data: unknown): number {
    return this.write(frame(event, data));
  }

  /** Ends every stream (the pages' EventSource would reconnect to a server still running). */
  close(): void {
    clearInterval(this.heartbeat);
    for (const res of this.clients) res.end();
    this.clients.clear();
  }

  private write(chunk: string): number {
    for (const res of this.clients) res.write(chunk);
    return this.clients.size;
  }
}

function frame(event: string, data: unknown): string {
  // JSON has no raw newlines, so one `data:` line carries it whole.
  return `event: ${event}\ndata: ${JSON.stringify(data ?? null)}\n\n`;
}
