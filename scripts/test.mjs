// `npm test`: compile, then the type check and the linters *beside* vitest instead of before it.
// Why: vitest's browser files leave about a third of the two cores idle (they wait on Chromium,
// on servers and on timers), and the checks' ~50 s of CPU fill that idle time instead of adding
// ~40 s in front of the run. A check that fails prints its output as soon as it ends; vitest runs
// on (stopping it half way leaves its workers and their browsers behind) and the run fails at the
// end. Arguments go to vitest: `npm test -- tests/e2e/room.test.ts`.
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

// The browser tests run the compiled CLI: it must be current before the first of them starts.
const compiled = spawnSync(process.execPath, [path.join(root, 'bin/compile.mjs')], { cwd: root, stdio: 'inherit' });
if (compiled.status !== 0) process.exit(compiled.status ?? 1);

/** Runs `npm run -s <script>` with its output held back; resolves with its status and output. */
function quietly(script) {
  return new Promise((resolve) => {
    const child = spawn(npm, ['run', '-s', script], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('error', (error) => resolve({ script, code: 1, output: String(error) }));
    child.on('close', (code) => resolve({ script, code: code ?? 1, output }));
  });
}

/** The checks one after the other (together they would take a core from the browser tests). */
async function checks() {
  const started = Date.now();
  for (const script of ['typecheck', 'lint']) {
    const result = await quietly(script);
    if (result.code !== 0) {
      process.stdout.write(`\n✗ npm run ${script} failed (the tests run on; the run fails at the end):\n`);
      process.stdout.write(result.output.endsWith('\n') ? result.output : `${result.output}\n`);
      return `npm run ${script}`;
    }
  }
  process.stdout.write(
    `\n✓ typecheck and lint passed (${((Date.now() - started) / 1000).toFixed(0)} s, beside the tests)\n`,
  );
  return undefined;
}

const vitest = new Promise((resolve) => {
  const child = spawn(
    process.execPath,
    [path.join(root, 'node_modules/vitest/vitest.mjs'), 'run', ...process.argv.slice(2)],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
  child.on('close', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
});

const [failedCheck, testsCode] = await Promise.all([checks(), vitest]);
if (failedCheck) console.error(`\n${failedCheck} failed: see its output above.`);
process.exit(failedCheck ? 1 : testsCode);
