import type { Page } from 'puppeteer-core';
import { ContentError } from '../errors.js';
import { FACTSHEET_MARGIN_MM } from '../render/factsheet-view.js';

const MM = 96 / 25.4;
const PAPER_MM: Record<string, { width: number; height: number }> = { A4: { width: 210, height: 297 }, Letter: { width: 215.9, height: 279.4 } };

/**
 * Fails the build, naming the file and section to shorten, when a fact sheet would not fit on
 * one page. Measured in print layout at the page's content width, before printing.
 */
export async function assertFitsOnePage(page: Page, paper: string, role: string): Promise<void> {
  const size = PAPER_MM[paper] ?? PAPER_MM.A4!;
  const width = Math.floor((size.width - 2 * FACTSHEET_MARGIN_MM) * MM);
  const height = (size.height - 2 * FACTSHEET_MARGIN_MM) * MM;
  await page.emulateMediaType('print');
  await page.setViewport({ width, height: Math.ceil(height) });
  const { bottom, sections } = await page.evaluate(() => ({
    bottom: document.querySelector('.sheet')?.getBoundingClientRect().bottom ?? 0,
    sections: [...document.querySelectorAll<HTMLElement>('[data-section]')].map((el) => ({
      title: el.querySelector('h2')?.textContent ?? '',
      file: el.dataset.file ?? '',
      line: Number(el.dataset.line),
      height: el.getBoundingClientRect().height,
    })),
  }));
  if (bottom <= height + 0.5) return;
  const longest = [...sections].sort((a, b) => b.height - a.height)[0];
  const over = Math.ceil((bottom - height) / MM);
  throw new ContentError([
    {
      file: longest?.file ?? role,
      line: longest?.line,
      message: `the fact sheet of "${role}" is ${over} mm longer than one ${paper} page; shorten section "${longest?.title ?? ''}" (its longest) or other sections of this role`,
    },
  ]);
}
