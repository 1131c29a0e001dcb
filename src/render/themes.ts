import { AA_LARGE, AA_TEXT, normaliseHex, textSafe } from '../model/colour.js';
import { assetHref } from '../model/index.js';
import type { Brand, ThemeName } from '../model/index.js';

/**
 * The colours of a theme. Every output's CSS reads them as custom properties (`--ink`, ...), so
 * this table is the only place a theme's colours are written; themeCss() turns it into CSS and
 * textPairs() lists each text/background pair the templates draw, for the contrast test.
 */
export interface Palette {
  /** Page and slide background. */
  paper: string;
  /** Body text, table cells, chart labels and values. */
  ink: string;
  /** Secondary text: subtitles, bylines, captions, chart ticks, "Not covered", slide footer. */
  muted: string;
  /** Lines and chart grid (decoration, no text). */
  rule: string;
  /** Panels: report role cards. */
  tint: string;
  /** Slide titles, report headings, links, table row headers, reveal's controls. */
  accent: string;
  /** Background of inline code. */
  codeBg: string;
  /** One colour per role: column headings, chips, bars. Text in them and on them must read. */
  roles: readonly [string, string, string, string, string, string];
  /** Text on a role colour: role chips, counts on chart bars. */
  onRole: string;
  /** The "shared by all" chart segment and the count written on it. */
  overlapAll: string;
  onOverlapAll: string;
  /** The "shared by some" chart segment and the count written on it. */
  overlapSome: string;
  onOverlapSome: string;
}

export interface Theme {
  name: ThemeName;
  palette: Palette;
  /** Contrast every text pair reaches: WCAG AA (4.5:1) or, for high contrast, AAA (7:1). */
  minText: number;
  /** The theme a printed page of this deck uses (the slides PDF): paper is white. */
  print: ThemeName;
  /** For the browser's own widgets (scrollbars, form controls). */
  scheme: 'light' | 'dark';
}

const light: Palette = {
  paper: '#ffffff',
  ink: '#1d2433',
  muted: '#5b6475',
  rule: '#d5dae3',
  tint: '#f3f5f9',
  accent: '#2a4d8f',
  codeBg: '#eef1f6',
  // Distinct for common colour-vision deficiencies; orange, green and gold darkened to reach 4.5:1 on the tint.
  roles: ['#1f6fb2', '#b6511a', '#2a7d4f', '#8a4fbf', '#8f6809', '#c2185b'],
  onRole: '#ffffff',
  overlapAll: '#4a5568',
  onOverlapAll: '#ffffff',
  overlapSome: '#8795aa',
  onOverlapSome: '#111827',
};

const dark: Palette = {
  paper: '#141922',
  ink: '#e8ebf1',
  muted: '#a7b0c0',
  rule: '#394355',
  tint: '#1e2532',
  accent: '#8fb8ff',
  codeBg: '#252d3b',
  roles: ['#5aa9e6', '#f0935a', '#4cc38a', '#b78cf0', '#e2b646', '#f27aa8'],
  onRole: '#141922',
  overlapAll: '#c9d2e0',
  onOverlapAll: '#141922',
  overlapSome: '#7d899c',
  onOverlapSome: '#0b0e13',
};

const highContrast: Palette = {
  paper: '#ffffff',
  ink: '#000000',
  muted: '#3d3d3d',
  rule: '#595959',
  tint: '#f0f0f0',
  accent: '#00308f',
  codeBg: '#ebebeb',
  roles: ['#175183', '#813a12', '#1e5938', '#663a8d', '#664a06', '#991348'],
  onRole: '#ffffff',
  overlapAll: '#000000',
  onOverlapAll: '#ffffff',
  overlapSome: '#4d4d4d',
  onOverlapSome: '#ffffff',
};

export const THEME_TABLE: Readonly<Record<ThemeName, Theme>> = {
  light: { name: 'light', palette: light, minText: AA_TEXT, print: 'light', scheme: 'light' },
  // A dark deck prints light: the slides PDF is for paper, where a dark page wastes toner and bands.
  dark: { name: 'dark', palette: dark, minText: AA_TEXT, print: 'light', scheme: 'dark' },
  // Already black on white, so it prints as it is: whoever needs it on screen needs it on paper.
  'high-contrast': {
    name: 'high-contrast',
    palette: highContrast,
    minText: 7,
    print: 'high-contrast',
    scheme: 'light',
  },
};

/** A text/background pair the templates draw, and the contrast it needs. */
export interface ColourPair {
  fg: string;
  bg: string;
  min: number;
  /** Where the pair is used, to name it when it fails. */
  where: string;
}

/**
 * Every pair of colours where one is drawn on the other: text needs the theme's minText (AA
 * 4.5:1 even for headings, since the accent is also the colour of links and row headers), chart
 * bars as graphics need 3:1 against the paper (WCAG 1.4.11).
 */
export function textPairs(theme: Theme, p: Palette = theme.palette): ColourPair[] {
  const text = theme.minText;
  return [
    { fg: p.ink, bg: p.paper, min: text, where: 'body text, table cells, chart labels and values' },
    { fg: p.muted, bg: p.paper, min: text, where: 'muted text: subtitles, captions, chart ticks, slide footer' },
    { fg: p.accent, bg: p.paper, min: text, where: 'accent: headings, links, table row headers' },
    { fg: p.ink, bg: p.tint, min: text, where: 'text in report role cards' },
    { fg: p.ink, bg: p.codeBg, min: text, where: 'inline code' },
    ...p.roles.flatMap((role, i) => [
      { fg: role, bg: p.paper, min: text, where: `role ${i} headings` },
      { fg: role, bg: p.tint, min: text, where: `role ${i} card titles in the report` },
      { fg: p.onRole, bg: role, min: text, where: `role ${i} chips and chart counts` },
      { fg: role, bg: p.paper, min: AA_LARGE, where: `role ${i} chart bars` },
    ]),
    { fg: p.onOverlapAll, bg: p.overlapAll, min: text, where: 'counts on "shared by all" bars' },
    { fg: p.onOverlapSome, bg: p.overlapSome, min: text, where: 'counts on "shared by some" bars' },
    { fg: p.overlapAll, bg: p.paper, min: AA_LARGE, where: '"shared by all" bars' },
    { fg: p.overlapSome, bg: p.paper, min: AA_LARGE, where: '"shared by some" bars' },
  ];
}

/** A theme's palette with a brand accent in place of its own, shaded until it reads as text there. */
export function brandedPalette(theme: Theme, accent: string | undefined): Palette {
  if (accent === undefined) return theme.palette;
  return { ...theme.palette, accent: textSafe(normaliseHex(accent), theme.palette.paper, theme.minText) };
}

function declarations(p: Palette): string {
  const vars: [string, string][] = [
    ['paper', p.paper],
    ['ink', p.ink],
    ['muted', p.muted],
    ['rule', p.rule],
    ['tint', p.tint],
    ['accent', p.accent],
    ['code-bg', p.codeBg],
    ...p.roles.map((c, i): [string, string] => [`role-${i}`, c]),
    ['on-role', p.onRole],
    ['overlap-all', p.overlapAll],
    ['on-overlap-all', p.onOverlapAll],
    ['overlap-some', p.overlapSome],
    ['on-overlap-some', p.onOverlapSome],
  ];
  // Colours pass through normaliseHex, which throws on anything but a hex colour: nothing else
  // (no `;`, no `}`) can reach the style sheet from a brand accent.
  return vars.map(([name, value]) => `--${name}: ${normaliseHex(value)};`).join(' ');
}

/**
 * The custom properties of a page in `theme`: its palette on screen, its print theme's palette
 * when printed, the brand accent in both. "Printed" is `@media print` (Chromium's PDF printing)
 * and also reveal's print view (`html.print-pdf`, set by `?print-pdf`): reveal copies the
 * viewport's background, as computed on screen, into every PDF page, so the print palette must
 * already apply there.
 */
export function themeCss(name: ThemeName, accent?: string): string {
  const theme = THEME_TABLE[name];
  const print = THEME_TABLE[theme.print];
  const root = `:root[data-theme="${name}"]`;
  const printed = `${declarations(brandedPalette(print, accent))} color-scheme: ${print.scheme};`;
  return (
    `${root} { ${declarations(brandedPalette(theme, accent))} color-scheme: ${theme.scheme}; }\n` +
    `${root}.print-pdf { ${printed} }\n` +
    `@media print { ${root} { ${printed} } }\n`
  );
}

/** What a template needs to draw a page in a theme: the name for `data-theme`, the CSS above. */
export interface ThemeView {
  name: ThemeName;
  css: string;
}

export function themeView(name: ThemeName, accent?: string): ThemeView {
  return { name, css: themeCss(name, accent) };
}

/** A deck's branding as templates draw it; every key present (templates compile in strict mode). */
export interface BrandView {
  /** The accent as validated; each page shades it for its own theme. */
  accent: string | undefined;
  /** Where the logo is loaded from, relative to the deck folder. */
  logo: string | undefined;
  footer: string | undefined;
  /** Whether slides draw the bottom band (a logo or a footer). */
  band: boolean;
}

export function brandView(brand: Brand | undefined): BrandView {
  const logo = brand?.logo && assetHref(brand.logo.asset);
  const footer = brand?.footer;
  return { accent: brand?.accent, logo, footer, band: logo !== undefined || footer !== undefined };
}
