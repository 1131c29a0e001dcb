import { stringify } from 'yaml';

/** A value as one line of YAML, quoted when it has to be (`: `, `#`, quotes, `yes`, `1.0`...). */
export function yamlValue(value: string | readonly string[]): string {
  return stringify(value, { lineWidth: 0, collectionStyle: 'flow', flowCollectionPadding: false }).trimEnd();
}

/** Lines longer than this keep their comment close instead of pushing the column to the right. */
const ALIGN_UP_TO = 40;

/** `key: value` lines with their comments lined up in one column. */
export function commentedLines(rows: readonly (readonly [code: string, comment?: string])[]): string[] {
  const aligned = rows.filter(([code, c]) => c !== undefined && code.length <= ALIGN_UP_TO).map(([code]) => code.length);
  const width = Math.max(0, ...aligned) + 2;
  return rows.map(([code, note]) => (note === undefined ? code : `${code.length <= ALIGN_UP_TO ? code.padEnd(width) : `${code}  `}# ${note}`));
}
