import { parentPort } from 'node:worker_threads';
import { withMetadata } from './pdf-meta.js';
import type { PostRequest, PostReply } from './pdf-post.js';

// The post-pass of pdf-post.ts, on its worker thread: one PDF per message, answered in order.
parentPort?.on('message', ({ id, pdf, meta }: PostRequest) => {
  let reply: PostReply;
  try {
    const { bytes, pages } = withMetadata(pdf, meta);
    reply = { id, bytes, pages };
    parentPort!.postMessage(reply, [bytes.buffer as ArrayBuffer]);
  } catch (error) {
    reply = { id, error: error instanceof Error ? error.message : String(error) };
    parentPort!.postMessage(reply);
  }
});
