import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** careerdeck's own folder (the one with its package.json, templates/ and node_modules/). */
export const PACKAGE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The one place for each default folder; flags and the config file override them. */
export const DEFAULT_CONTENT_DIR = 'content';
export const DEFAULT_OUT_DIR = 'output';
/** Years after which `check` calls a figure stale, counted from the deck's date (deck and config key `staleAfter`). */
export const DEFAULT_STALE_AFTER_YEARS = 3;
export const DEFAULT_TEMPLATES_DIR = path.join(PACKAGE_ROOT, 'templates');

/**
 * Where build state lives: outside the deck folders, which hold only what a presenter hands out.
 * `node_modules/.cache/careerdeck` of the project around `cwd` (the convention of Babel, ESLint
 * and Vite), else careerdeck's own.
 */
export function defaultCacheDir(cwd: string = process.cwd()): string {
  for (let dir = path.resolve(cwd); ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json'))) return path.join(dir, 'node_modules', '.cache', 'careerdeck');
    if (path.dirname(dir) === dir) return path.join(PACKAGE_ROOT, 'node_modules', '.cache', 'careerdeck');
  }
}
