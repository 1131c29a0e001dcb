// `npm run test:slowest`: the slowest test files of the last vitest run, hooks (the builds in
// `beforeAll`) included, so that the suite's time is spent where it is seen. Every run, `npm
// test` included, writes the file times (tests/support/file-times.ts).
//   npm run test:slowest             the 10 slowest files of the last run
//   npm run test:slowest -- 20       the 20 slowest
//   npm run test:slowest -- --file r read another run's times (or a vitest JSON report: tests only)
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values, positionals } = parseArgs({ options: { file: { type: 'string' } }, allowPositionals: true });
const report = values.file ?? path.join(ROOT, 'node_modules/.cache/careerdeck/test-files.json');
const count = Number(positionals[0] ?? 10);

let data;
try {
  data = JSON.parse(await readFile(report, 'utf8'));
} catch {
  console.error(`no test times at ${path.relative(ROOT, report)}: run \`npm test\` (or \`npx vitest run\`) first`);
  process.exit(2);
}
// vitest's own JSON report times a file by its tests alone: without the hooks.
const hooks = Array.isArray(data.files);
const files = (
  hooks
    ? data.files.map((f) => ({ file: f.file, ms: f.ms, tests: f.tests }))
    : data.testResults.map((r) => ({
        file: path.relative(ROOT, r.name),
        ms: r.endTime - r.startTime,
        tests: r.assertionResults.length,
      }))
).sort((a, b) => b.ms - a.ms);
const total = files.reduce((sum, f) => sum + f.ms, 0);
const started = new Date(data.startTime).toISOString().slice(0, 16).replace('T', ' ');
const wall = hooks ? `, the run ${(data.wallMs / 1000).toFixed(0)} s` : ' (tests only, hooks not counted)';
console.log(
  `slowest ${Math.min(count, files.length)} of ${files.length} test files (run of ${started} UTC; files' times add up to ${(total / 1000).toFixed(0)} s${wall})`,
);
for (const f of files.slice(0, count))
  console.log(
    `${(f.ms / 1000).toFixed(1).padStart(7)} s  ${((f.ms / total) * 100).toFixed(0).padStart(3)}%  ${String(f.tests).padStart(4)} tests  ${f.file}`,
  );
