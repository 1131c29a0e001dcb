import { closest, distance } from 'fastest-levenshtein';
import type { Diagnostic, SourceLocation } from '../errors.js';
import { LABEL_KEYS, type LabelKey, type LabelOverrides, resolveLabels } from '../model/labels.js';

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
    if ((LABEL_KEYS as readonly string[]).includes(key)) {
      known[key as LabelKey] = text;
      const slotProblem = slotMismatch(key as LabelKey, text);
      if (slotProblem)
        diagnostics.push({ ...at(key), ...(severity === 'warning' ? { severity } : {}), message: slotProblem });
    } else
      diagnostics.push({
        ...at(key),
        ...(severity === 'warning' ? { severity } : {}),
        message: `"labels.${key}" is not a known label, so it changes nothing;${nearest(key)} the labels are listed in docs/languages.md`,
      });
  }
  return { labels: known, diagnostics };
}

const ENGLISH = resolveLabels('en');
const slotsOf = (text: string) => new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? ''));

/**
 * A reworded label keeps the English label's `{slots}`: one left out loses what it shows (the
 * page number, the role's name), and one the label has not is printed as written.
 */
function slotMismatch(key: LabelKey, text: string): string | undefined {
  const wanted = slotsOf(ENGLISH[key]);
  const given = slotsOf(text);
  const unknown = [...given].filter((slot) => !wanted.has(slot));
  const missing = [...wanted].filter((slot) => !given.has(slot));
  const list = (slots: string[]) => slots.map((slot) => `{${slot}}`).join(', ');
  if (unknown.length > 0)
    return `"labels.${key}" has ${list(unknown)}, which this label does not fill, so it prints as written; ${wanted.size > 0 ? `its slots are ${list([...wanted])}` : 'it has no slots'}`;
  if (missing.length > 0)
    return `"labels.${key}" leaves out ${list(missing)}, so what ${missing.length > 1 ? 'they show' : 'it shows'} is lost; write ${list(missing)} where it belongs, as in "${ENGLISH[key]}"`;
  return undefined;
}

function nearest(key: string): string {
  const best = closest(key, [...LABEL_KEYS]);
  const close =
    distance(key.toLowerCase(), best.toLowerCase()) <= Math.max(2, Math.floor(best.length / 3)) ||
    best.toLowerCase().startsWith(key.toLowerCase());
  return close ? ` did you mean "${best}"?` : '';
}
