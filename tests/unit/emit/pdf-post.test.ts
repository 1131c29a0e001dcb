import { spawn } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withMetadata } from '../../../src/emit/pdf-meta.js';
import { PostPass } from '../../../src/emit/pdf-post.js';
import { PROJECT_ROOT } from '../../support/content.js';

const DATE = new Date('2026-01-02T03:04:05Z');
const meta = (title: string) => ({
  title,
  author: 'Careers Service',
  keywords: ['careers'],
  date: DATE,
  bookmarks: [{ title: 'First', page: 1 }],
});

async function pdfOf(pages: number): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  for (let i = 0; i < pages; i++) doc.addPage([200, 100]);
  return doc.save({ useObjectStreams: false });
}

describe('PostPass', () => {
  it('runs in place from the sources, giving what withMetadata gives', async () => {
    const post = new PostPass();
    expect(post.threaded).toBe(false);
    const pdf = await pdfOf(2);
    expect(await post.finish(pdf, meta('A'))).toEqual(withMetadata(pdf, meta('A')));
  });

  describe('compiled, on its worker thread', () => {
    let post: PostPass;
    beforeAll(async () => {
      // The worker runs compiled code: compile first if src/ changed, as the CLI does.
      const compile = path.join(PROJECT_ROOT, 'bin/compile.mjs');
      await ((await import(compile)) as { compileIfStale: () => Promise<void> }).compileIfStale();
      const compiled = path.join(PROJECT_ROOT, 'dist/emit/pdf-post.js');
      const { PostPass: Compiled } = (await import(compiled)) as typeof import('../../../src/emit/pdf-post.js');
      post = new Compiled();
    });
    afterAll(() => post.close());

    it('finishes each PDF byte for byte as in place, several at once, each with its own result', async () => {
      expect(post.threaded).toBe(true);
      post.warmUp();
      const pdfs = await Promise.all([pdfOf(1), pdfOf(3), pdfOf(2)]);
      const done = await Promise.all(pdfs.map((pdf, i) => post.finish(pdf, meta(`PDF ${i}`))));
      done.forEach((result, i) => {
        const expected = withMetadata(pdfs[i]!, meta(`PDF ${i}`));
        expect(result.pages).toBe(expected.pages);
        expect(Buffer.from(result.bytes).equals(Buffer.from(expected.bytes))).toBe(true);
      });
      // The PDF handed over is a copy: the caller's bytes are still there.
      expect(pdfs[0]!.byteLength).toBeGreaterThan(0);
    });

    it('says what was wrong with a PDF it cannot finish, and goes on with the next', async () => {
      await expect(post.finish(new TextEncoder().encode('not a PDF'), meta('X'))).rejects.toThrow(
        /classic cross-reference table/,
      );
      expect((await post.finish(await pdfOf(1), meta('Y'))).pages).toBe(1);
    });

    it('never keeps a process alive when idle: started and never given a PDF, or after its last', async () => {
      // A build that fails before its first PDF (the browser would not start) must still exit.
      // One process holds both cases, each on its own PostPass: it exits only if neither keeps it
      // alive (one process per case cost a Node start, a worker and a fixed wait each).
      const compiled = path.join(PROJECT_ROOT, 'dist/emit/pdf-post.js');
      const script =
        `const { PostPass } = await import(${JSON.stringify(pathToFileURL(compiled).href)});` +
        `const idle = new PostPass(); idle.warmUp();` +
        `const used = new PostPass(); used.warmUp();` +
        // The idle worker was made before this one answers: then nothing else is left to run.
        `await used.finish(new TextEncoder().encode('not a PDF'), {}).catch(() => undefined);`;
      // A file, not `-e`: the worker would inherit `--input-type` and fail to start.
      const file = path.join(tmpdir(), `careerdeck-post-${process.pid}.mjs`);
      writeFileSync(file, script);
      const code = await new Promise<number | null>((resolve) => {
        const child = spawn(process.execPath, [file], { stdio: 'ignore' });
        const stop = setTimeout(() => child.kill('SIGKILL'), 20_000);
        child.on('exit', (exit) => {
          clearTimeout(stop);
          rmSync(file, { force: true });
          resolve(exit);
        });
      });
      expect(code).toBe(0);
    });

    it('starts a new worker after close', async () => {
      await post.close();
      expect((await post.finish(await pdfOf(2), meta('Z'))).pages).toBe(2);
    });
  });
});
