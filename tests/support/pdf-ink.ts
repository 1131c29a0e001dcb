import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser } from 'puppeteer-core';
import { PROJECT_ROOT } from './content.js';

export interface WordInk {
  word: string;
  /** 1-based page where the word's text was found; 0 when it is not in the text layer. */
  page: number;
  /** Whether its box lies inside the page. */
  onPage: boolean;
  /** Dark pixels inside its box once the page is drawn: 0 means the text is there but not visible (clipped). */
  ink: number;
  /** Its type size in points. */
  size: number;
}

const ORIGIN = 'http://pdf-ink.test';
const PDFJS = path.join(PROJECT_ROOT, 'node_modules/pdfjs-dist/build');

/**
 * Draws the pages of a PDF that hold the words to pixels with pdf.js in Chromium and, for each word, finds its box
 * in the text layer and counts the dark pixels inside it. Text that a printed page clipped is
 * still in the text layer but draws nothing: this tells "in the file" from "on the paper".
 * pdf.js and the PDF are served from memory; the page makes no other request.
 */
export async function inkOfWords(browser: Browser, pdf: Uint8Array, words: readonly string[]): Promise<WordInk[]> {
  const files = new Map<string, { body: Buffer | string; type: string }>([
    ['/', { body: '<!doctype html><meta charset="utf-8"><title>ink</title>', type: 'text/html' }],
    ['/pdf.mjs', { body: await readFile(path.join(PDFJS, 'pdf.mjs')), type: 'text/javascript' }],
    ['/pdf.worker.mjs', { body: await readFile(path.join(PDFJS, 'pdf.worker.mjs')), type: 'text/javascript' }],
    ['/doc.pdf', { body: Buffer.from(pdf), type: 'application/pdf' }],
  ]);
  const page = await browser.newPage();
  try {
    await page.setRequestInterception(true);
    page.on('request', (request) => {
      const url = new URL(request.url());
      const file = url.origin === ORIGIN ? files.get(url.pathname) : undefined;
      void (file ? request.respond({ status: 200, contentType: file.type, body: file.body }) : request.abort());
    });
    await page.goto(`${ORIGIN}/`);
    // A module script of the page loads pdf.js (an import() inside evaluate would be rewritten by the test runner).
    await page.addScriptTag({ type: 'module', content: "import * as pdfjs from '/pdf.mjs'; window.pdfjs = pdfjs;" });
    await page.waitForFunction(() => 'pdfjs' in window, { timeout: 20_000 });
    return await page.evaluate(
      async (wanted: string[]) => {
        const pdfjs = (window as unknown as { pdfjs: typeof import('pdfjs-dist') }).pdfjs;
        pdfjs.GlobalWorkerOptions.workerSrc = '/pdf.worker.mjs';
        const doc = await pdfjs.getDocument({ url: '/doc.pdf' }).promise;
        const found = new Map<string, { page: number; onPage: boolean; ink: number; size: number }>();
        for (let n = 1; n <= doc.numPages; n++) {
          const pdfPage = await doc.getPage(n);
          const text = await pdfPage.getTextContent();
          // Only a page that holds a word still to be measured is drawn: drawing is most of the
          // time, and a page without one adds nothing below.
          const wanting = (str: string) => wanted.some((word) => !found.get(word)?.ink && str.includes(word));
          if (!text.items.some((item) => 'str' in item && wanting(item.str))) continue;
          const viewport = pdfPage.getViewport({ scale: 2 });
          const canvas = document.createElement('canvas');
          canvas.width = Math.ceil(viewport.width);
          canvas.height = Math.ceil(viewport.height);
          const context = canvas.getContext('2d', { willReadFrequently: true })!;
          await pdfPage.render({ canvas, canvasContext: context, viewport }).promise;
          for (const item of text.items) {
            if (!('str' in item)) continue;
            for (const word of wanted) {
              const at = item.str.indexOf(word);
              if (at < 0 || found.get(word)?.ink) continue;
              // The item's baseline box in page units, narrowed to the word by its share of the characters.
              const [, , , , x, y] = item.transform as number[];
              const height = Math.abs((item.transform as number[])[3] ?? item.height);
              const left = x! + (item.width * at) / item.str.length;
              const right = x! + (item.width * (at + word.length)) / item.str.length;
              const [x0, y0] = viewport.convertToViewportPoint(left, y! + height * 0.8);
              const [x1, y1] = viewport.convertToViewportPoint(right, y! - height * 0.15);
              const box = {
                x: Math.floor(Math.min(x0!, x1!)),
                y: Math.floor(Math.min(y0!, y1!)),
                w: Math.ceil(Math.abs(x1! - x0!)),
                h: Math.ceil(Math.abs(y1! - y0!)),
              };
              const onPage =
                box.x >= 0 && box.y >= 0 && box.x + box.w <= canvas.width && box.y + box.h <= canvas.height;
              let ink = 0;
              if (onPage && box.w > 0 && box.h > 0) {
                const data = context.getImageData(box.x, box.y, box.w, box.h).data;
                for (let i = 0; i < data.length; i += 4)
                  if (data[i + 3]! > 0 && data[i]! + data[i + 1]! + data[i + 2]! < 3 * 140) ink++;
              }
              found.set(word, { page: n, onPage, ink, size: height });
            }
          }
        }
        return wanted.map((word) => ({ word, ...(found.get(word) ?? { page: 0, onPage: false, ink: 0, size: 0 }) }));
      },
      [...words],
    );
  } finally {
    await page.close();
  }
}
