import path from 'node:path';
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

    it('starts a new worker after close', async () => {
      await post.close();
      expect((await post.finish(await pdfOf(2), meta('Z'))).pages).toBe(2);
    });
  });
});
