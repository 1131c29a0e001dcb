import type { Page } from 'puppeteer-core';
import type { Diagnostic } from '../errors.js';
import { paperMm } from '../model/paper.js';
import { FACTSHEET_MARGIN_MM } from '../render/factsheet-view.js';

const MM = 96 / 25.4;

/**
 * Layouts tried in turn until a fact sheet fits one page (factsheet.css reads `data-fit`): roomy
 * (9.5 pt, more space: a short sheet uses its page instead of leaving a fifth of it blank); as
 * designed; sections that may break across the two columns; type at 8.5 pt, the readable floor;
 * three columns. Each packs more onto the page than the one before.
 */
export const FACTSHEET_LAYOUTS = ['roomy', '', 'flow', 'flow small', 'flow small three'] as const;
/** What a sheet that needs a second page is printed with: the floor's type, in two columns. */
const TWO_PAGES = 'flow small';

/**
 * Lays a fact sheet out on one page, packing it tighter step by step. Content that cannot fit
 * even then goes on to a second page, and the warning returned names the role file and the
 * line of its longest section (issue 11: this used to fail every output of the deck).
 * Measured in print layout at the page's content width, before printing.
 */
export async function fitFactsheet(page: Page, paper: string, role: string): Promise<Diagnostic | undefined> {
  const size = paperMm(paper);
  const width = Math.floor((size.width - 2 * FACTSHEET_MARGIN_MM) * MM);
  const height = (size.height - 2 * FACTSHEET_MARGIN_MM) * MM;
  await page.emulateMediaType('print');
  await page.setViewport({ width, height: Math.ceil(height) });
  for (const layout of FACTSHEET_LAYOUTS) {
    const bottom = await page.evaluate((fit) => {
      document.documentElement.dataset.fit = fit;
      return document.querySelector('.sheet')?.getBoundingClientRect().bottom ?? 0;
    }, layout);
    if (bottom <= height + 0.5) return undefined;
  }
  const sections = await page.evaluate((fit) => {
    document.documentElement.dataset.fit = fit;
    return [...document.querySelectorAll<HTMLElement>('[data-section]')].map((el) => ({
      title: el.querySelector('h2')?.textContent ?? '',
      file: el.dataset.file ?? '',
      line: Number(el.dataset.line),
      height: el.getBoundingClientRect().height,
    }));
  }, TWO_PAGES);
  const longest = [...sections].sort((a, b) => b.height - a.height)[0];
  return {
    file: longest?.file ?? role,
    line: longest?.line,
    severity: 'warning',
    message: `the fact sheet of "${role}" does not fit one ${paper} page even in three columns at 8.5 pt, so it is printed on two; shorten section "${longest?.title ?? ''}" (its longest) or other sections of this role`,
  };
}
