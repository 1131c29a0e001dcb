import type { Labels } from '../model/labels.js';
import { cssString, withoutEmoji } from './helpers.js';

/**
 * "Page {page} of {pages}" as the value of an @page margin box's `content`: the words as CSS
 * strings (escaped: a label may come from a deck's `labels:`), the numbers as Chromium's page
 * counters. `"Seite " counter(page) " von " counter(pages)`. Emoji are left out, as in every margin box.
 */
export function pageNumbers(labels: Pick<Labels, 'pageOfPages'>): string {
  return labels.pageOfPages
    .split(/(\{page\}|\{pages\})/)
    .filter((part) => part !== '')
    .map((part) =>
      part === '{page}' ? 'counter(page)' : part === '{pages}' ? 'counter(pages)' : cssString(withoutEmoji(part)),
    )
    .join(' ');
}
