import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CareerdeckError, ContentError } from '../../../src/errors.js';
import { escoDraft } from '../../../src/import/esco.js';

const folder = (lang: string) =>
  path.resolve(`tests/fixtures/import/esco/ESCO dataset - v1.2.0 - classification - ${lang} - csv`);

describe('escoDraft', () => {
  it('reads label, description, essential skills in bold and optional skills, by ESCO code', async () => {
    const draft = await escoDraft(folder('en'), '2511.4');
    expect(draft.title).toBe('data scientist');
    expect(draft.esco).toBe('http://data.europa.eu/esco/occupation/o-ds');
    const items = (heading: string) => draft.sections.find((s) => s.heading === heading)?.items;
    expect(items('Required skills')).toEqual([
      '**Python (computer programming)**',
      '**machine learning**',
      '**data mining**',
      '**statistics**',
    ]);
    expect(items('Optional skills')).toEqual(['deliver visual presentation of data', 'SQL']);
    expect(draft.sources[0]).toMatchObject({ title: 'ESCO 1.2.0, en', publisher: 'European Commission' });
  });

  it('reads another language, by concept URI', async () => {
    const draft = await escoDraft(folder('de'), 'http://data.europa.eu/esco/occupation/o-ds');
    expect(draft.title).toBe('Data Scientist');
    expect(draft.summary).toMatch(/^Data Scientists ermitteln .* zusammen\.$/);
    expect(draft.sections.find((s) => s.heading === 'Required skills')?.items).toContain('**maschinelles Lernen**');
  });

  it('lists the occupations of an ISCO group that names several, and the nearest for an unknown code', async () => {
    const several = await escoDraft(folder('en'), '2511').catch((e: unknown) => e);
    expect(several).toBeInstanceOf(CareerdeckError);
    expect((several as Error).message).toMatch(
      /esco:2511 names 2 occupations .*choose one: 2511\.4 data scientist; 2511\.1 ICT system analyst/,
    );
    const unknown = await escoDraft(folder('en'), '2511.9').catch((e: unknown) => e);
    expect((unknown as CareerdeckError).exitCode).toBe(2);
    expect((unknown as Error).message).toMatch(
      /is not in .*the nearest: 2511\.4 data scientist; 2511\.1 ICT system analyst/,
    );
  });

  it('refuses a relations file without relationType, naming the columns', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'esco-'));
    try {
      const copy = path.join(dir, 'ESCO dataset - v1.2.0 - classification - en - csv');
      await cp(folder('en'), copy, { recursive: true });
      const file = path.join(copy, 'occupationSkillRelations_en.csv');
      await writeFile(file, (await readFile(file, 'utf8')).replace('"relationType"', '"relation"'));
      const error = await escoDraft(copy, '2511.4').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ContentError);
      expect((error as Error).message).toContain(`${file}:1`);
      expect((error as Error).message).toMatch(
        /lacks "relationType"; expected the columns occupationUri \| relationType \| skillUri; found occupationUri \| occupationLabel \| relation \|/,
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
