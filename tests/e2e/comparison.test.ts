import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, type BuildResult } from '../../src/build.js';
import { PROJECT_ROOT } from '../support/content.js';
import { readPdf } from '../support/pdf.js';
import { tempProject } from '../support/project.js';
import { sharedBuild } from '../support/shared-build.js';
import { fileSession } from '../support/session.js';

const scratch: string[] = [];
afterAll(async () => {
  await Promise.all(scratch.map((dir) => rm(dir, { recursive: true, force: true })));
});

describe('a three-role deck on Letter paper', () => {
  let deck: BuildResult['decks'][number];
  let out: string;

  beforeAll(async () => {
    // The fixture's deck as the run's accessibility build made it, beside the default decks.
    const { result } = await sharedBuild('accessibility');
    deck = result.decks.find((d) => d.slug === 'three-roles')!;
    out = deck.dir;
  }, 240_000);

  it('builds every output: deck, report, slides, handout and one fact sheet per role', () => {
    const names = deck.outputs.map((o) => path.basename(o.file)).sort();
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
        'three-roles.pptx',
        'three-roles.html',
      ].sort(),
    );
  });

  it('prints on Letter, the handout on ceil(slides / 3) pages, each fact sheet on one page', async () => {
    const pdf = async (name: string) => readPdf(await readFile(path.join(out, name)));
    const [report, handout, slides] = await Promise.all([
      pdf('three-roles-report.pdf'),
      pdf('three-roles-handout.pdf'),
      pdf('three-roles-slides.pdf'),
    ]);
    expect(report.size).toEqual({ width: 612, height: 792 });
    expect(handout.size).toEqual({ width: 612, height: 792 });
    expect(slides.pages).toBe(deck.slides);
    expect(handout.pages).toBe(Math.ceil(slides.pages / 3));
    for (const role of ['data-engineer', 'research-engineer', 'ml-platform-engineer']) {
      expect((await pdf(`three-roles-${role}-factsheet.pdf`)).pages).toBe(1);
    }
  });

  it('shows what all roles share, what some share and with whom, and what is unique', async () => {
    const report = await readPdf(await readFile(path.join(out, 'three-roles-report.pdf')));
    expect(report.text).toContain('All roles');
    expect(report.text).toContain('Some roles');
    // The report's narrow table cells hyphenate ("Data Engi- neer" in the text): read them joined.
    const joined = report.text.replace(/(\p{Ll})- (\p{Ll})/gu, '$1$2');
    expect(joined).toMatch(/Kubernetes \(Data Engineer, ML Platform Eng\.\)/);
    expect(report.text).toContain('Only Research Eng.');
    expect(report.text).toContain('Distinct bold terms per section, by who has them.');
    const html = await readFile(path.join(out, 'index.html'), 'utf8');
    expect(html).toContain('class="chart overlap-chart"');
    expect(html).toMatch(/<desc id="overlap-desc">Responsibilities: 2 all roles, \d+ some roles/);
  });
});

describe('fitting', () => {
  // One browser for the two builds below.
  const session = fileSession();
  it('shrinks an item that cannot fit on any slide instead of failing, printing every word of it', async () => {
    const project = await tempProject('oversized-item', { fixture: 'oversized-item' });
    scratch.push(project.dir);
    const line = Number(
      (await readFile(path.join(PROJECT_ROOT, 'tests/fixtures/oversized-item/EXPECTED_LINE'), 'utf8')).trim(),
    );
    const result = await build({ contentDir: project.content, outDir: project.out, session: await session() });
    const slides = await readPdf(await readFile(path.join(project.out, 'oversized', 'oversized-slides.pdf')));
    expect(slides.text).toContain(
      'quietly slipping into the next quarter without anyone noticing or saying anything about it',
    );
    // Any warning about it names the item's own file and line.
    for (const w of result.warnings)
      expect(w).toMatchObject({ file: expect.stringMatching(/roles[/\\]alpha\.md$/), line });
  }, 90_000);

  it('keeps a fact sheet with 14 one-line responsibilities and two images on one page; more goes on a second page with a warning', async () => {
    const project = await tempProject('three-roles', { fixture: 'three-roles' });
    scratch.push(project.dir);
    const add = async (role: string, section: string, text: string) => {
      const file = path.join(project.content, 'roles', `${role}.md`);
      await writeFile(file, (await readFile(file, 'utf8')).replace(`## ${section}\n`, `## ${section}\n\n${text}\n`));
    };
    await mkdir(path.join(project.content, 'roles', 'images'));
    await writeFile(
      path.join(project.content, 'roles', 'images', 'tall.svg'),
      '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 300 400" width="300" height="400"><rect width="300" height="400" fill="#cfd8e3"/></svg>',
    );
    const items = (n: number, team: string) =>
      Array.from({ length: n }, (_, i) => `- Extra duty number ${i} for the **${team}** team`).join('\n');
    await add('research-engineer', 'Responsibilities', items(10, 'research'));
    await add(
      'research-engineer',
      'Definition',
      '![A tall figure](images/tall.svg)\n\n![Another tall figure](images/tall.svg)\n',
    );
    await add('data-engineer', 'Responsibilities', items(90, 'data'));
    // Only the fact sheets: the warnings read below are theirs, and the other outputs print apart.
    const deck = path.join(project.content, 'decks', 'three-roles.md');
    await writeFile(
      deck,
      (await readFile(deck, 'utf8')).replace('paper: Letter', 'paper: Letter\noutputs: [factsheets]'),
    );
    const result = await build({ contentDir: project.content, outDir: project.out, session: await session() });
    const sheet = async (role: string) =>
      readPdf(await readFile(path.join(project.out, 'three-roles', `three-roles-${role}-factsheet.pdf`)));
    const research = await sheet('research-engineer');
    expect(research.pages).toBe(1);
    expect(research.text).toContain('Extra duty number 9 for the research team');
    const data = await sheet('data-engineer');
    expect(data.pages).toBe(2);
    expect(data.text).toContain('Extra duty number 89 for the data team');
    // The handout's cells say what they cut of 90 duties and two tall figures; here, the fact sheets.
    expect(result.warnings.filter((w) => w.message.includes('fact sheet'))).toEqual([
      {
        file: expect.stringMatching(/roles[/\\]data-engineer\.md$/),
        line: 18,
        severity: 'warning',
        message: expect.stringMatching(
          /fact sheet of "Data Engineer" does not fit one Letter page .*printed on two; shorten section "Responsibilities"/,
        ),
      },
    ]);
  }, 120_000);
});
