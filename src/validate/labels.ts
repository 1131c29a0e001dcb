import { closest, distance } from 'fastest-levenshtein';
import type { Diagnostic, SourceLocation } from '../errors.js';
import { LABEL_KEYS, type LabelKey, type LabelOverrides } from '../model/labels.js';

/**
 * `labels:` of a deck or the config file: the known keys kept, each unknown one a problem at its
 * line with the closest known key (a misspelt key would otherwise change nothing in silence).
 * The values are plain text, checked by the schema and escaped by the templates.
 */
export function checkLabels(
  labels: Readonly<Record<string, string>> | undefined,
  at: (key: string) => SourceLocation,
  severity: 'warning' | 'error' = 'warning',
): { labels: LabelOverrides; diagnostics: Diagnostic[] } {
  const known: LabelOverrides = {};
  const diagnostics: Diagnostic[] = [];
  for (const [key, text] of Object.entries(labels ?? {})) {
    if ((LABEL_KEYS as readonly string[]).includes(key)) known[key as LabelKey] = text;
    else
      diagnostics.push({
        ...at(key),
        ...(severity === 'warning' ? { severity } : {}),
        message: `"labels.${key}" is not a known label, so it changes nothing;${nearest(key)} the labels are listed in docs/languages.md`,
      });
  }
  return { labels: known, diagnostics };
}

function nearest(key: string): string {
  const best = closest(key, [...LABEL_KEYS]);
  const close =
    distance(key.toLowerCase(), best.toLowerCase()) <= Math.max(2, Math.floor(best.length / 3)) ||
    best.toLowerCase().startsWith(key.toLowerCase());
  return close ? ` did you mean "${best}"?` : '';
}
