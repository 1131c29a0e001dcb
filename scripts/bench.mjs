// `npm run bench`: measures careerdeck's build against the floor (Chromium launched once,
// printing the same finished HTML), alternating the cases in one run because this machine is
// noisy. Prints medians, ratios and peak memory of each whole process tree; writes JSON.
// Environment: BENCH_ROUNDS (default 5), BENCH_OUT (default output/bench.json), BENCH_CASES (a
// comma-separated subset of the cases, for a quicker look; the ratios need the cases they divide).
import { spawn } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { watchTree } from './process-tree.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const SLUG = 'ml-engineer-vs-ai-scientist';
const CLI = path.join(ROOT, 'bin/careerdeck.js');
const work = await mkdtemp(path.join(tmpdir(), 'careerdeck-bench-'));

/** Runs a command, sampling the resident memory of its whole process tree. */
function run(cmd, args) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(cmd, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    // Every 100 ms: reading /proc for every process (smaps_rollup above all) costs CPU, and at
    // 25 ms it slowed the very builds it measured on this 2-core machine.
    const stop = watchTree(child.pid, 100);
    child.on('error', reject);
    child.on('exit', (code) => {
      const peak = stop();
      const ms = performance.now() - started;
      if (code !== 0) reject(new Error(`${cmd} ${args.join(' ')} exited ${code}\n${stderr}`));
      else resolve({ ms, ...peak, stderr });
    });
  });
}

async function batchContent() {
  const dir = path.join(work, 'batch');
  await cp(path.join(ROOT, 'content'), dir, { recursive: true });
  const deck = await readFile(path.join(dir, 'decks', `${SLUG}.md`), 'utf8');
  for (let i = 2; i <= 12; i++)
    await writeFile(path.join(dir, 'decks', `deck-${i}.md`), deck.replace(/^title: (.*)$/m, `title: $1 (${i})`));
  return dir;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

try {
  const batch = await batchContent();
  const out = (name) => path.join(work, name);
  const core = path.join(work, 'core.config.json');
  await writeFile(core, JSON.stringify({ content: path.join(ROOT, 'content'), outputs: ['report', 'slides'] }));
  // --force: every case but "unchanged" measures making the outputs, not skipping them.
  const cases = {
    full: () => run('node', [CLI, 'build', '--quiet', '--force', '--out', out('full'), '--keep-html']),
    floor: () => run('node', [path.join(ROOT, 'scripts/bench-floor.mjs'), path.join(out('full'), SLUG), SLUG]),
    deckReportSlides: () => run('node', [CLI, 'build', '--quiet', '--force', '--config', core, '--out', out('core')]),
    htmlOnly: () => run('node', [CLI, 'build', '--quiet', '--force', '--no-pdf', '--out', out('html')]),
    unchanged: async () => {
      const r = await run('node', [CLI, 'build', '--out', out('full'), '--keep-html']);
      if (!r.stderr.includes('nothing changed'))
        throw new Error(`expected a build with nothing to do, got:\n${r.stderr}`);
      return r;
    },
    check: () => run('node', [CLI, 'check', '--quiet']),
    batch12: () => run('node', [CLI, 'build', '--quiet', '--force', '--content', batch, '--out', out('batch')]),
  };

  const only = process.env.BENCH_CASES?.split(',').map((name) => name.trim());
  for (const name of Object.keys(cases)) if (only && !only.includes(name) && name !== 'full') delete cases[name];
  await cases.full(); // warm the disk cache and produce the HTML the floor prints
  const samples = Object.fromEntries(Object.keys(cases).map((k) => [k, []]));
  for (let round = 0; round < ROUNDS; round++) {
    for (const [name, fn] of Object.entries(cases)) samples[name].push(await fn());
    process.stderr.write(`round ${round + 1}/${ROUNDS} done\n`);
  }

  const figures = Object.fromEntries(
    Object.entries(samples).map(([name, s]) => [
      name,
      {
        medianMs: Math.round(median(s.map((x) => x.ms))),
        peakRssMiB: Math.round(Math.max(...s.map((x) => x.rssMiB))),
        peakPssMiB: Math.round(Math.max(...s.map((x) => x.pssMiB))),
        mostProcesses: Math.max(...s.map((x) => x.processes)),
      },
    ]),
  );
  const ratio = (a, b) => (a && b ? a.medianMs / b.medianMs : undefined);
  const { full, floor, htmlOnly, batch12, unchanged } = figures;
  const marginal = batch12 && htmlOnly ? (batch12.medianMs - full.medianMs) / 11 : undefined;
  const summary = {
    rounds: ROUNDS,
    figures,
    fullOverFloor: floor ? +ratio(full, floor).toFixed(2) : undefined,
    marginalDeckMs: marginal === undefined ? undefined : Math.round(marginal),
    marginalOverSingleDeckPdfs:
      marginal === undefined ? undefined : +(marginal / (full.medianMs - htmlOnly.medianMs)).toFixed(2),
    // A build that starts Chromium has a tree of several processes; one means no browser.
    unchangedStartedBrowser: unchanged ? unchanged.mostProcesses > 1 : undefined,
  };

  console.log(`careerdeck bench, ${ROUNDS} rounds, medians of whole-process wall time`);
  for (const [name, f] of Object.entries(figures))
    console.log(
      `  ${name.padEnd(16)} ${String(f.medianMs).padStart(6)} ms   peak ${String(f.peakPssMiB).padStart(5)} MiB PSS, ${String(f.peakRssMiB).padStart(5)} MiB RSS sum, ${f.mostProcesses} processes`,
    );
  if (floor) console.log(`  full / floor                 ${summary.fullOverFloor}`);
  if (unchanged) console.log(`  nothing changed started a browser: ${summary.unchangedStartedBrowser ? 'yes' : 'no'}`);
  if (marginal !== undefined)
    console.log(
      `  one more deck in a batch     ${summary.marginalDeckMs} ms (${summary.marginalOverSingleDeckPdfs} x one deck's PDFs)`,
    );
  const target = process.env.BENCH_OUT ?? path.join(ROOT, 'output', 'bench.json');
  await mkdir(path.dirname(target), { recursive: true });
  await writeFile(target, `${JSON.stringify(summary, null, 2)}\n`);
  console.log(`  written to ${path.relative(ROOT, target)}`);
} finally {
  await rm(work, { recursive: true, force: true });
}
