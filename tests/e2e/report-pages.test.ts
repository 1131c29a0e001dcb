import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { paginateReport } from '../../src/layout/report.js';
import { launchTestBrowser } from '../support/chromium.js';

// The report's pagination (src/layout/report.ts) on small pages of known sizes: rows 100 px
// tall, an A4 page box 971 px tall (257 mm less nothing: the margins are the report's own).
let browser: Browser;
let page: Page;
beforeAll(async () => {
  browser = await launchTestBrowser();
  page = await browser.newPage();
}, 60_000);
afterAll(async () => {
  await browser?.close();
});

const css = `body { margin: 0; font: 16px/20px sans-serif } h1 { height: 40px; margin: 0 }
  table { border-collapse: collapse; width: 100% } thead { display: table-header-group }
  th, td { height: 100px; padding: 0 } thead th { height: 30px } tr { break-inside: avoid }
  .continued-part, .page-start { break-before: page }`;
const table = (title: string, rows: number) =>
  `<section class="part" data-title="${title}"><h1>${title}</h1><table><thead><tr><th>Term</th><th>Role</th></tr></thead><tbody>${Array.from(
    { length: rows },
    (_, i) => `<tr><td>${title} row ${i + 1}</td><td>x</td></tr>`,
  ).join('')}</tbody></table></section>`;

async function paginate(body: string) {
  await page.setContent(
    `<html><head><style>${css}</style></head><body data-continued="{title} (continued)">${body}</body></html>`,
  );
  const result = await paginateReport(page, 'A4');
  const parts = await page.$$eval('section', (sections) =>
    sections.map((s) => ({
      heading: s.querySelector('h1, .continued-heading')?.textContent ?? '',
      rows: s.querySelectorAll('tbody tr').length,
      start: s.classList.contains('page-start'),
    })),
  );
  return { result, parts };
}

describe('paginating the report', () => {
  it('goes on under "(continued)" with the header row again where a table runs over a page', async () => {
    const { result, parts } = await paginate(table('Glance', 15));
    expect(result.pages).toBe(2);
    expect(parts).toEqual([
      { heading: 'Glance', rows: 9, start: false },
      { heading: 'Glance (continued)', rows: 6, start: false },
    ]);
  });

  it('never leaves the last row alone on a page: one more row goes with it', async () => {
    // Nine rows fit under the heading and the header; the tenth would be alone on page 2.
    const { parts } = await paginate(table('Glance', 10));
    expect(parts.map((p) => p.rows)).toEqual([8, 2]);
  });

  it('starts a part on the next page rather than leave less than three lines under its header at a foot', async () => {
    // The first part fills 8 rows (870 px): the second's heading and header would fit, no row would.
    const { parts } = await paginate(`${table('First', 8)}${table('Second', 4)}`);
    expect(parts.find((p) => p.heading === 'Second')).toEqual({ heading: 'Second', rows: 4, start: true });
  });
});
