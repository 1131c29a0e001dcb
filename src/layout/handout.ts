import type { Page } from 'puppeteer-core';
import type { Diagnostic } from '../errors.js';
import type { HandoutPerPage } from '../model/index.js';
import { dropUnusedHyphens } from './hyphens.js';

interface CellRef {
  number: number;
  title: string;
  file: string;
  line: number;
}

/**
 * Measures the handout's text cells (render/handout-cells.ts) as they will print, before printing.
 * The render stage estimated from letter counts which slides fit their cell in full; the estimate
 * misses wrapped chart rows, captions, headers and padding (six roles at 6 a page were cut with no
 * word). A cell whose full text runs past its edge takes its columns' bold key words instead,
 * kept beside it, hidden, then type at 7 pt; a cell cut even so is named. Returns the warnings: one for the
 * slides printed as key words, one per slide still cut.
 */
export async function fitHandoutCells(page: Page, perPage: HandoutPerPage, pt: number): Promise<Diagnostic[]> {
  // Measured as the page loaded: a cell and all in it are sized in millimetres and shares of the
  // cell (handout.css), so neither the viewport nor print media changes how its text wraps.
  const { keyWords, cut } = await page.evaluate(() => {
    const ref = (cell: HTMLElement): CellRef => ({
      number: Number(cell.dataset.number),
      title: cell.querySelector('.text-title')?.textContent?.trim() ?? '',
      file: cell.dataset.file ?? '',
      line: Number(cell.dataset.line) || 1,
    });
    const over = (cell: HTMLElement) => cell.scrollHeight > cell.clientHeight + 1;
    const cells = [...document.querySelectorAll<HTMLElement>('.text-cell')];
    // Swapped in one pass, then measured again in one: the page is laid out twice, not per cell.
    for (const cell of cells.filter(over)) {
      const alt = cell.querySelector(':scope > .key-words-alt > .columns');
      const columns = cell.querySelector(':scope > .columns');
      if (!alt || !columns) continue;
      columns.replaceWith(alt);
      cell.classList.add('key-words');
    }
    for (const alt of document.querySelectorAll('.key-words-alt')) alt.remove();
    // Still cut: the type at 7 pt, the floor a reader needs, before giving up (handout.css).
    for (const cell of cells.filter(over)) cell.classList.add('tight');
    return {
      keyWords: cells.filter((c) => c.classList.contains('key-words')).map(ref),
      cut: cells.filter(over).map(ref),
    };
  });
  await dropUnusedHyphens(page);
  return cellWarnings(keyWords, cut, perPage, pt);
}

function cellWarnings(keyWords: CellRef[], cut: CellRef[], perPage: HandoutPerPage, pt: number): Diagnostic[] {
  const many = keyWords.length > 1;
  return [
    ...(keyWords.length > 0
      ? [
          {
            file: keyWords[0]!.file,
            line: keyWords[0]!.line,
            severity: 'warning' as const,
            message: `the handout (${perPage} a page) prints slide${many ? 's' : ''} ${keyWords.map((s) => s.number).join(', ')} as ${many ? 'their' : 'its'} bold key words: the full text does not fit a cell at ${pt} pt (the report has it); choose fewer slides a page (handout: { perPage: ${perPage === 2 ? 1 : 2} }) for the full text`,
          },
        ]
      : []),
    // One warning per place in the content: a matrix split over ten slides is one problem.
    ...[...groupBy(cut, (s) => `${s.file}:${s.line}`).values()].map((group) => {
      const first = group[0]!;
      const many = group.length > 1;
      const even = group.some((s) => keyWords.some((k) => k.number === s.number)) ? ' even as key words' : '';
      return {
        file: first.file,
        line: first.line,
        severity: 'warning' as const,
        message: `slide${many ? 's' : ''} ${group.map((s) => s.number).join(', ')} ("${first.title}"${many ? ', ...' : ''}) ${many ? 'are' : 'is'} too long for a handout cell at ${perPage} a page${even}, even at 7 pt: ${many ? 'their ends are' : 'its end is'} cut; choose fewer slides a page or shorten the section`,
      };
    }),
  ];
}

/** Node 20 has no Map.groupBy. */
function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}
