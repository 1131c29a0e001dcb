import { cp, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PROJECT_ROOT } from '../support/content.js';
import { tempProject } from '../support/project.js';

export const DEFAULT_DECK = 'ml-engineer-vs-ai-scientist';
export const THREE_ROLES = 'three-roles';
/** The default deck again in each of the other themes: only its slides PDF is printed. */
export const THEMED = { dark: 'a11y-dark', 'high-contrast': 'a11y-high-contrast' } as const;

/**
 * One content folder holding the decks the accessibility suite checks beside the default deck,
 * so that one build (and one browser) serves them all: the default deck in the dark and
 * high-contrast themes, and the three-role fixture. The default deck itself (light, every
 * output) is the run's shared build of the default content: the same content, so the same bytes
 * (determinism.test.ts), printed once per run instead of twice (`suiteDecks`).
 */
export async function accessibilityProject(
  prefix: string,
  parent?: string,
): Promise<{ dir: string; content: string; out: string }> {
  const project = await tempProject(prefix, 'default', parent);
  const fixture = path.join(PROJECT_ROOT, 'tests/fixtures/three-roles/content');
  await cp(path.join(fixture, 'roles'), path.join(project.content, 'roles'), { recursive: true });
  await cp(path.join(fixture, 'decks'), path.join(project.content, 'decks'), { recursive: true });
  const decks = path.join(project.content, 'decks');
  const original = await readFile(path.join(decks, `${DEFAULT_DECK}.md`), 'utf8');
  for (const [theme, slug] of Object.entries(THEMED)) {
    await writeFile(
      path.join(decks, `${slug}.md`),
      original.replace(/^paper: A4\n/m, `paper: A4\ntheme: ${theme}\noutputs: [slides]\n`),
    );
  }
  await rm(path.join(decks, `${DEFAULT_DECK}.md`));
  return project;
}
