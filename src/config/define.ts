import type { OutputChoice, ThemeName } from '../model/index.js';
import type { LabelOverrides } from '../model/labels.js';

/**
 * careerdeck.config.json, .ts, .mjs or .js. Paths are relative to the config file. Precedence:
 * command-line flags, then a deck's front matter, then this file, then the defaults.
 */
export interface CareerdeckConfig {
  /** Folder with roles/ and decks/. Default "content". */
  content?: string;
  /** Where the <deck>/ folders are written. Default "output". */
  out?: string;
  /** A templates folder to use instead of careerdeck's own. */
  templates?: string;
  /** Chromium or Chrome to print with. */
  browser?: string;
  /** Bound on each browser wait, in milliseconds. Default 30000. */
  timeout?: number;
  /** false: write the HTML decks only. Default true. */
  pdf?: boolean;
  /** Theme of decks that do not choose one. Default "light". */
  theme?: ThemeName;
  /** Branding of decks that do not set it (key by key: a deck's own accent wins over this one). */
  brand?: { accent?: string; logo?: string; footer?: string };
  /** Paper of decks that do not choose one. Default: Letter for a language of the US, Canada, Mexico or the Philippines (`en-US`), else A4. */
  paper?: 'A4' | 'Letter';
  /** Handout layout of decks that do not choose one. Default 3 slides a page. */
  handout?: { perPage: 1 | 2 | 3 | 4 | 6 };
  /** Language of decks that do not choose one. Default "en". */
  lang?: string;
  /** Direction of decks that do not choose one: "rtl", "ltr", or "auto" (the default: from the language). */
  dir?: 'ltr' | 'rtl' | 'auto';
  /** Built-in labels reworded for every deck (`{ sources: "Further reading" }`); a deck's own win key by key. */
  labels?: LabelOverrides;
  /** PDFs of decks that do not choose them. Default all. */
  outputs?: OutputChoice[];
}

/** Types a config file: `export default defineConfig({ theme: 'dark' })`. */
export function defineConfig(config: CareerdeckConfig): CareerdeckConfig {
  return config;
}
