import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CareerdeckError, ContentError } from '../../../src/errors.js';
import { importDraft, onetDraft } from '../../../src/import/index.js';

const FIXTURE = path.resolve('tests/fixtures/import/onet/db_30_0_text');
const PROJECTIONS = path.resolve('tests/fixtures/import/projections.csv');
const temps: string[] = [];
afterEach(async () => Promise.all(temps.splice(0).map((d) => rm(d, { recursive: true, force: true }))));

/** A copy of the fixture folder to damage. */
async function copy(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'onet-'));
  temps.push(dir);
  const folder = path.join(dir, 'db_30_0_text');
  await cp(FIXTURE, folder, { recursive: true });
  return folder;
}

async function failure(promise: Promise<unknown>): Promise<CareerdeckError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CareerdeckError);
  return error as CareerdeckError;
}

describe('onetDraft: good files', () => {
  it('reads title, description, core tasks by importance, skills and knowledge (IM), hot technologies and education', async () => {
    const draft = await onetDraft(FIXTURE, '15-2051.00');
    expect(draft.title).toBe('Data Scientists');
    expect(draft.soc).toBe('15-2051.00');
    const section = (heading: string) => draft.sections.find((s) => s.heading === heading);
    expect(section('Definition')?.paragraphs[0]).toMatch(/^Develop and implement a set of techniques/);
    const tasks = section('Responsibilities')!.items;
    expect(tasks).toHaveLength(8);
    expect(tasks[0]).toMatch(/^Apply feature selection algorithms/);
    // The supplemental task ranks after every core task.
    expect(tasks.join('\n')).not.toContain('Recommend data-driven solutions');
    const skills = section('Required skills')!.items;
    expect(skills[0]).toBe('**Reading Comprehension** (skill, importance 4.50 of 5)');
    expect(skills).toContain('**Computers and Electronics** (knowledge, importance 4.25 of 5)');
    expect(section('Tools and software')!.items.slice(0, 3)).toEqual([
      '**Python** (hot technology, in demand)',
      '**Structured query language SQL** (hot technology, in demand)',
      '**Tableau** (hot technology, in demand)',
    ]);
    expect(section('Tools and software')!.items.join()).not.toContain('Scikit-learn');
    expect(section('Education')!.items[0]).toBe("**Master's Degree** (42% of workers surveyed)");
    expect(draft.sources[0]).toMatchObject({ title: 'O*NET 30.0 Database', date: '30.0' });
    expect(draft.sources[0]?.licence).toMatch(/CC BY 4\.0/);
  });

  it('adds outlook and pay from the BLS projections by the 6-digit SOC code', async () => {
    const draft = await importDraft({ from: 'onet:15-1252.00', data: FIXTURE, projections: PROJECTIONS });
    expect(draft.outlook).toEqual({
      growth: 16,
      period: '2024-2034',
      group: 'Software developers',
      source: 'U.S. Bureau of Labor Statistics, Employment Projections',
    });
    expect(draft.pay).toMatchObject({ amount: 133080, currency: 'USD', year: 2024, area: 'United States' });
  });
});

describe('onetDraft: bad input', () => {
  it('refuses a folder that is not the text database (usage, exit 2)', async () => {
    const error = await failure(onetDraft(path.resolve('tests/fixtures/import'), '15-2051.00'));
    expect(error.exitCode).toBe(2);
    expect(error.message).toMatch(/Occupation Data\.txt: not found; --data must be the unpacked O\*NET text database/);
  });

  it('names a missing file', async () => {
    const folder = await copy();
    await rm(path.join(folder, 'Technology Skills.txt'));
    const error = await failure(onetDraft(folder, '15-2051.00'));
    expect(error.message).toContain(`${path.join(folder, 'Technology Skills.txt')}: not found`);
  });

  it('suggests the nearest codes and titles for an unknown code', async () => {
    const error = await failure(onetDraft(FIXTURE, '15-2052.00'));
    expect(error.exitCode).toBe(2);
    expect(error.message).toMatch(
      /onet:15-2052\.00 is not in .*Occupation Data\.txt; the nearest codes: 15-2051\.00 Data Scientists/,
    );
  });

  it('refuses a header lacking a column, naming the file, the expected and the found columns', async () => {
    const folder = await copy();
    const file = path.join(folder, 'Skills.txt');
    const text = await readFile(file, 'utf8');
    await writeFile(file, text.replace('Scale ID', 'Scale'));
    const error = await failure(onetDraft(folder, '15-2051.00'));
    expect(error).toBeInstanceOf(ContentError);
    expect(error.exitCode).toBe(1);
    expect(error.message).toContain(`${file}:1`);
    expect(error.message).toMatch(
      /lacks "Scale ID"; expected the columns O\*NET-SOC Code \| Element Name \| Scale ID \| Data Value; found O\*NET-SOC Code \| Title \| Element ID \| Element Name \| Scale \|/,
    );
  });

  it('refuses a truncated row at its line', async () => {
    const folder = await copy();
    const file = path.join(folder, 'Task Ratings.txt');
    const lines = (await readFile(file, 'utf8')).split('\n');
    lines[3] = lines[3]!.split('\t').slice(0, 5).join('\t');
    await writeFile(file, lines.join('\n'));
    const error = await failure(onetDraft(folder, '15-2051.00'));
    expect(error.message).toContain(`${file}:4`);
    expect(error.message).toMatch(/has 5 of the 15 tab-separated fields.*truncated/);
  });

  it('refuses a source other than onet: or esco:, and --from without --data', async () => {
    expect((await failure(importDraft({ from: 'soc:15-2051', data: FIXTURE }))).message).toMatch(/--from must be/);
    expect((await failure(importDraft({ from: 'onet:15-2051.00' }))).message).toMatch(/needs --data/);
  });
});
