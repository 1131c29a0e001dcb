import { defineConfig } from 'vitest/config';
import SlowFirst from './tests/support/sequencer.js';

const UNIT = 'tests/unit/**/*.test.ts';

export default defineConfig({
  test: {
    // pdftotext and pdffonts read the PDFs; installed here on Debian as root (CI) when missing.
    // and the run's folder of shared fixture builds (built on first use, tests/support/shared-build.ts).
    globalSetup: ['tests/support/pdf-tools.ts', 'tests/support/shared-builds-setup.ts'],
    // Two workers for two cores: each browser file waits on Chromium much of its time.
    fileParallelism: true,
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Every run leaves each file's time, hooks included, for `npm run test:slowest`.
    reporters: ['default', './tests/support/file-times.ts'],
    // The longest browser files start first, so that none of them is left alone at the end.
    sequence: { sequencer: SlowFirst },
    // The unit tests' pool (below): one worker's module cache serves every unit file. Two threads
    // always, whatever --maxWorkers says: with isolate off, a threads pool allowed to shrink
    // (fewer minThreads than maxThreads, the default on 2 cores is 1 of 2) rejected with
    // "Terminating worker thread" and failed the run whenever --maxWorkers was 3 or more.
    //
    // The browser files' pool (forks) keeps its module cache from file to file too: a fresh
    // process per file imported src/ (Puppeteer, jsdom, pptxgenjs, the templates) and warmed its
    // caches again 47 times. Two whole runs each way, alternated (6 Dec 2026): 178/182 s wall and
    // 345/351 s of CPU against 225/203 s and 429/391 s. Their files keep to the same rule as the
    // unit tests': what a file changes (environment, timers, mocks), it restores; each file still
    // starts and closes its own Chromium and works in its own temporary folders.
    poolOptions: {
      threads: { isolate: false, minThreads: 2, maxThreads: 2 },
      forks: { isolate: false },
    },
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: [UNIT],
          // The unit tests start no browser and restore what they change (environment variables,
          // spies, timers): threads that keep their module cache from file to file, where a
          // fresh process per file spent most of their time importing the same modules again.
          // (Vitest 3 reads `isolate` per pool, not per project: see poolOptions above.)
          pool: 'threads',
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['tests/**/*.test.ts'],
          exclude: [UNIT],
        },
      },
    ],
  },
});
