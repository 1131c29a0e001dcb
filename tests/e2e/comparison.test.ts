import { existsSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, type BuildResult } from '../../src/build.js';
import { ContentError } from '../../src/errors.js';
import { PROJECT_ROOT } from '../support/content.js';
import { copyFixture } from '../support/fixtures.js';
import { readPdf } from '../support/pdf.js';

const scratch: string[] = [];
afterAll(async () => {
  await Promise.all(scratch.map((dir) => rm(dir, { recursive: true, force: true })));
});

describe('a three-role deck on Letter paper', () => {
  let result: BuildResult;
  let out: string;

  beforeAll(async () => {
    const project = await copyFixture('three-roles');
    scratch.push(project.dir);
    out = path.join(project.out, 'three-roles');
    result = await build({ contentDir: project.content, outDir: project.out });
  });

  it('builds every output: deck, report, slides, handout and one fact sheet per role', () => {
    const names = result.decks[0]?.outputs.map((o) => path.basename(o.file)).sort();
    expect(names).toEqual(
      [
        'index.html',
        'three-roles-report.pdf',
        'three-roles-handout.pdf',
        'three-roles-notes.pdf',
        'three-roles-slides.pdf',
        'three-roles-data-engineer-factsheet.pdf',
        'three-roles-research-engineer-factsheet.pdf',
        'three-roles-ml-platform-engineer-factsheet.pdf',
      ].sort(),
    );
  });

  it('prints on Letter, the handout on ceil(slides / 3) pages, each fact sheet on one page', async () => {
    const pdf = async (name: string) => readPdf(await readFile(path.join(out, name)));
    const [report, handout, slides] = await Promise.all([pdf('three-roles-report.pdf'), pdf('three-roles-handout.pdf'), pdf('three-roles-slides.pdf')]);
    expect(report.size).toEqual({ width: 612, height: 792 });
    expect(handout.size).toEqual({ width: 612, height: 792 });
    expect(slides.pages).toBe(result.decks[0]?.slides);
    expect(handout.pages).toBe(Math.ceil(slides.pages / 3));
    for (const role of ['data-engineer', 'research-engineer', 'ml-platform-engineer']) {
      expect((await pdf(`three-roles-${role}-factsheet.pdf`)).pages).toBe(1);
    }
  });

  it('shows what all roles share, what some share and with whom, and what is unique', async () => {
    const report = await readPdf(await readFile(path.join(out, 'three-roles-report.pdf')));
    expect(report.text).toContain('All roles');
    expect(report.text).toContain('Some roles');
    expect(report.text).toMatch(/Kubernetes \(Data Engineer, ML Platform Eng\.\)/);
    expect(report.text).toContain('Only Research Eng.');
    expect(report.text).toContain('Distinct bold terms per section, by who has them.');
    const html = await readFile(path.join(out, 'index.html'), 'utf8');
    expect(html).toContain('class="chart overlap-chart"');
    expect(html).toMatch(/<desc id="overlap-desc">Responsibilities: 2 all roles, \d+ some roles/);
  });
});

describe('fitting', () => {
  it('fails naming the file and line of an item that cannot fit on any slide, writing nothing', async () => {
    const project = await copyFixture('oversized-item');
    scratch.push(project.dir);
    const line = Number((await readFile(path.join(PROJECT_ROOT, 'tests/fixtures/oversized-item/EXPECTED_LINE'), 'utf8')).trim());
    const error = await build({ contentDir: project.content, outDir: project.out }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ContentError);
    const [problem] = (error as ContentError).diagnostics;
    expect(problem).toMatchObject({ file: expect.stringMatching(/roles[/\\]alpha\.md$/), line });
    expect(problem?.message).toMatch(/alone does not fit on slide \d+ \("Responsibilities"\)/);
    expect(existsSync(project.out)).toBe(false);
  }, 90_000);

  it('fails naming the role file and its longest section when a fact sheet would need two pages', async () => {
    const project = await copyFixture('three-roles');
    scratch.push(project.dir);
    const file = path.join(project.content, 'roles', 'research-engineer.md');
    const text = await readFile(file, 'utf8');
    const extra = Array.from({ length: 60 }, (_, i) => `- Extra duty number ${i} for the **research** team`).join('\n');
    await writeFile(file, text.replace('## Responsibilities\n', `## Responsibilities\n\n${extra}\n`));
    const error = await build({ contentDir: project.content, outDir: project.out }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ContentError);
    const [problem] = (error as ContentError).diagnostics;
    expect(problem?.file).toMatch(/research-engineer\.md$/);
    expect(problem?.message).toMatch(/fact sheet of "Research Engineer" is \d+ mm longer than one Letter page; shorten section "Responsibilities"/);
  }, 90_000);
});
