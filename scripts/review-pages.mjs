#!/usr/bin/env node
// Measures every PDF of a built deck folder as a reader meets it (issue 23): smallest text in
// pt, blank band at the page foot, QR size in mm on page 1, words broken without a hyphen.
// Usage: node scripts/review-pages.mjs output/<deck> [--json]
// The measurements are TypeScript shared with the tests (tests/support/page-review.ts); vite-node
// (vitest's own runner, already installed) loads them so there is one implementation.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const bin = path.join(root, 'node_modules/.bin/vite-node');
const result = spawnSync(bin, [path.join(root, 'scripts/review-pages-main.ts'), '--', ...process.argv.slice(2)], {
  stdio: 'inherit',
});
process.exit(result.status ?? 1);
