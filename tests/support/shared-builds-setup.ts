import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The folder of this run's shared builds (tests/support/shared-build.ts). */
    sharedBuilds: string;
  }
}

/**
 * Vitest's global setup for the shared builds: one folder per run, given to every test file, in
 * which the first file that needs a fixture's build makes it and the others read it. Nothing is
 * built here, so a run of unit tests builds nothing.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const root = await mkdtemp(path.join(tmpdir(), 'careerdeck-shared-builds-'));
  project.provide('sharedBuilds', root);
  return () => rm(root, { recursive: true, force: true });
}
