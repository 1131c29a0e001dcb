import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { fontCss } from '../../../src/render/fonts.js';
import { loadTemplates, type Templates } from '../../../src/render/templates.js';
import {
  brandedPalette,
  type ColourPair,
  type Palette,
  textPairs,
  THEME_TABLE,
  type Theme,
  themeCss,
} from '../../../src/render/themes.js';
import { AA_TEXT, contrastRatio } from '../../../src/model/colour.js';
import { THEMES } from '../../../src/validate/schema.js';
import { deckFile, roleFile } from '../source-files.js';
import { comparison, deckText, engineerText, scientistText, renderPages } from './model.js';

const TEMPLATES = fileURLToPath(new URL('../../../templates', import.meta.url));

/** Every pair of a palette below the contrast it needs, as readable lines. */
function failures(theme: Theme, palette?: Palette): string[] {
  return textPairs(theme, palette)
    .map((pair: ColourPair) => ({ pair, ratio: contrastRatio(pair.fg, pair.bg) }))
    .filter(({ pair, ratio }) => ratio < pair.min)
    .map(
      ({ pair, ratio }) =>
        `${theme.name}: ${pair.where}: ${pair.fg} on ${pair.bg} is ${ratio.toFixed(2)}:1, needs ${pair.min}:1`,
    );
}

describe('theme palettes', () => {
  it('has a palette for every theme name the schema accepts', () => {
    expect(Object.keys(THEME_TABLE).sort()).toEqual([...THEMES].sort());
  });

  it.each(THEMES)('%s: every text/background pair meets WCAG AA (high contrast: AAA)', (name) => {
    const theme = THEME_TABLE[name];
    expect(theme.minText).toBeGreaterThanOrEqual(AA_TEXT);
    expect(failures(theme)).toEqual([]);
  });

  it('high contrast reaches 7:1 for text', () => {
    expect(THEME_TABLE['high-contrast'].minText).toBe(7);
  });

  it('checks every colour of the palette, so a faint one fails the test above', () => {
    const theme = THEME_TABLE.light;
    const p = theme.palette;
    // Each colour made (nearly) the colour it is drawn on or under.
    const faint: Partial<Palette>[] = [
      { ink: '#f5f5f5' },
      { muted: '#eeeeee' },
      { accent: '#f0f4ff' },
      { onRole: p.roles[2] },
      { onOverlapAll: p.overlapAll },
      { onOverlapSome: p.overlapSome },
      { codeBg: p.ink },
      { tint: '#5b6475' },
      { overlapSome: '#f3f5f9' },
    ];
    for (const change of faint) expect(failures(theme, { ...p, ...change }), JSON.stringify(change)).not.toEqual([]);
    const roles = [...theme.palette.roles] as unknown as Palette['roles'];
    (roles as unknown as string[])[5] = '#f0a0c0';
    expect(failures(theme, { ...theme.palette, roles })).not.toEqual([]);
    expect(failures(THEME_TABLE.dark, { ...THEME_TABLE.dark.palette, muted: '#5b6475' })).not.toEqual([]);
  });

  it('prints on white paper: the print theme of each is light-paper', () => {
    for (const name of THEMES) expect(THEME_TABLE[THEME_TABLE[name].print].palette.paper).toBe('#ffffff');
  });

  it.each(THEMES)('%s: any brand accent is shaded until it reads', (name) => {
    const theme = THEME_TABLE[name];
    for (const accent of ['#0b5fff', '#ffcc00', '#000000', '#ffffff', '#777', '#e30613', '#00a651']) {
      expect(failures(theme, brandedPalette(theme, accent)), accent).toEqual([]);
    }
    // An accent that already reads is kept as it is.
    expect(brandedPalette(THEME_TABLE.light, '#0B5FFF').accent).toBe('#0b5fff');
  });
});

describe('themeCss', () => {
  it('writes the screen palette under data-theme and the light palette for print', () => {
    const css = themeCss('dark');
    expect(css).toContain(`:root[data-theme="dark"] { --paper: ${THEME_TABLE.dark.palette.paper};`);
    expect(css).toContain(`:root[data-theme="dark"].print-pdf { --paper: #ffffff;`);
    expect(css).toMatch(/@media print \{ :root\[data-theme="dark"\] \{ --paper: #ffffff; --ink: #1d2433;/);
    expect(css).toContain('color-scheme: dark');
  });

  it('puts a brand accent in every palette, shaded where needed', () => {
    const css = themeCss('dark', '#0b5fff');
    expect(css).toContain('--accent: #0b5fff;');
    const screen = /:root\[data-theme="dark"\] \{[^}]*--accent: (#[0-9a-f]{6});/.exec(css)?.[1] ?? '';
    expect(contrastRatio(screen, THEME_TABLE.dark.palette.paper)).toBeGreaterThanOrEqual(AA_TEXT);
  });

  it('refuses an accent that is not a hex colour instead of writing it into CSS', () => {
    expect(() => themeCss('light', 'red; } body { background: url(x)')).toThrow();
  });

  it('defines every custom property the templates use', async () => {
    const files = [
      'partials/base.css',
      'deck/deck.css',
      'report/report.css',
      'handout/handout.css',
      'factsheet/factsheet.css',
    ];
    const css = (await Promise.all(files.map((f) => readFile(`${TEMPLATES}/${f}`, 'utf8')))).join('\n');
    const used = new Set([...css.matchAll(/var\(--([a-z0-9-]+)\)/g)].map((m) => m[1]));
    // The font stacks come from each deck's font plan (src/render/fonts.ts).
    const fonts = fontCss({ faces: [], families: ['Inter'], uncovered: [] });
    const defined = new Set([...`${themeCss('light')}${fonts}${css}`.matchAll(/--([a-z0-9-]+):/g)].map((m) => m[1]));
    expect([...used].filter((name) => !defined.has(name))).toEqual([]);
    // Colours belong to the palette table, not to the style sheets (the @page margin boxes,
    // printed on the light palette only, are the exception: custom properties do not reach them).
    const literal = css.replace(/@font-face[^}]*}/g, '').replace(/@(top|bottom)-[a-z]+ \{[^}]*}/g, '');
    expect(literal.match(/#[0-9a-f]{3,6}\b/gi) ?? []).toEqual([]);
  });
});

describe('themes and branding in the rendered pages', () => {
  let templates: Templates;
  beforeAll(async () => {
    templates = await loadTemplates(TEMPLATES);
  });
  const render = (extra: string[]) =>
    renderPages(
      comparison([
        roleFile('engineer', engineerText),
        roleFile('scientist', scientistText),
        deckFile('deck', deckText(undefined, extra)),
      ]),
      templates,
    );

  it('draws an unthemed deck in the light theme', () => {
    const { deck, report } = render([]);
    expect(deck).toContain('<html lang="en" dir="ltr" data-theme="light">');
    expect(report).toContain('<html lang="en" dir="ltr" data-theme="light">');
    expect(deck).not.toContain('class="slide-brand"');
  });

  it('draws the deck in its theme, and report, handout and fact sheets in light', () => {
    const r = render(['theme: dark']);
    expect(r.deck).toContain('data-theme="dark"');
    expect(r.deck).toContain(':root[data-theme="dark"]');
    for (const html of [r.report, r.handout, ...r.factsheets.map((f) => f.html)]) {
      expect(html).toContain('data-theme="light"');
      expect(html).not.toContain('data-theme="dark"');
    }
  });

  it('shows the logo and footer on slides, report, handout and fact sheets, escaped', () => {
    const r = render([
      'theme: high-contrast',
      'brand:',
      '  accent: "#0b5fff"',
      '  logo: ../images/logo.svg',
      '  footer: "Careers <b>&</b> {{title}} \\"quoted\\""',
    ]);
    const logo = '<img class="brand-logo" src="assets/content/images/logo.svg" alt="">';
    expect(r.deck.split(logo).length - 1).toBe(r.slideCount);
    expect(r.deck.split('class="slide-brand"').length - 1).toBe(r.slideCount);
    expect(r.deck).toContain(
      '<span class="brand-footer">Careers &lt;b&gt;&amp;&lt;/b&gt; {{title}} &quot;quoted&quot;</span>',
    );
    expect(r.report).toContain('src="assets/content/images/logo.svg"');
    expect(r.report).toMatch(
      /@bottom-left \{ content: "Careers \\3c b\\3e &\\3c \/b\\3e {2}\{\{title\}\} \\22 quoted\\22 "; \}/,
    );
    expect(r.handout).toContain('@bottom-left');
    for (const { html } of r.factsheets) {
      expect(html).toContain('src="assets/content/images/logo.svg"');
      expect(html).toContain('<span class="brand-footer">Careers &lt;b&gt;');
    }
    for (const html of [r.deck, r.report, r.handout, ...r.factsheets.map((f) => f.html)])
      expect(html).not.toMatch(/<b>&/);
  });
});
