import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Hello } from './client.js';

/** How often an idle stream gets a comment, so that proxies and browsers keep it open. */
const HEARTBEAT_MS = 20_000;

/** The open Server-Sent Events streams of the pages being previewed. */
export class EventHub {
  private readonly clients = new Set<ServerResponse>();
  private readonly heartbeat: NodeJS.Timeout;

  constructor(private readonly hello: () => Hello) {
    this.heartbeat = setInterval(() => this.write(':\n\n'), HEARTBEAT_MS);
    // The heartbeat alone must not keep the process alive.
    this.heartbeat.unref();
  }

  /** How many pages are listening. */
  get size(): number {
    return this.clients.size;
  }

  /** Answers a request for the stream and keeps it open until the page or the hub closes it. */
  open(req: IncomingMessage, res: ServerResponse): void {
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
      'X-Content-Type-Options': 'nosniff',
    });
    // Reconnect soon after a restart of the server.
    res.write('retry: 500\n\n');
    res.write(frame('hello', this.hello()));
    this.clients.add(res);
    req.on('close', () => this.clients.delete(res));
  }

  /** Sends one event to every page; returns how many received it. */
  send(event: 'reload' | 'problem' | 'warnings', data: unknown): number {
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
