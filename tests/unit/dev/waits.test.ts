import { describe, expect, it } from 'vitest';
import { DEV_WAITS } from '../../../src/dev/server.js';

// tests/e2e/dev-server.test.ts starts its server with PDFs without the wait before them; these are
// the waits `careerdeck dev` runs with.
describe("the dev server's waits when none are given", () => {
  it('rebuilds after 100 ms of quiet, and prints the PDFs 750 ms after the HTML', () => {
    expect(DEV_WAITS).toEqual({ debounceMs: 100, pdfDelayMs: 750 });
  });
});
