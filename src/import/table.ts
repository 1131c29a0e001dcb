import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { parse } from 'csv-parse';
import { CareerdeckError, ContentError } from '../errors.js';

/** A data row by column name. */
export type Row = Readonly<Record<string, string | undefined>>;

/** A file that is not there: usage (exit 2), naming what to download or which folder to pass. */
export async function requireFile(file: string, hint: string): Promise<void> {
  const found = await stat(file).catch(() => undefined);
  if (!found?.isFile()) throw new CareerdeckError('USAGE', `${file}: not found; ${hint}`);
}

/** A header lacking columns: refused, naming the file, the columns expected and those found. */
export function headerError(
  file: string,
  expected: readonly string[],
  found: readonly string[],
  missing = expected.filter((c) => !found.includes(c)),
): ContentError {
  return new ContentError([
    {
      file,
      line: 1,
      message: `the header lacks ${missing.map((c) => `"${c}"`).join(', ')}; expected the columns ${expected.join(' | ')}; found ${found.join(' | ')} (is this file from another release? see docs/data.md)`,
    },
  ]);
}

/**
 * Streams a tab-delimited O*NET file (UTF-8, a header row, no quoting), line by line: a file of
 * tens of MB is never held whole. Rows are handed to `keep` as they come; a row with fewer fields
 * than the header (a truncated download) is an error at its line.
 */
export async function streamTsv(
  file: string,
  expected: readonly string[],
  keep: (row: Row, line: number) => void,
): Promise<void> {
  const lines = createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
  let header: string[] | undefined;
  let n = 0;
  for await (const text of lines) {
    n++;
    const line = n === 1 ? text.replace(/^\uFEFF/, '') : text;
    if (header === undefined) {
      header = line.split('\t').map((c) => c.trim());
      if (!expected.every((c) => header!.includes(c))) throw headerError(file, expected, header);
      continue;
    }
    if (line.trim() === '') continue;
    const fields = line.split('\t');
    if (fields.length < header.length) {
      throw new ContentError([
        {
          file,
          line: n,
          message: `has ${fields.length} of the ${header.length} tab-separated fields the header names; the file looks truncated: download it again`,
        },
      ]);
    }
    const row: Record<string, string> = {};
    header.forEach((name, i) => (row[name] = fields[i] ?? ''));
    keep(row, n);
  }
  if (header === undefined) throw new ContentError([{ file, line: 1, message: 'is empty; download it again' }]);
}

/**
 * Streams a CSV file (the BLS and ESCO downloads: quoted fields, commas inside them) through
 * csv-parse. `columns` picks the header names it needs (by exact name or by a pattern); a header
 * missing one is refused with both lists.
 */
export async function streamCsv(
  file: string,
  wanted: Readonly<Record<string, { label: string; match: RegExp }>>,
  keep: (row: Row, line: number, header: Readonly<Record<string, string>>) => void,
): Promise<void> {
  const parser = createReadStream(file).pipe(
    parse({ bom: true, relax_column_count: false, skip_empty_lines: true, info: true }),
  );
  let names: Record<string, number> | undefined;
  let found: Record<string, string> = {};
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      if (names === undefined) {
        const header = record.map((c) => c.trim());
        names = {};
        found = {};
        for (const [key, { match }] of Object.entries(wanted)) {
          const index = header.findIndex((h) => match.test(h));
          if (index >= 0) {
            names[key] = index;
            found[key] = header[index]!;
          }
        }
        const expected = Object.values(wanted).map((w) => w.label);
        const lacking = Object.entries(wanted)
          .filter(([key]) => names![key] === undefined)
          .map(([, w]) => w.label);
        if (lacking.length > 0) throw headerError(file, expected, header, lacking);
        continue;
      }
      const row: Record<string, string> = {};
      for (const [key, index] of Object.entries(names)) row[key] = record[index]?.trim() ?? '';
      keep(row, info.lines, found);
    }
  } catch (error) {
    if (error instanceof CareerdeckError) throw error;
    const at = (error as { lines?: number }).lines;
    throw new ContentError([
      {
        file,
        line: at ?? 1,
        message: `is not readable CSV (${(error as Error).message.replace(/^Invalid Record Length: /, '')}); the file looks truncated or damaged: download it again`,
      },
    ]);
  }
  if (names === undefined) throw new ContentError([{ file, line: 1, message: 'is empty; download it again' }]);
}
