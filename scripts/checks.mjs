// `npm test` and `npm run test:quick` start here: the checks before the tests (typecheck and
// ESLint on one TypeScript program, Prettier, import circles, and with --compile the compile), run
// side by side, as many at once as the machine has cores. One after another they took 33-34 s on
// 2 cores, side by side 28-30 s (6 Dec 2026): less than two cores would suggest, as tsc, ESLint
// and Prettier each already keep about 1.4 cores busy (V8's garbage collector threads). The
// typecheck and ESLint in one process (scripts/types-and-lint.mjs) build the program once: the
// typecheck's 12-15 s of CPU saved.
// Each check is an npm script of its own (package.json), run as `npm run -s <name>`, so that
// `npm run lint` and this file cannot disagree about what a check is. A check's output is printed
// whole when it ends, never interleaved with another's; the exit code is 1 if any check failed.
//   node scripts/checks.mjs              lint:types (typecheck and ESLint), lint:format, cycles
//   node scripts/checks.mjs --compile    the same and compile (dist/ for the CLI the tests spawn)
import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { compile: { type: 'boolean', default: false } } });

// Longest first (seconds alone on 2 cores, 6 Dec 2026: types and ESLint 17-21, Prettier 8, compile
// 2, dpdm 1.3), so that the short ones fill in beside the long one rather than after it.
const CHECKS = ['lint:types', 'lint:format', ...(values.compile ? ['compile'] : []), 'cycles'];

const npm = process.env.npm_execpath
  ? { command: process.execPath, args: [process.env.npm_execpath] }
  : { command: 'npm', args: [] };

/** Runs one npm script, its output kept, and tells how it ended. */
function run(name) {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(npm.command, [...npm.args, 'run', '-s', name], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, FORCE_COLOR: process.stdout.isTTY ? '1' : '0' },
    });
    const output = [];
    child.stdout.on('data', (chunk) => output.push(chunk));
    child.stderr.on('data', (chunk) => output.push(chunk));
    const done = (code, error) =>
      resolve({ name, code, seconds: (performance.now() - started) / 1000, output: Buffer.concat(output), error });
    child.on('error', (error) => done(1, error));
    child.on('close', (code, signal) => done(code ?? (signal ? 1 : 0)));
  });
}

const queue = [...CHECKS];
const results = [];
const worker = async () => {
  for (let name = queue.shift(); name; name = queue.shift()) {
    const result = await run(name);
    results.push(result);
    process.stdout.write(result.output);
    if (result.error) console.error(result.error.message);
    console.log(`${result.code === 0 ? 'passed' : 'FAILED'}: ${name} (${result.seconds.toFixed(1)} s)`);
  }
};
await Promise.all(Array.from({ length: Math.min(availableParallelism(), CHECKS.length) }, worker));

const failed = results.filter((r) => r.code !== 0).map((r) => r.name);
if (failed.length) {
  console.error(`checks failed: ${failed.join(', ')} (run \`npm run -s ${failed[0]}\` alone to see it again)`);
  process.exitCode = 1;
}
