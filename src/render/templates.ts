import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { handlebarsRuntime, precompiledTemplates } from './compiled.js';
import type { DeckView } from './deck-view.js';
import { FONTS_MARKER, type FontCatalogue, loadFontCatalogue } from './fonts.js';
import { helpers } from './helpers.js';
import { OUTPUTS, PAGE_KINDS, type PageKind } from '../model/outputs.js';
import { mirrorPageBoxes } from './page-boxes.js';
import type { DrawPage } from './pages.js';

/** A PDF's own template is named for the first of its template folders (`templates/<name>/<name>.hbs`, `.css`). */
const pageTemplate = (kind: PageKind): string => OUTPUTS[kind].templates[0]!;

export interface Templates {
  deck: (view: DeckView) => string;
  /** Draws the view of a PDF with a page of its own (render/pages.ts). */
  page: DrawPage;
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
    ...['deck', ...PAGE_KINDS.map(pageTemplate)].map(async (name) => (sources[name] = await read(name, `${name}.hbs`))),
    ...partials.map(async (file) => (sources[`partials/${file.slice(0, -4)}`] = await read('partials', file))),
  ]);
  const specs = await precompiledTemplates(sources, cacheDir);
  // With precompiled templates the runtime is enough; without, the compiler compiles them here.
  const hbs = specs ? (await handlebarsRuntime()).create() : (await import('handlebars')).default.create();
  for (const [name, fn] of Object.entries(helpers)) hbs.registerHelper(name, fn);
  const template = (name: string) =>
    specs ? hbs.template(specs[name]!) : hbs.compile(sources[name]!, { strict: true, noEscape: false });
  for (const file of partials) hbs.registerPartial(file.slice(0, -4), template(`partials/${file.slice(0, -4)}`));
  const deck = template('deck');
  const pages = new Map(PAGE_KINDS.map((kind) => [kind, template(pageTemplate(kind))]));
  const [base, printPage, printLinks, deckCss, readingCss, deckScript, fonts, ...pageCss] = await Promise.all([
    // The deck's fonts go where the marker is, once its text is known (render.ts).
    read('partials', 'base.css').then((css) => `${FONTS_MARKER}\n${css}`),
    read('partials', 'print-page.css'),
    read('partials', 'print-links.css'),
    read('deck', 'deck.css'),
    // The deck on a phone held upright (deck.js): the deck's own, not the PDFs that draw slides.
    read('deck', 'reading.css'),
    read('deck', 'deck.js'),
    loadFontCatalogue(),
    ...PAGE_KINDS.map((kind) => read(pageTemplate(kind), `${pageTemplate(kind)}.css`)),
  ]);
  const ownCss = new Map(PAGE_KINDS.map((kind, i) => [kind, pageCss[i]!]));
  const runtime = { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false };
  // The page numbers' words come from the deck's labels; placed before each document's own CSS,
  // which may take them off a page (the report's cover).
  const numbered = (view: { pageNumbers: string }) =>
    `${printPage}\n@page { @bottom-right { content: ${view.pageNumbers}; } }`;
  // A right-to-left document's running header, page numbers and footer change sides.
  const paged = (view: { dir: string }, html: string) => (view.dir === 'rtl' ? mirrorPageBoxes(html) : html);
  // Each page's theme (generated from the palette table, src/render/themes.ts) comes first. A PDF
  // that draws the slides (the handout, the notes) does so with the deck's own CSS, scaled down,
  // so they match the screen. Printed outputs also print each link's address.
  const page: DrawPage = (kind, view) => {
    const row = OUTPUTS[kind];
    const v = view as { theme: { css: string }; pageNumbers?: string; dir?: string };
    const css = [
      base,
      ...(row.templates.includes('deck') ? [deckCss] : []),
      ...(row.pageNumbers ? [numbered({ pageNumbers: v.pageNumbers ?? '' })] : []),
      ownCss.get(kind)!,
      printLinks,
    ].join('\n');
    const html = pages.get(kind)!({ ...view, css: `${v.theme.css}${css}`, scripts: false }, runtime);
    return row.pageNumbers ? paged({ dir: v.dir ?? 'ltr' }, html) : html;
  };
  return {
    deck: (view) =>
      deck({ ...view, css: `${view.theme.css}${base}\n${deckCss}\n${readingCss}`, scripts: true }, runtime),
    page,
    deckScript,
    fonts,
  };
}
