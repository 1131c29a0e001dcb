import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The browser files that take longest, slowest first (`npm run test:slowest` after a full run;
 * keep it to the dozen or so at the top). Vitest orders a run by the times it cached from the run
 * before, and with no cache (a clean clone: CI) by file size, which put the longest file of all,
 * a short one, near the end, alone on one worker while the other had finished. Files that start a
 * shared build (tests/support/shared-build.ts) come early too, so that its readers do not wait.
 */
const SLOW_FIRST = [
  'tests/reliability/interruptions.test.ts',
  'tests/e2e/room.test.ts',
  'tests/e2e/long-content.test.ts',
  'tests/accessibility/deck-axe.test.ts',
  'tests/reliability/determinism.test.ts',
  'tests/e2e/dev-server.test.ts',
  'tests/e2e/languages.test.ts',
  'tests/e2e/notes-handout.test.ts',
  'tests/e2e/incremental.test.ts',
  'tests/e2e/browser-session.test.ts',
  'tests/reliability/large-input.test.ts',
  'tests/e2e/print-qr.test.ts',
  'tests/e2e/comparison.test.ts',
  'tests/e2e/themes.test.ts',
  'tests/reliability/local-files.test.ts',
  'tests/reliability/hostile-markdown.test.ts',
  'tests/reliability/full-disk.test.ts',
];

/** The listed files first, in the list's order; then the rest as vitest would order them. */
export default class SlowFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rest = await super.sort(files);
    const rank = (spec: TestSpecification) => {
      const at = SLOW_FIRST.findIndex((file) => spec.moduleId.endsWith(file));
      return at === -1 ? SLOW_FIRST.length : at;
    };
    // Array.prototype.sort is stable: files off the list keep vitest's order among themselves.
    return rest.sort((a, b) => rank(a) - rank(b));
  }
}
