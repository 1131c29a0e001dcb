import type { Page, PDFOptions } from 'puppeteer-core';
import { type BrowserSession, ORIGIN, type Site } from '../browser/session.js';
import { CareerdeckError } from '../errors.js';

export interface PrintJob {
  /** Path under the site, with any query: "/index.html?print-pdf". */
  path: string;
  /** An attribute on <html> the page sets when it is laid out and ready to print. */
  readyAttribute?: string;
  pdf: PDFOptions;
}

/** Loads one page of an in-memory site and prints it, every wait bounded by the session timeout. */
export async function printPage(session: BrowserSession, site: Site, job: PrintJob, timeoutMs: number): Promise<Uint8Array> {
  return session.withPage(site, async (page) => {
    try {
      await page.goto(`${ORIGIN}${job.path}`, { waitUntil: 'load', timeout: timeoutMs });
      if (job.readyAttribute) await page.waitForSelector(`html[${job.readyAttribute}]`, { timeout: timeoutMs });
      await fontsReady(page);
      return await page.pdf({ ...job.pdf, timeout: timeoutMs });
    } catch (error) {
      if (error instanceof Error && error.name === 'TimeoutError') {
        throw new CareerdeckError('TIMEOUT', `printing ${job.path.split('?')[0]} did not finish within ${timeoutMs} ms; raise --timeout or check the browser`, { cause: error });
      }
      throw error;
    }
  });
}

async function fontsReady(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await document.fonts.ready;
  });
}
