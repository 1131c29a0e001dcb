import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { handlebarsRuntime, precompiledTemplates } from './compiled.js';
import type { DeckView } from './deck-view.js';
import { FONTS_MARKER, type FontCatalogue, loadFontCatalogue } from './fonts.js';
import { helpers } from './helpers.js';
import type { FactsheetView } from './factsheet-view.js';
import type { HandoutView } from './handout-view.js';
import type { NotesView } from './notes-view.js';
import { mirrorPageBoxes } from './page-boxes.js';
import type { ReportView } from './report-view.js';

export interface Templates {
  deck: (view: DeckView) => string;
  report: (view: ReportView) => string;
  handout: (view: HandoutView) => string;
  notes: (view: NotesView) => string;
  factsheet: (view: FactsheetView) => string;
  /** The script that starts reveal.js, copied beside the deck. */
  deckScript: string;
  /** The bundled fonts' subsets, from which each deck's are chosen (see fonts.ts). */
  fonts: FontCatalogue;
}

/**
 * The templates in an isolated Handlebars environment: our own helpers and partials only, strict
 * so a missing field fails loudly, no prototype access. Compiled once and kept in `cacheDir`
 * (see compiled.ts), so later builds need only the Handlebars runtime.
 */
export async function loadTemplates(dir: string, cacheDir?: string): Promise<Templates> {
  const read = (...parts: string[]) => readFile(path.join(dir, ...parts), 'utf8');
  const partials = (await readdir(path.join(dir, 'partials'))).filter((f) => f.endsWith('.hbs')).sort();
  const sources: Record<string, string> = {};
  await Promise.all([
    ...['deck', 'report', 'handout', 'notes', 'factsheet'].map(
      async (name) => (sources[name] = await read(name, `${name}.hbs`)),
    ),
    ...partials.map(async (file) => (sources[`partials/${file.slice(0, -4)}`] = await read('partials', file))),
  ]);
  const specs = await precompiledTemplates(sources, cacheDir);
  // With precompiled templates the runtime is enough; without, the compiler compiles them here.
  const hbs = specs ? (await handlebarsRuntime()).create() : (await import('handlebars')).default.create();
  for (const [name, fn] of Object.entries(helpers)) hbs.registerHelper(name, fn);
  const template = (name: string) =>
    specs ? hbs.template(specs[name]!) : hbs.compile(sources[name]!, { strict: true, noEscape: false });
  for (const file of partials) hbs.registerPartial(file.slice(0, -4), template(`partials/${file.slice(0, -4)}`));
  const [deck, report, handout, notes, factsheet] = [
    template('deck'),
    template('report'),
    template('handout'),
    template('notes'),
    template('factsheet'),
  ];
  const [base, printPage, printLinks, deckCss, reportCss, handoutCss, notesCss, factsheetCss, deckScript, fonts] =
    await Promise.all([
      // The deck's fonts go where the marker is, once its text is known (render.ts).
      read('partials', 'base.css').then((css) => `${FONTS_MARKER}\n${css}`),
      read('partials', 'print-page.css'),
      read('partials', 'print-links.css'),
      read('deck', 'deck.css'),
      read('report', 'report.css'),
      read('handout', 'handout.css'),
      read('notes', 'notes.css'),
      read('factsheet', 'factsheet.css'),
      read('deck', 'deck.js'),
      loadFontCatalogue(),
    ]);
  const runtime = { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false };
  // The page numbers' words come from the deck's labels; placed before each document's own CSS,
  // which may take them off a page (the report's cover).
  const numbered = (view: { pageNumbers: string }) =>
    `${printPage}\n@page { @bottom-right { content: ${view.pageNumbers}; } }`;
  // A right-to-left document's running header, page numbers and footer change sides.
  const paged = (view: { dir: string }, html: string) => (view.dir === 'rtl' ? mirrorPageBoxes(html) : html);
  return {
    // Each page's theme (generated from the palette table, src/render/themes.ts) comes first.
    deck: (view) => deck({ ...view, css: `${view.theme.css}${base}\n${deckCss}`, scripts: true }, runtime),
    report: (view) =>
      paged(
        view,
        report(
          { ...view, css: `${view.theme.css}${base}\n${numbered(view)}\n${reportCss}\n${printLinks}`, scripts: false },
          runtime,
        ),
      ),
    // Printed outputs (report, handout, fact sheets) also print each link's address.
    // The handout draws slides with the deck's own CSS, scaled down, so they match the screen.
    handout: (view) =>
      paged(
        view,
        handout(
          {
            ...view,
            css: `${view.theme.css}${base}\n${deckCss}\n${numbered(view)}\n${handoutCss}\n${printLinks}`,
            scripts: false,
          },
          runtime,
        ),
      ),
    notes: (view) =>
      paged(
        view,
        notes(
          {
            ...view,
            css: `${view.theme.css}${base}\n${deckCss}\n${numbered(view)}\n${notesCss}\n${printLinks}`,
            scripts: false,
          },
          runtime,
        ),
      ),
    factsheet: (view) =>
      factsheet({ ...view, css: `${view.theme.css}${base}\n${factsheetCss}\n${printLinks}`, scripts: false }, runtime),
    deckScript,
    fonts,
  };
}
