import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { onetSource, type Projection, readProjections, refreshRoles } from '../../../src/import/index.js';
import { lines, roleFile } from '../source-files.js';

let projections: Map<string, Projection>;
beforeAll(async () => {
  projections = await readProjections(path.resolve('tests/fixtures/import/projections.csv'));
});

const engineer = lines(
  '---',
  "# The adviser's comment stays.",
  'title: Machine Learning Engineer',
  'summary: Builds ML systems. # and this one',
  'outlook:',
  '  growth: 22',
  '  period: "2019-2029" # quoted as written',
  '  group: Software developers (includes machine learning engineers)',
  '  source: U.S. Bureau of Labor Statistics',
  'soc: 15-1252.00',
  'sources:',
  '  - title: O*NET 29.1 Database',
  '    date: "29.1"',
  '---',
  '',
  '## Definition',
  '',
  'Prose the adviser wrote: 22 percent, never touched.',
);

describe('refreshRoles', () => {
  it('updates the figures only, keeping comments, quoting, the group label and the body', () => {
    const [changed] = refreshRoles([roleFile('machine-learning-engineer', engineer)], { projections });
    expect(changed?.changes.map((c) => [c.field, c.old, c.new])).toEqual([
      ['outlook.growth', '22', '16'],
      ['outlook.period', '2019-2029', '2024-2034'],
      ['outlook.source', 'U.S. Bureau of Labor Statistics', 'U.S. Bureau of Labor Statistics, Employment Projections'],
      ['pay.amount', '(none)', '133080'],
      ['pay.currency', '(none)', 'USD'],
      ['pay.year', '(none)', '2024'],
      ['pay.area', '(none)', 'United States'],
      ['pay.source', '(none)', 'U.S. Bureau of Labor Statistics, Employment Projections'],
    ]);
    const text = changed!.text;
    expect(text).toContain("# The adviser's comment stays.\n");
    expect(text).toContain('summary: Builds ML systems. # and this one\n');
    expect(text).toContain('  period: "2024-2034" # quoted as written\n');
    expect(text).toContain('  group: Software developers (includes machine learning engineers)\n');
    expect(text).toContain('  growth: 16\n');
    expect(text.endsWith('## Definition\n\nProse the adviser wrote: 22 percent, never touched.\n')).toBe(true);
  });

  it('brings the O*NET source entry to the release given with --onet', () => {
    const [changed] = refreshRoles([roleFile('machine-learning-engineer', engineer)], { onet: onetSource('30.0') });
    expect(changed?.changes.map((c) => [c.field, c.old, c.new])).toEqual([
      ['sources.0.title', 'O*NET 29.1 Database', 'O*NET 30.0 Database'],
    ]);
    expect(changed?.text).toContain('date: "30.0"');
  });

  it('leaves alone a role without a code, and one already up to date', () => {
    const once = refreshRoles([roleFile('machine-learning-engineer', engineer)], { projections })[0]!.text;
    expect(refreshRoles([roleFile('machine-learning-engineer', once)], { projections })).toEqual([]);
    expect(refreshRoles([roleFile('other', engineer.replace('soc: 15-1252.00\n', ''))], { projections })).toEqual([]);
  });
});
