import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runMain as run } from '../support/cli.js';
import { pdfToText } from '../support/poppler.js';
import { tempProject, type TempProject } from '../support/project.js';

/**
 * Draft -> check -> build: two roles drafted from the O*NET and BLS fixtures, checked while they
 * are drafts, then made ready and compared in a deck whose report shows the imported terms.
 */
const ONET = path.resolve('tests/fixtures/import/onet/db_30_0_text');
const PROJECTIONS = path.resolve('tests/fixtures/import/projections.csv');
let project: TempProject;
const runs: Record<string, { status: number; err: string }> = {};
let report = '';
let html = '';

beforeAll(async () => {
  project = await tempProject('import', {});
  const draft = (code: string) =>
    run(
      'new',
      'role',
      '--from',
      `onet:${code}`,
      '--data',
      ONET,
      '--projections',
      PROJECTIONS,
      '--content',
      project.content,
    );
  runs.scientist = await draft('15-2051.00');
  runs.developer = await draft('15-1252.00');
  await writeFile(
    path.join(project.content, 'decks', 'data-careers.md'),
    [
      '---',
      'title: Data careers',
      'roles: [data-scientists, software-developers]',
      'date: "2025-10-01"',
      'outputs: [report]',
      '---',
      '## Introduction',
      '',
      'Two data careers.',
      '',
    ].join('\n'),
  );
  runs.draftCheck = await run('check', '--content', project.content);
  for (const slug of ['data-scientists', 'software-developers']) {
    const file = path.join(project.content, 'roles', `${slug}.md`);
    await writeFile(file, (await readFile(file, 'utf8')).replace('draft: true\n', ''));
  }
  runs.check = await run('check', '--content', project.content);
  runs.build = await run('build', '--content', project.content, '--out', project.out);
  report = await pdfToText(path.join(project.out, 'data-careers', 'data-careers-report.pdf'));
  html = await readFile(path.join(project.out, 'data-careers', 'index.html'), 'utf8');
}, 240_000);
afterAll(async () => project?.remove());

describe('draft -> check -> build from the O*NET and BLS fixtures', () => {
  it('drafts both roles, which no deck shows until "draft: true" is removed', () => {
    expect(runs.scientist?.status).toBe(0);
    expect(runs.developer?.status).toBe(0);
    expect(runs.draftCheck?.status).toBe(1);
    expect(runs.draftCheck?.err).toContain('role "data-scientists" is a draft');
  });

  it('checks and builds the deck once the drafts are ready', () => {
    expect(runs.check?.status, runs.check?.err).toBe(0);
    expect(runs.build?.status, runs.build?.err).toBe(0);
  });

  it('shows the imported terms, figures with source and date, and the O*NET attribution in the report', () => {
    expect(report).toContain('Data Scientists');
    expect(report).toMatch(/Structured query language SQL/);
    expect(report).toContain('Reading Comprehension');
    expect(report).toContain(
      'Data scientists, 2024-2034, U.S. Bureau of Labor Statistics, Employment Projections; Software developers',
    );
    expect(report).toContain('$133,080 (2024, United States)');
    expect(report).toMatch(/O\*NET 30\.0 Database, U\.S\. Department of Labor.*CC BY 4\.0/);
    expect(report).toContain('Sources 1. U.S. Bureau of Labor Statistics, Employment Projections (2024-2034; 2024)');
  });

  it('compares the imported key terms: the overlap table and chart show Python as shared', () => {
    // Section, then what both have, then what only each has: the bold terms of the drafts.
    // The row's cells wrap over lines, which the text layer may give line by line across the
    // cells: the row starts with its section and the shared term, and holds each role's own terms.
    const row = report.slice(report.lastIndexOf('Tools and software Python '));
    expect(row).toMatch(/^Tools and software Python Structured query/);
    for (const term of ['language SQL', 'Tableau', 'Git', 'Amazon Web', 'R', 'TensorFlow', 'Java', 'Docker'])
      expect(row.slice(0, 200)).toContain(term);
    expect(report).toMatch(/What they share, what sets them apart .* Tools and software/);
    expect(html).toMatch(/<h2>Sources<\/h2>[\s\S]*O\*NET 30\.0 Database/);
  });
});
