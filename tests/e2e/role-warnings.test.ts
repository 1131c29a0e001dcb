import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { displayPath } from '../../src/load/read.js';
import { runMain as run } from '../support/cli.js';
import { tempProject, type TempProject } from '../support/project.js';

// Issue 28: content that builds but is probably not meant, said at its line by check and build
// (tests/fixtures/probably-not-meant: a role with no bold keywords, two roles titled "Nurse").
let project: TempProject;
let check: Awaited<ReturnType<typeof run>>;
const role = (slug: string) => displayPath(path.join(project.content, 'roles', `${slug}.md`), process.cwd());

beforeAll(async () => {
  project = await tempProject('probably-not-meant', { fixture: 'probably-not-meant' });
  check = await run('check', '--content', project.content);
});
afterAll(() => project.remove());

describe('warnings for probably-not-meant roles', () => {
  it('names a role whose lists have no bold keywords, at its first list', () => {
    expect(check.err).toContain(`${role('paramedic')}:8: warning: "Paramedic" has no **bold** keywords`);
    expect(check.err).not.toMatch(/"Nurse" has no \*\*bold\*\*/);
  });

  it('names the second of two roles with the same title, at its title line, and the first', () => {
    expect(check.err).toContain(
      `${role('nurse-practitioner')}:2:8: warning: "Nurse" is also the title of ${role('nurse')}:2`,
    );
    expect(check.err).toContain('2 warnings (--strict makes them errors)');
    expect(check.status).toBe(0);
  });

  it('fails a strict build on them, writing nothing', async () => {
    const strict = await run('build', '--no-pdf', '--strict', '--content', project.content, '--out', project.out);
    expect(strict.status).toBe(1);
    expect(strict.err).toContain('"Paramedic" has no **bold** keywords');
  });
});
