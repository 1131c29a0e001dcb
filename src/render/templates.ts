import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import Handlebars from 'handlebars';
import type { DeckView } from './deck-view.js';
import { helpers } from './helpers.js';
import type { FactsheetView } from './factsheet-view.js';
import type { HandoutView } from './handout-view.js';
import type { ReportView } from './report-view.js';

export interface Templates {
  deck: (view: DeckView) => string;
  report: (view: ReportView) => string;
  handout: (view: HandoutView) => string;
  factsheet: (view: FactsheetView) => string;
  /** The script that starts reveal.js, copied beside the deck. */
  deckScript: string;
}

/**
 * Compiles the templates once per build in an isolated Handlebars environment: our own helpers
 * and partials only, strict so a missing field fails loudly, no prototype access.
 */
export async function loadTemplates(dir: string): Promise<Templates> {
  const hbs = Handlebars.create();
  for (const [name, fn] of Object.entries(helpers)) hbs.registerHelper(name, fn);
  const partialsDir = path.join(dir, 'partials');
  for (const file of (await readdir(partialsDir)).filter((f) => f.endsWith('.hbs'))) {
    hbs.registerPartial(file.slice(0, -4), await readFile(path.join(partialsDir, file), 'utf8'));
  }
  const read = (...parts: string[]) => readFile(path.join(dir, ...parts), 'utf8');
  const compile = async (file: string) => hbs.compile(await read(file), { strict: true, noEscape: false });
  const [deck, report, handout, factsheet, base, deckCss, reportCss, handoutCss, factsheetCss, deckScript] = await Promise.all([
    compile('deck/deck.hbs'),
    compile('report/report.hbs'),
    compile('handout/handout.hbs'),
    compile('factsheet/factsheet.hbs'),
    read('partials', 'base.css'),
    read('deck', 'deck.css'),
    read('report', 'report.css'),
    read('handout', 'handout.css'),
    read('factsheet', 'factsheet.css'),
    read('deck', 'deck.js'),
  ]);
  const runtime = { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false };
  return {
    // Each page's theme (generated from the palette table, src/render/themes.ts) comes first.
    deck: (view) => deck({ ...view, css: `${view.theme.css}${base}\n${deckCss}`, scripts: true }, runtime),
    report: (view) => report({ ...view, css: `${view.theme.css}${base}\n${reportCss}`, scripts: false }, runtime),
    // The handout draws slides with the deck's own CSS, scaled down, so they match the screen.
    handout: (view) => handout({ ...view, css: `${view.theme.css}${base}\n${deckCss}\n${handoutCss}`, scripts: false }, runtime),
    factsheet: (view) => factsheet({ ...view, css: `${view.theme.css}${base}\n${factsheetCss}`, scripts: false }, runtime),
    deckScript,
  };
}
