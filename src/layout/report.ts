import type { Page } from 'puppeteer-core';
import { paperMm } from '../model/paper.js';
import { REPORT_MARGIN_MM } from '../render/report-view.js';
import { dropUnusedHyphens } from './hyphens.js';
import { asPrinted } from './page-box.js';

/** What paginating the report did, for the tests and the timings. */
export interface ReportPages {
  /** Pages as laid out before printing; the PDF has as many. */
  pages: number;
  /** Continuations added: a part that runs over a page goes on under "Title (continued)". */
  continued: number;
  /** Parts moved whole to the next page rather than leave a line or two at a page's foot. */
  moved: number;
}

/**
 * Gives every part of the report that runs over a page a heading on the next page (issue 23: a
 * comparison section went on with no heading and no role names; pages of the six-role term
 * matrix started mid-group).
 *
 * Chromium cannot say where its print layout breaks pages, so the report is laid out in
 * columns exactly one page's content box in size: multi-column layout breaks columns with the
 * same fragmentation engine and rules (break-inside, orphans, repeated table headers) that print
 * uses, and each column is then a page whose contents can be read from their boxes. Where a part
 * crosses into a new page, the rest of it is moved into a continuation that starts that page:
 * its title marked continued, the role headings again (a table keeps its header row, a matrix's
 * group label is repeated), then what was left. A part that would leave less than three lines at
 * a page's foot starts on the next page instead. Each change moves only what follows it, so the
 * parts are settled in order. Nothing is dropped: what cannot be split (one item taller than a
 * page) is left to Chromium's own breaking.
 */
export async function paginateReport(page: Page, paper: string): Promise<ReportPages> {
  const size = paperMm(paper);
  const box = await asPrinted(
    page,
    size.width - 2 * REPORT_MARGIN_MM.side,
    size.height - REPORT_MARGIN_MM.top - REPORT_MARGIN_MM.bottom,
  );
  await dropUnusedHyphens(page);
  const pages = await page.evaluate(paginate, box.width, box.height);
  await box.release();
  return pages;
}

/** Runs in the page: plain DOM, nothing from outside this function. */
function paginate(width: number, height: number): ReportPages {
  const MAX_CHANGES = 200;
  const LINES_AT_FOOT = 3;
  const body = document.body;
  const rtl = getComputedStyle(document.documentElement).direction === 'rtl';
  const label = body.dataset.continued ?? '{title}';
  const continuedTitle = (title: string) => label.replace('{title}', title.trim());
  const lineHeight = parseFloat(getComputedStyle(body).lineHeight) || 20;

  const wrap = document.createElement('div');
  wrap.style.cssText = `columns: ${width}px; column-gap: 0; column-fill: auto; height: ${height}px; width: ${width}px`;
  while (body.firstChild) wrap.appendChild(body.firstChild);
  body.appendChild(wrap);
  // Columns do not break at page breaks: while laid out here, each page break is a column break.
  // Only the report's parts break pages (report.css: the cover, continued and moved parts), so
  // only they are looked at, not every element.
  const forced: HTMLElement[] = [];
  const breakPageBefore = (el: HTMLElement) => {
    el.style.breakBefore = 'column';
    forced.push(el);
  };
  for (const el of wrap.children as HTMLCollectionOf<HTMLElement>) {
    const style = getComputedStyle(el);
    if (style.breakBefore === 'page') breakPageBefore(el);
    if (style.breakAfter === 'page') {
      el.style.breakAfter = 'column';
      forced.push(el);
    }
  }
  const origin = wrap.getBoundingClientRect();
  /** The pages an element's box starts and ends on: a box broken over columns spans them. */
  const pagesOf = (el: Element): [number, number] => {
    const r = el.getBoundingClientRect();
    const start = rtl ? origin.right - r.right : r.left - origin.left;
    const end = rtl ? origin.right - r.left : r.right - origin.left;
    return [Math.floor(start / width + 0.001), Math.floor(end / width - 0.001)];
  };
  const pageOf = (el: Element) => pagesOf(el)[0];
  const lastPageOf = (el: Element) => pagesOf(el)[1];
  /** How far down its page (column) an element starts. */
  const topIn = (el: Element) => el.getBoundingClientRect().top - origin.top;

  /** A new part under the old one's title marked continued, started on a new page (report.css). */
  const continuation = (part: HTMLElement): HTMLElement => {
    const next = document.createElement('section');
    next.className = `${part.className} continued-part`;
    const heading = document.createElement('p');
    heading.className = 'continued-heading';
    heading.textContent = continuedTitle(part.dataset.title ?? '');
    next.dataset.title = part.dataset.title ?? '';
    next.appendChild(heading);
    part.after(next);
    breakPageBefore(next);
    return next;
  };
  /** Moves `from` and every later sibling into `into`. */
  const moveFrom = (from: Element | null, into: Element) => {
    for (let node: Element | null = from; node;) {
      const after: Element | null = node.nextElementSibling;
      into.appendChild(node);
      node = after;
    }
  };
  /** A list cut before `item`: the rest in a copy of the list, numbered on where an `<ol>` was. */
  const splitList = (item: HTMLLIElement): HTMLElement => {
    const list = item.parentElement!;
    const copy = list.cloneNode(false) as HTMLElement;
    if (list instanceof HTMLOListElement) {
      let n = list.hasAttribute('start') ? list.start : 1;
      for (const li of [...list.children] as HTMLLIElement[]) {
        if (li.hasAttribute('value')) n = li.value;
        if (li === item) break;
        n += 1;
      }
      copy.setAttribute('start', String(n));
    }
    moveFrom(item, copy);
    return copy;
  };

  /** The blocks of a role column that can go on a new page: its list items and other blocks. */
  const piecesOf = (column: Element): Element[] =>
    [...column.children]
      .filter((el) => !el.classList.contains('role-heading'))
      .flatMap((el) => (el instanceof HTMLUListElement || el instanceof HTMLOListElement ? [...el.children] : [el]));

  /** Splits a comparison section's role columns where the page ends; false when nothing can move. */
  const splitColumns = (part: HTMLElement, first: number): boolean => {
    const grid = part.querySelector(':scope > .columns');
    if (!grid) return false;
    const columns = [...grid.children] as HTMLElement[];
    const oneRow = new Set(columns.map((c) => Math.round(c.getBoundingClientRect().top))).size === 1;
    const moves = columns.map((column) => {
      const pieces = piecesOf(column);
      // The first piece that does not end on this page: a paragraph broken over the two goes whole.
      const at = pieces.findIndex((p) => lastPageOf(p) > first);
      // A first piece taller than a page would only move the problem: Chromium breaks it.
      if (at === 0 && pieces[0]!.getBoundingClientRect().height > height * 0.8) return undefined;
      return at < 0 ? undefined : { column, piece: pieces[at]!, whole: at === 0 && pageOf(column) > first };
    });
    const after = [...part.children].filter((el) => el !== grid && lastPageOf(el) > first);
    if (moves.every((m) => m === undefined) && after.length === 0) return false;
    const next = continuation(part);
    const nextGrid = grid.cloneNode(false) as HTMLElement;
    next.appendChild(nextGrid);
    columns.forEach((column, i) => {
      const move = moves[i];
      if (move?.whole) return nextGrid.appendChild(column);
      if (!move && !oneRow) return;
      const copy = column.cloneNode(false) as HTMLElement;
      const heading = column.querySelector('.role-heading');
      if (heading) {
        // The role names again, as text: a second heading would add a bookmark and a structure entry.
        const again = document.createElement('p');
        again.className = heading.className;
        again.textContent = heading.textContent;
        copy.appendChild(again);
      }
      if (move) {
        const { piece } = move;
        const start = piece instanceof HTMLLIElement ? piece.parentElement! : piece;
        if (piece instanceof HTMLLIElement && piece !== piece.parentElement!.firstElementChild) {
          copy.appendChild(splitList(piece));
          moveFrom(start.nextElementSibling, copy);
        } else moveFrom(start, copy);
      }
      nextGrid.appendChild(copy);
    });
    for (const el of after) next.appendChild(el);
    return true;
  };

  /** Splits a table before the first row on a later page: the rest in a copy with its header row. */
  const splitTable = (part: HTMLElement, table: HTMLTableElement, first: number): boolean => {
    const rows = [...table.tBodies].flatMap((b) => [...b.rows]);
    const found = rows.findIndex((r) => lastPageOf(r) > first);
    if (found <= 0) return false;
    // The last row alone on a page of its own, under a repeated title and header: one more row
    // goes with it when this page keeps two or more (a widow, issue 23's "page holding only a tail").
    const at = found === rows.length - 1 && found >= 3 ? found - 1 : found;
    const row = rows[at]!;
    const next = continuation(part);
    const copy = table.cloneNode(false) as HTMLTableElement;
    for (const el of table.children)
      if (!(el instanceof HTMLTableSectionElement) || el.tagName !== 'TBODY') copy.appendChild(el.cloneNode(true));
    const tbody = document.createElement('tbody');
    copy.appendChild(tbody);
    // A matrix's rows belong to the group label above them: it comes again, marked continued.
    if (!row.classList.contains('matrix-group')) {
      const group = rows
        .slice(0, at)
        .reverse()
        .find((r) => r.classList.contains('matrix-group'));
      if (group) {
        const again = group.cloneNode(true) as HTMLTableRowElement;
        again.cells[0]!.textContent = continuedTitle(group.textContent ?? '');
        tbody.appendChild(again);
      }
    }
    const tail = rows.slice(at);
    for (const r of tail) tbody.appendChild(r);
    next.appendChild(copy);
    moveFrom(table.nextElementSibling, next);
    return true;
  };

  let continued = 0;
  let moved = 0;
  for (let changes = 0; changes < MAX_CHANGES; changes++) {
    // A part's page is its heading's: its box may begin with its top padding at the foot of the page before.
    const startOf = (p: HTMLElement) => pageOf(p.firstElementChild ?? p);
    const part = [...wrap.querySelectorAll<HTMLElement>('section[data-title]')].find(
      (p) => !p.dataset.settled && lastPageOf(p) > startOf(p),
    );
    if (!part) break;
    const first = startOf(part);
    // Less than three lines of the part on this page, under its headings: it starts the next page.
    const heads = part.querySelector('.column > .role-heading, table > thead') ?? part.firstElementChild!;
    const room = pageOf(heads) > first ? 0 : height - (topIn(heads) + heads.getBoundingClientRect().height);
    if (room < LINES_AT_FOOT * lineHeight && !part.classList.contains('page-start')) {
      part.classList.add('page-start');
      breakPageBefore(part);
      moved += 1;
      continue;
    }
    const table = part.querySelector<HTMLTableElement>(':scope > table');
    if (table ? splitTable(part, table, first) : splitColumns(part, first)) continued += 1;
    part.dataset.settled = 'true';
  }

  const last = wrap.lastElementChild;
  const pages = last ? lastPageOf(last) + 1 : 1;
  for (const el of forced) {
    el.style.removeProperty('break-before');
    el.style.removeProperty('break-after');
    if (!el.getAttribute('style')) el.removeAttribute('style');
  }
  while (wrap.firstChild) body.appendChild(wrap.firstChild);
  wrap.remove();
  return { pages, continued, moved };
}
