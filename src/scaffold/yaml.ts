import { isDeepStrictEqual } from 'node:util';
import { parse, stringify } from 'yaml';

/**
 * A value as one line of YAML, quoted when it has to be (`: `, `#`, quotes, `true`, `1.0`...).
 * The yaml package's choice is kept only if it reads back the same followed by a comment, as it
 * is written; otherwise (`---` left plain, say) it is double-quoted, which JSON syntax is.
 */
export function yamlValue(value: string | readonly string[]): string {
  const text = stringify(value, { lineWidth: 0, collectionStyle: 'flow', flowCollectionPadding: false }).trimEnd();
  return !text.includes('\n') && readsBack(text, value) ? text : JSON.stringify(value);
}

function readsBack(text: string, value: unknown): boolean {
  try {
    return isDeepStrictEqual(parse(`key: ${text}  # comment\n`, { schema: 'core', strict: true })?.key, value);
  } catch {
    return false;
  }
}

/** Lines longer than this keep their comment close instead of pushing the column to the right. */
const ALIGN_UP_TO = 40;

/** `key: value` lines with their comments lined up in one column. */
export function commentedLines(rows: readonly (readonly [code: string, comment?: string])[]): string[] {
  const aligned = rows
    .filter(([code, c]) => c !== undefined && code.length <= ALIGN_UP_TO)
    .map(([code]) => code.length);
  const width = Math.max(0, ...aligned) + 2;
  return rows.map(([code, note]) =>
    note === undefined ? code : `${code.length <= ALIGN_UP_TO ? code.padEnd(width) : `${code}  `}# ${note}`,
  );
}
