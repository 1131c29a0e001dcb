import type { Page } from 'puppeteer-core';
import { ContentError } from '../errors.js';

/**
 * Fails the build when a slide's speaker notes are longer than the space beside the slide on
 * the handout, rather than printing them cut off.
 */
export async function assertHandoutNotesFit(page: Page): Promise<void> {
  await page.emulateMediaType('print');
  const cut = await page.$$eval('.handout-row', (rows) =>
    rows.flatMap((row, index) => {
      const notes = row.querySelector('.handout-notes');
      const el = row as HTMLElement;
      return notes && notes.scrollHeight > notes.clientHeight + 1 ? [{ index, title: el.dataset.title ?? '', file: el.dataset.file ?? '', line: Number(el.dataset.line) || undefined }] : [];
    }),
  );
  if (cut.length === 0) return;
  throw new ContentError(
    cut.map((c) => ({
      file: c.file,
      line: c.line,
      message: `the speaker notes of slide ${c.index + 1} ("${c.title}") are too long for the handout; shorten them`,
    })),
  );
}
