import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import { main } from '../../src/cli/main.js';
import { ContentError } from '../../src/errors.js';
import { digestTree } from '../support/files.js';
import { tempProject, type TempProject } from '../support/project.js';
import { copySharedBuild } from '../support/shared-build.js';

const SLUG = 'ml-engineer-vs-ai-scientist';
let project: TempProject;

beforeAll(async () => {
  project = await tempProject('failures');
  // The previous outputs a failed build must leave alone: the run's build of this content.
  await copySharedBuild('default', project.out);
}, 240_000);

afterAll(async () => {
  if (project) await rm(project.dir, { recursive: true, force: true });
});

describe('a build that fails', () => {
  it('names the file and line of a malformed role file, exits 1 and leaves the previous outputs byte-identical', async () => {
    const before = await digestTree(project.out);
    expect(Object.keys(before)).toContain(path.join(SLUG, `${SLUG}-report.pdf`));
    const role = path.join(project.content, 'roles', 'ai-scientist.md');
    const text = await readFile(role, 'utf8');
    await writeFile(role, text.replace('title: AI Scientist', 'title: "AI Scientist'));
    try {
      const lines: string[] = [];
      const status = await main(['build', '--content', project.content, '--out', project.out], {
        err: (l) => lines.push(l),
      });

      expect(status).toBe(1);
      expect(lines.join('\n')).toMatch(/content[/\\]roles[/\\]ai-scientist\.md:2:\d+: front matter is not valid YAML/);
      expect(await digestTree(project.out)).toEqual(before);
    } finally {
      await writeFile(role, text);
    }
  });

  it('reports every problem of every file in one run', async () => {
    const roles = path.join(project.content, 'roles');
    const mle = await readFile(path.join(roles, 'machine-learning-engineer.md'), 'utf8');
    const ais = await readFile(path.join(roles, 'ai-scientist.md'), 'utf8');
    await writeFile(
      path.join(roles, 'machine-learning-engineer.md'),
      mle.replace('title: Machine Learning Engineer\n', ''),
    );
    await writeFile(
      path.join(roles, 'ai-scientist.md'),
      ais.replace('## Industries\n', '## Industries\n\n## Empty one\n'),
    );
    try {
      const error = await build({ contentDir: project.content, outDir: project.out, pdf: false }).catch(
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(ContentError);
      const where = (error as ContentError).diagnostics.map((d) => `${path.basename(d.file)}:${d.line}`);
      expect(where).toEqual(
        expect.arrayContaining(['machine-learning-engineer.md:2', expect.stringMatching(/^ai-scientist\.md:\d+$/)]),
      );
      expect((error as ContentError).message).toContain('"title" is required');
    } finally {
      await writeFile(path.join(roles, 'machine-learning-engineer.md'), mle);
      await writeFile(path.join(roles, 'ai-scientist.md'), ais);
    }
  });

  it('exits 3 with install instructions when the browser does not exist, writing nothing', async () => {
    const before = await digestTree(project.out);
    const lines: string[] = [];
    const status = await main(
      ['build', '--content', project.content, '--out', project.out, '--browser', '/nonexistent/chromium'],
      { err: (l) => lines.push(l) },
    );
    expect(status).toBe(3);
    expect(lines.join('\n')).toContain('--browser is set to /nonexistent/chromium, which does not exist');
    expect(await digestTree(project.out)).toEqual(before);
  });

  it('exits 2 on wrong usage and on an unknown deck', async () => {
    const quiet = { err: () => undefined };
    expect(await main(['build', '--frobnicate'], quiet)).toBe(2);
    expect(
      await main(['build', '--content', project.content, '--out', project.out, '--deck', 'nope', '--no-pdf'], quiet),
    ).toBe(2);
  });
});

describe('an HTML-only build', () => {
  it('starts no browser', async () => {
    const result = await build({ contentDir: project.content, outDir: project.out, pdf: false, force: true });
    expect(result.browserLaunches).toBe(0);
    expect(result.decks[0]?.outputs.map((o) => path.basename(o.file))).toEqual(['index.html']);
  });
});
