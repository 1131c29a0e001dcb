import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { sharedBuild } from '../support/shared-build.js';
import { DEFAULT_DECK } from './project.js';

/**
 * The output folder of every deck the accessibility suite checks, by slug: the default deck from
 * the run's shared build of the default content, the others from the run's accessibility build
 * (tests/accessibility/project.ts).
 */
export async function suiteDecks(): Promise<Map<string, string>> {
  const [plain, suite] = await Promise.all([sharedBuild('default'), sharedBuild('accessibility')]);
  const folders = new Map([[DEFAULT_DECK, path.join(plain.out, DEFAULT_DECK)]]);
  for (const entry of await readdir(suite.out, { withFileTypes: true }))
    // Files beside the deck folders are the build record.
    if (entry.isDirectory()) folders.set(entry.name, path.join(suite.out, entry.name));
  return folders;
}
