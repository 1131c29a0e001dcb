import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // pdftotext and pdffonts read the PDFs; installed here on Debian as root (CI) when missing.
    // and the run's folder of shared fixture builds (built on first use, tests/support/shared-build.ts).
    globalSetup: ['tests/support/pdf-tools.ts', 'tests/support/shared-builds-setup.ts'],
    // End-to-end tests start Chromium; on two cores, running them one file at a time is faster.
    fileParallelism: true,
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Every run leaves each file's time, hooks included, for `npm run test:slowest`.
    reporters: ['default', './tests/support/file-times.ts'],
  },
});
