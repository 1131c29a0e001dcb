import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import { tempProject, type TempProject } from '../support/project.js';

/**
 * The deck folder holds only the fonts its pages load (docs/languages.md): when the text that
 * needed a font goes, so does the font's file. HTML only: the fonts are copied either way.
 */
let project: TempProject;
const SLUG = 'ml-engineer-vs-ai-scientist';
const fonts = async () => (await readdir(path.join(project.out, SLUG, 'assets', 'fonts'))).sort();

beforeAll(async () => {
  project = await tempProject('font-files', 'default');
});

afterAll(async () => {
  await project?.remove();
});

describe('font files beside a deck', () => {
  it('follow its text: Chinese subsets come with a Chinese subtitle and leave with it', async () => {
    const deck = path.join(project.content, 'decks', `${SLUG}.md`);
    const english = await readFile(deck, 'utf8');
    await build({ contentDir: project.content, outDir: project.out, pdf: false });
    const before = await fonts();
    expect(before.some((f) => f.startsWith('noto-sans-sc-'))).toBe(false);

    await writeFile(deck, english.replace(/^subtitle: .*$/m, 'subtitle: 机器学习工程师与人工智能科学家'));
    await build({ contentDir: project.content, outDir: project.out, pdf: false });
    const chinese = await fonts();
    expect(chinese.filter((f) => f.startsWith('noto-sans-sc-')).length).toBeGreaterThan(0);

    await writeFile(deck, english);
    await build({ contentDir: project.content, outDir: project.out, pdf: false });
    expect(await fonts()).toEqual(before);
    const html = await readFile(path.join(project.out, SLUG, 'index.html'), 'utf8');
    for (const file of before) expect(html).toContain(`assets/fonts/${file}`);
  });
});
