import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runMain as run } from '../../support/cli.js';
import { digestTree } from '../../support/files.js';
import { tempProject, type TempProject } from '../../support/project.js';

const PROJECTIONS = path.resolve('tests/fixtures/import/projections.csv');
let project: TempProject | undefined;
afterEach(async () => project?.remove());

describe('careerdeck refresh', () => {
  it('prints an old -> new table per role and writes nothing without --write', async () => {
    project = await tempProject('refresh');
    const before = await digestTree(project.content);
    const dry = await run('refresh', '--projections', PROJECTIONS, '--content', project.content);
    expect(dry.status).toBe(0);
    expect(dry.err).toMatch(/machine-learning-engineer\.md\n {2}outlook\.growth +22 +-> 16\n/);
    expect(dry.err).toContain('2 role file(s) would change; run again with --write');
    expect(await digestTree(project.content)).toEqual(before);
  });

  it('writes the figures with --write, and the content still checks', async () => {
    project = await tempProject('refresh');
    const written = await run('refresh', '--projections', PROJECTIONS, '--write', '--content', project.content);
    expect(written.status, written.err).toBe(0);
    const role = await readFile(path.join(project.content, 'roles', 'ai-scientist.md'), 'utf8');
    expect(role).toContain('  growth: 19.1\n');
    expect(role).toContain('# SOC 2018 code');
    expect((await run('check', '--content', project.content)).status).toBe(0);
    const again = await run('refresh', '--projections', PROJECTIONS, '--content', project.content);
    expect(again.err).toContain('up to date');
  });

  it('is a usage error without a source of figures, and exit 2 for a missing table', async () => {
    project = await tempProject('refresh');
    expect((await run('refresh', '--content', project.content)).status).toBe(2);
    const missing = await run('refresh', '--projections', 'nowhere.csv', '--content', project.content);
    expect(missing.status).toBe(2);
    expect(missing.err).toContain('nowhere.csv: not found');
  });
});
