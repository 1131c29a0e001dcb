import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Reporter, TestModule } from 'vitest/node';

/** Where every run leaves its file times (scripts/slowest-tests.mjs reads them). */
export const FILE_TIMES = 'node_modules/.cache/careerdeck/test-files.json';

/**
 * A reporter that writes how long each test file took, hooks included. Vitest's JSON report
 * times a file by its tests alone, so a build in a `beforeAll` (where most of the time goes)
 * never showed in `npm run test:slowest`.
 */
export default class FileTimes implements Reporter {
  private readonly started = Date.now();

  async onTestRunEnd(modules: ReadonlyArray<TestModule>): Promise<void> {
    const files = modules.map((m) => {
      const d = m.diagnostic();
      return {
        file: path.relative(process.cwd(), m.moduleId),
        // Importing the file, then its hooks and tests: what the file costs a worker.
        ms: Math.round(d.collectDuration + d.duration),
        tests: [...m.children.allTests()].length,
        state: m.state(),
      };
    });
    await mkdir(path.dirname(FILE_TIMES), { recursive: true });
    await writeFile(
      FILE_TIMES,
      JSON.stringify({ startTime: this.started, wallMs: Date.now() - this.started, files }, null, 1),
    );
  }
}
