import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Worker } from 'node:worker_threads';
import { type PdfMetadata, withMetadata } from './pdf-meta.js';

export interface PostRequest {
  id: number;
  pdf: Uint8Array;
  meta: PdfMetadata;
}
export type PostReply = { id: number; bytes: Uint8Array; pages: number } | { id: number; error: string };

type Finished = { bytes: Uint8Array; pages: number };

/**
 * The post-pass of every printed PDF (pdf-meta.ts: metadata, bookmarks, PDF/UA) on a worker
 * thread. It is 30-120 ms of CPU per PDF when warm, several hundred under load and cold, and on
 * the main thread it held up what the main thread does while Chromium prints: answering every
 * page's requests from memory (browser/site.ts), reading the next PDF, fitting the next deck.
 * The worker gets a copy of the PDF and hands the result back; the function is the same, so the
 * bytes are the same. Run from the sources (the tests, through vitest, where there is no
 * compiled worker file) the pass runs in place.
 */
export class PostPass {
  private worker: Promise<Worker> | undefined;
  private current: Worker | undefined;
  private next = 0;
  private readonly pending = new Map<number, { resolve: (r: Finished) => void; reject: (e: Error) => void }>();
  private readonly file = fileURLToPath(new URL('./pdf-post-worker.js', import.meta.url));
  /** Whether PDFs are finished on the worker (false when run from the sources). */
  readonly threaded = !import.meta.url.endsWith('.ts') && existsSync(this.file);

  /** Starts the worker (and its modules loading) before the first PDF is printed. */
  warmUp(): void {
    if (this.threaded) (this.worker ??= this.start()).catch(() => undefined);
  }

  /** The PDF as careerdeck writes it, and its page count. */
  async finish(pdf: Uint8Array, meta: PdfMetadata): Promise<Finished> {
    if (!this.threaded) return withMetadata(pdf, meta);
    const worker = await (this.worker ??= this.start());
    const id = this.next++;
    const done = new Promise<Finished>((resolve, reject) => this.pending.set(id, { resolve, reject }));
    // Only busy while a PDF is in it: an idle worker never keeps the process alive.
    worker.ref();
    worker.postMessage({ id, pdf, meta } satisfies PostRequest);
    return done;
  }

  /** Ends the worker; a later `finish` starts another. */
  async close(): Promise<void> {
    const worker = this.current;
    [this.worker, this.current] = [undefined, undefined];
    await worker?.terminate();
  }

  private async start(): Promise<Worker> {
    const { Worker } = await import('node:worker_threads');
    const worker = new Worker(this.file);
    this.current = worker;
    worker.on('message', (reply: PostReply) => {
      const waiter = this.pending.get(reply.id);
      this.pending.delete(reply.id);
      if (this.pending.size === 0) worker.unref();
      if ('error' in reply) waiter?.reject(new Error(reply.error));
      else waiter?.resolve({ bytes: reply.bytes, pages: reply.pages });
    });
    // A worker that dies fails what it held; the next PDF starts a new one.
    const fail = (error: Error) => {
      if (this.current === worker) [this.worker, this.current] = [undefined, undefined];
      for (const waiter of this.pending.values()) waiter.reject(error);
      this.pending.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`the PDF post-pass worker stopped (exit ${code})`)));
    // After the listeners: adding a 'message' listener refs the worker again (an idle worker then
    // kept a build that failed before its first PDF from exiting).
    worker.unref();
    return worker;
  }
}
