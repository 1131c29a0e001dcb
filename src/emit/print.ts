import type { Page } from 'puppeteer-core';
import { type BrowserSession, ORIGIN, type Site } from '../browser/session.js';
import { isTimeout, timeoutError } from '../browser/errors.js';
import type { PdfJob } from './jobs.js';

/** Loads one page of an in-memory site and prints it, every wait bounded by the timeout. */
export async function printPage(
  session: BrowserSession,
  site: Site,
  job: PdfJob,
  timeoutMs: number,
): Promise<Uint8Array> {
  const asked = performance.now();
  return session.withPage(site, (page) =>
    bounded(job, timeoutMs, async () => {
      const lent = performance.measure(`${job.name}: waits for a page`, { start: asked });
      await load(page, job, timeoutMs);
      const loaded = performance.measure(`${job.name}: load`, { start: lent.startTime + lent.duration });
      await job.beforePrint?.(page);
      const fitted = performance.measure(`${job.name}: before print (fitting)`, {
        start: loaded.startTime + loaded.duration,
      });
      const pdf = await page.pdf({ ...job.pdf, timeout: timeoutMs });
      performance.measure(`${job.name}: print`, { start: fitted.startTime + fitted.duration });
      return pdf;
    }),
  );
}

/** Navigates to a job's page and waits until it says it is ready and its fonts are in. */
export async function load(page: Page, job: Pick<PdfJob, 'path' | 'readyAttribute'>, timeoutMs: number): Promise<void> {
  await page.goto(`${ORIGIN}${job.path}`, { waitUntil: 'load', timeout: timeoutMs });
  if (job.readyAttribute) await page.waitForSelector(`html[${job.readyAttribute}]`, { timeout: timeoutMs });
  await page.waitForFunction(() => document.fonts.status === 'loaded', { timeout: timeoutMs });
}

/** Turns a browser timeout into an error that says what timed out and what to do. */
export async function bounded<T>(job: Pick<PdfJob, 'path'>, timeoutMs: number, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isTimeout(error)) throw timeoutError(`printing ${job.path.split('?')[0]}`, timeoutMs, error);
    throw error;
  }
}
