/**
 * One build of each shared fixture per test run, read by every test file that only inspects the
 * outputs. The first file to ask for a fixture builds it (in-process, into the run's folder that
 * tests/support/shared-builds-setup.ts provides); files asking at the same time in other workers
 * wait for it. Readers must not change the folder: a test that builds again, removes or edits
 * files copies it first (`copySharedBuild`).
 */
import { cp, mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { inject } from 'vitest';
import { build, type BuildOptions, type BuildResult } from '../../src/build.js';
import { accessibilityProject } from '../accessibility/project.js';
import { tempProject } from './project.js';

/** The date every shared build stamps into its PDFs (SOURCE_DATE_EPOCH for a CLI run: DATE_EPOCH). */
export const SHARED_DATE = new Date('2026-01-02T03:04:05Z');
export const SHARED_DATE_EPOCH = String(SHARED_DATE.getTime() / 1000);

interface Recipe {
  /** Writes the content folder (under `dir`) and returns its path. */
  content: (dir: string) => Promise<string>;
  options: Partial<BuildOptions>;
}

/**
 * The shared fixtures. Add one only when two or more test files would build the same content
 * with the same options.
 */
const RECIPES = {
  /** The default content (content/), every output; four browser pages, as determinism's reference. */
  default: {
    content: async (dir) => (await tempProject('shared-default', 'default', dir)).content,
    options: { pages: 4 },
  },
  /**
   * The accessibility suite's decks (tests/accessibility/project.ts) but the default one, which
   * is `default`'s: the default deck in the dark and high-contrast themes (slides), and
   * tests/fixtures/three-roles (every output), which comparison.test.ts reads too.
   */
  accessibility: {
    content: async (dir) => (await accessibilityProject('shared-a11y', dir)).content,
    options: {},
  },
  /** tests/fixtures/rtl-ar (an Arabic deck, a German one), every output. */
  'rtl-ar': {
    content: async (dir) => (await tempProject('shared-rtl-ar', { fixture: 'rtl-ar' }, dir)).content,
    options: {},
  },
} satisfies Record<string, Recipe>;

export type SharedName = keyof typeof RECIPES;

export interface SharedBuild {
  /** The content folder it was built from. */
  content: string;
  /** The output folder (read only). */
  out: string;
  /** What build() returned, through JSON. */
  result: BuildResult;
  /** The options it was built with, beyond content and output folders. */
  options: Partial<BuildOptions>;
}

const asked = new Map<SharedName, Promise<SharedBuild>>();

/** The run's build of a shared fixture, made now if no test file has made it yet. */
export function sharedBuild(name: SharedName): Promise<SharedBuild> {
  let found = asked.get(name);
  if (!found) {
    found = makeOrWait(name);
    asked.set(name, found);
  }
  return found;
}

/** A copy of a shared build's output folder at `out`, for a test that changes what it reads. */
export async function copySharedBuild(name: SharedName, out: string): Promise<SharedBuild> {
  const shared = await sharedBuild(name);
  await cp(shared.out, out, { recursive: true });
  return shared;
}

async function makeOrWait(name: SharedName): Promise<SharedBuild> {
  const dir = path.join(inject('sharedBuilds'), name);
  const done = path.join(dir, 'build.json');
  const failed = path.join(dir, 'failed.txt');
  try {
    // mkdir is atomic: the one worker that creates the folder builds.
    await mkdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return waitFor(done, failed, name);
  }
  try {
    const recipe: Recipe = RECIPES[name];
    const content = await recipe.content(dir);
    const out = path.join(dir, 'output');
    const options = { date: SHARED_DATE, ...recipe.options };
    // Build records in the folder too, so the run leaves nothing in the project's cache.
    const result = await build({ contentDir: content, outDir: out, cacheDir: path.join(dir, 'cache'), ...options });
    const made: SharedBuild = { content, out, result, options };
    await writeFile(`${done}.tmp`, JSON.stringify(made));
    await rename(`${done}.tmp`, done);
    return read(done);
  } catch (error) {
    await writeFile(failed, error instanceof Error ? (error.stack ?? error.message) : String(error));
    throw error;
  }
}

async function waitFor(done: string, failed: string, name: string): Promise<SharedBuild> {
  for (;;) {
    if (await exists(done)) return read(done);
    if (await exists(failed))
      throw new Error(`the shared build "${name}" failed in another test file:\n${await readFile(failed, 'utf8')}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function read(file: string): Promise<SharedBuild> {
  const made = JSON.parse(await readFile(file, 'utf8')) as SharedBuild;
  if (made.options.date) made.options.date = new Date(made.options.date);
  return made;
}

const exists = (file: string) =>
  stat(file).then(
    () => true,
    () => false,
  );
