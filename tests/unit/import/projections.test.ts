import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ContentError } from '../../../src/errors.js';
import { readProjections } from '../../../src/import/index.js';

const FIXTURE = path.resolve('tests/fixtures/import/projections.csv');
let dir: string;
afterAll(async () => dir && rm(dir, { recursive: true, force: true }));

async function damaged(change: (text: string) => string): Promise<string> {
  dir ??= await mkdtemp(path.join(tmpdir(), 'bls-'));
  const file = path.join(dir, `p${Math.random().toString(36).slice(2)}.csv`);
  await writeFile(file, change(await readFile(FIXTURE, 'utf8')));
  return file;
}

describe('readProjections', () => {
  it('reads growth, the period from the header, and the median wage with its year', async () => {
    const table = await readProjections(FIXTURE);
    expect(table.get('15-2051')).toMatchObject({
      title: 'Data scientists',
      line: 6,
      outlook: { growth: 33.5, period: '2024-2034', group: 'Data scientists' },
      pay: { amount: 112590, currency: 'USD', year: 2024 },
    });
    // Top-coded wages (">=239,200") are not a median: no pay.
    expect(table.get('11-1011')?.pay).toBeUndefined();
    expect(table.get('11-1011')?.outlook.growth).toBe(-2.4);
  });

  it('refuses a header without the percent change column, naming both lists', async () => {
    const file = await damaged((t) => t.replace('Employment change, percent, 2024–34', 'Change'));
    const error = await readProjections(file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ContentError);
    expect((error as Error).message).toMatch(
      /:1:.*lacks "Employment change, percent"; expected the columns National Employment Matrix title \| National Employment Matrix code \| Employment change, percent \| Median annual wage; found 2024 National Employment Matrix title \|/,
    );
  });

  it('refuses a truncated row at its line', async () => {
    const file = await damaged((t) => t.replace(/"Statisticians".*\n/, '"Statisticians","15-2041","Line item"\n'));
    const error = await readProjections(file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ContentError);
    expect((error as Error).message).toMatch(/p\w+\.csv:5:.*truncated/);
  });
});
