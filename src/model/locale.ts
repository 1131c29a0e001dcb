import type { Paper } from './content.js';

/**
 * Regions that print on US Letter; everywhere else uses A4. Only a region written in the tag
 * counts (`en-US`, `es-MX`, `fr-CA`, `en-PH`): a bare language says nothing about where the
 * audience is, so `en`, `es` and every other bare tag keep A4, careerdeck's default so far.
 */
const LETTER_REGIONS = new Set(['US', 'CA', 'MX', 'PH']);

/** The paper a deck prints on when neither its front matter nor the config file sets `paper`. */
export function paperFor(lang: string): Paper {
  try {
    const region = new Intl.Locale(lang).region;
    return region !== undefined && LETTER_REGIONS.has(region) ? 'Letter' : 'A4';
  } catch {
    return 'A4';
  }
}
