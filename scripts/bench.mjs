// `npm run bench`: measures careerdeck's build against the floor (Chromium launched once,
// printing the same finished HTML) and what each output costs, alternating the cases in one run
// because this machine is noisy. Prints medians, ratios and peak memory (PSS) of each whole
// process tree; writes JSON. Timings are not tests: CI does not run this.
//
// Options (or the environment variables in brackets):
//   --rounds n        rounds of every case (BENCH_ROUNDS, default 5)
//   --cases a,b       only these cases (BENCH_CASES); `full` runs once first whatever is chosen, and in
//                     the rounds when chosen; `--list` names them;
//                     `room` adds the room server's fan-out, memory and votes (scripts/bench-room.mjs)
//   --content dir     also build this content folder (repeatable): cases `content:<folder name>`,
//                     e.g. a deck in another script, whose fonts are its marginal cost
//   --baseline dir    another checkout of careerdeck (compiled, with node_modules) measured in the
//                     same rounds: cases `base:full`, `base:htmlOnly`, `base:unchanged`, `base:check`,
//                     `base:deckReportSlides`, `base:batch12`
//   --out file        where the JSON goes (BENCH_OUT, default output/bench.json)
//
// Marp CLI (a dev dependency) runs in the same rounds on the same Chromium: cases `marp:pdf` and
// `marp:html` on a 20-slide deck, `marp:ownPdf` on careerdeck's default content as Marp slides
// (scripts/bench-marp.mjs); the summary prints careerdeck's ratios to them.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { writeMarpDecks } from './bench-marp.mjs';
import { watchTree } from './process-tree.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values: args } = parseArgs({
  options: {
    rounds: { type: 'string' },
    cases: { type: 'string' },
    content: { type: 'string', multiple: true },
    baseline: { type: 'string' },
    out: { type: 'string' },
    list: { type: 'boolean' },
  },
});
const ROUNDS = Number(args.rounds ?? process.env.BENCH_ROUNDS ?? 5);
const SLUG = 'ml-engineer-vs-ai-scientist';
const cliOf = (root) => path.join(root, 'bin/careerdeck.js');
const CLI = cliOf(ROOT);
// Node's own flags as `npm run build:deck` passes them (a smaller young generation: less memory at
// Chromium's peak, no more CPU; docs/performance.md), so that builds are measured as users run them.
const BUILD_SCRIPT = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).scripts['build:deck'].split(' ');
const NODE_FLAGS = BUILD_SCRIPT.slice(1, BUILD_SCRIPT.indexOf('bin/careerdeck.js'));
// A clean clone has no dist/ yet: compile first, as the CLI would.
await (await import('../bin/compile.mjs')).compileIfStale();
const { DEFAULT_OUTPUTS } = await import(path.join(ROOT, 'dist/model/outputs.js'));
const work = await mkdtemp(path.join(tmpdir(), 'careerdeck-bench-'));
const MARP = path.join(ROOT, 'node_modules', '@marp-team', 'marp-cli', 'marp-cli.js');
// Marp finds a browser by itself; this keeps it on the one careerdeck uses (never a download).
const CHROMIUM = process.env.PUPPETEER_EXECUTABLE_PATH ?? '/usr/bin/chromium';

/**
 * CPU time (user + system, ms) of this process's children that have ended, with theirs (the
 * cutime and cstime of /proc/self/stat, in clock ticks of 10 ms): less swayed by the machine's
 * load than wall time, since a build waiting for a core is not counted.
 */
function childrenCpuMs() {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
    return (Number(fields[13]) + Number(fields[14])) * 10;
  } catch {
    return NaN;
  }
}

/** Runs a command, sampling the memory of its whole process tree. */
function run(cmd, args, cwd = ROOT) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const cpuBefore = childrenCpuMs();
    const child = spawn(cmd, args, { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
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
      else resolve({ ms, cpuMs: childrenCpuMs() - cpuBefore, ...peak, stderr });
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

/** A config file that makes these outputs of the default content. */
async function configFor(name, outputs) {
  const file = path.join(work, `${name}.config.json`);
  await writeFile(file, JSON.stringify({ content: path.join(ROOT, 'content'), outputs }));
  return file;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

try {
  const batch = await batchContent();
  const out = (name) => path.join(work, name.replace(/[^\w.-]/g, '_'));
  // --force: every case but "unchanged" measures making the outputs, not skipping them.
  const build = (name, extra, cli = CLI, cwd = ROOT) =>
    run('node', [...NODE_FLAGS, cli, 'build', '--quiet', '--force', '--out', out(name), ...extra], cwd);
  const unchanged =
    (name, cli = CLI, cwd = ROOT) =>
    async () => {
      const r = await run('node', [...NODE_FLAGS, cli, 'build', '--out', out(name), '--keep-html'], cwd);
      if (!r.stderr.includes('nothing changed'))
        throw new Error(`expected a build with nothing to do, got:\n${r.stderr}`);
      return r;
    };
  const cases = {
    full: () => build('full', ['--keep-html']),
    floor: () => run('node', [path.join(ROOT, 'scripts/bench-floor.mjs'), path.join(out('full'), SLUG), SLUG]),
    deckReportSlides: async () => build('core', ['--config', await configFor('core', ['report', 'slides'])]),
    htmlOnly: () => build('html', ['--no-pdf']),
    unchanged: unchanged('full'),
    check: () => run('node', [CLI, 'check', '--quiet']),
    // The floors of "unchanged": Node starting and ending, and careerdeck loading its command line.
    node: () => run('node', ['-e', '0']),
    version: () => run('node', [CLI, '--version']),
    batch12: () => build('batch', ['--content', batch]),
  };
  const marpDecks = await writeMarpDecks(ROOT, work, ['machine-learning-engineer', 'ai-scientist']);
  const marp =
    (deck, out, extra = []) =>
    () =>
      run('node', [MARP, '--no-stdin', ...extra, deck, '-o', path.join(work, out)]);
  const marpPdf = ['--pdf', '--browser-path', CHROMIUM];
  cases['marp:pdf'] = marp(marpDecks.generic, 'marp-generic.pdf', marpPdf);
  cases['marp:html'] = marp(marpDecks.generic, 'marp-generic.html');
  cases['marp:ownPdf'] = marp(marpDecks.own, 'marp-own.pdf', marpPdf);
  // Each output's marginal cost: the default build without it (on demand ones: with it).
  for (const output of DEFAULT_OUTPUTS)
    cases[`without:${output}`] = async () =>
      build(`without-${output}`, [
        '--config',
        await configFor(
          `without-${output}`,
          DEFAULT_OUTPUTS.filter((o) => o !== output),
        ),
      ]);
  cases['with:images'] = () => build('with-images', ['--images']);
  for (const dir of args.content ?? []) {
    const content = path.resolve(dir);
    // tests/fixtures/zh-hans/content is named zh-hans.
    const name = path.basename(content) === 'content' ? path.basename(path.dirname(content)) : path.basename(content);
    cases[`content:${name}`] = () => build(`content-${name}`, ['--content', content]);
  }
  if (args.baseline) {
    const base = path.resolve(args.baseline);
    const content = ['--content', path.join(ROOT, 'content')];
    cases['base:full'] = () => build('base-full', content, cliOf(base), base);
    cases['base:htmlOnly'] = () => build('base-html', ['--no-pdf', ...content], cliOf(base), base);
    cases['base:unchanged'] = async () => {
      const r = await run('node', [...NODE_FLAGS, cliOf(base), 'build', '--out', out('base-full'), ...content], base);
      if (!r.stderr.includes('nothing changed')) throw new Error(`baseline: expected nothing to do:\n${r.stderr}`);
      return r;
    };
    cases['base:check'] = () => run('node', [cliOf(base), 'check', '--quiet', ...content], base);
    cases['base:deckReportSlides'] = async () =>
      build('base-core', ['--config', await configFor('core', ['report', 'slides'])], cliOf(base), base);
    cases['base:batch12'] = () => build('base-batch', ['--content', batch], cliOf(base), base);
  }
  if (args.list) {
    console.log([...Object.keys(cases), 'room'].join('\n'));
    process.exit(0);
  }

  const only = (args.cases ?? process.env.BENCH_CASES)?.split(',').map((name) => name.trim());
  // Warm the disk cache, produce the HTML the floor prints, and give each "unchanged" its last build.
  await cases.full();
  if (cases['base:full']) await cases['base:full']();
  for (const name of Object.keys(cases)) if (only && !only.includes(name)) delete cases[name];
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
        medianCpuMs: Math.round(median(s.map((x) => x.cpuMs))),
        peakRssMiB: Math.round(Math.max(...s.map((x) => x.rssMiB))),
        peakPssMiB: Math.round(Math.max(...s.map((x) => x.pssMiB))),
        mostProcesses: Math.max(...s.map((x) => x.processes)),
      },
    ]),
  );
  const ms = (name) => figures[name]?.medianMs;
  const ratio = (a, b) => (ms(a) && ms(b) ? +(ms(a) / ms(b)).toFixed(2) : undefined);
  const marginal = {};
  for (const name of Object.keys(figures)) {
    const [kind, output] = name.split(':');
    if (!ms('full')) break;
    if (kind === 'without') marginal[output] = ms('full') - ms(name);
    if (kind === 'with' || kind === 'content') marginal[output] = ms(name) - ms('full');
  }
  const perDeck = ms('batch12') && ms('htmlOnly') && ms('full') ? (ms('batch12') - ms('full')) / 11 : undefined;
  const basePerDeck =
    ms('base:batch12') && ms('base:full') && ms('base:htmlOnly')
      ? (ms('base:batch12') - ms('base:full')) / 11 / (ms('base:full') - ms('base:htmlOnly'))
      : undefined;
  const summary = {
    rounds: ROUNDS,
    load: (await readFile('/proc/loadavg', 'utf8').catch(() => '')).split(' ').slice(0, 3).join(' '),
    figures,
    fullOverFloor: ratio('full', 'floor'),
    marginalMs: marginal,
    marginalDeckMs: perDeck === undefined ? undefined : Math.round(perDeck),
    marginalOverSingleDeckPdfs:
      perDeck === undefined ? undefined : +(perDeck / (ms('full') - ms('htmlOnly'))).toFixed(2),
    // A build that starts Chromium has a tree of several processes; one means no browser.
    // Issue 27's comparisons with Marp CLI on the same machine, in the same rounds.
    againstMarp: {
      deckReportSlidesOverPdf: ratio('deckReportSlides', 'marp:pdf'),
      deckReportSlidesOverOwnPdf: ratio('deckReportSlides', 'marp:ownPdf'),
      htmlOnlyOverHtml: ratio('htmlOnly', 'marp:html'),
    },
    baseMarginalOverSingleDeckPdfs: basePerDeck === undefined ? undefined : +basePerDeck.toFixed(2),
    unchangedSeconds: ms('unchanged') === undefined ? undefined : +(ms('unchanged') / 1000).toFixed(2),
    unchangedStartedBrowser: figures.unchanged ? figures.unchanged.mostProcesses > 1 : undefined,
    againstBaseline: args.baseline
      ? Object.fromEntries(
          ['full', 'htmlOnly', 'unchanged', 'check', 'deckReportSlides', 'batch12']
            .map((c) => [c, ratio(c, `base:${c}`)])
            .filter(([, r]) => r),
        )
      : undefined,
  };

  console.log(
    `careerdeck bench, ${ROUNDS} rounds, medians of whole-process wall time (load average at the end: ${summary.load})`,
  );
  for (const [name, f] of Object.entries(figures))
    console.log(
      `  ${name.padEnd(22)} ${String(f.medianMs).padStart(6)} ms (CPU ${String(f.medianCpuMs).padStart(6)} ms)   peak ${String(f.peakPssMiB).padStart(5)} MiB PSS, ${String(f.peakRssMiB).padStart(5)} MiB RSS sum, ${f.mostProcesses} processes`,
    );
  if (summary.fullOverFloor) console.log(`  full / floor                   ${summary.fullOverFloor}`);
  for (const [output, cost] of Object.entries(marginal))
    console.log(
      `  marginal cost of ${output.padEnd(12)} ${String(cost).padStart(6)} ms (${((cost / ms('full')) * 100).toFixed(0)}% of full)`,
    );
  if (figures.unchanged)
    console.log(`  nothing changed started a browser: ${summary.unchangedStartedBrowser ? 'yes' : 'no'}`);
  if (perDeck !== undefined)
    console.log(
      `  one more deck in a batch       ${summary.marginalDeckMs} ms (${summary.marginalOverSingleDeckPdfs} x one deck's PDFs)`,
    );
  if (summary.baseMarginalOverSingleDeckPdfs !== undefined)
    console.log(`  the baseline's one more deck   ${summary.baseMarginalOverSingleDeckPdfs} x one deck's PDFs`);
  const marpLines = {
    deckReportSlidesOverPdf: "deck+report+slides / Marp's 20-slide PDF",
    deckReportSlidesOverOwnPdf: "deck+report+slides / Marp's PDF of our text",
    htmlOnlyOverHtml: "HTML only / Marp's HTML",
  };
  for (const [key, label] of Object.entries(marpLines))
    if (summary.againstMarp[key] !== undefined) console.log(`  ${label.padEnd(45)} ${summary.againstMarp[key]}`);
  for (const [c, r] of Object.entries(summary.againstBaseline ?? {}))
    console.log(`  ${c} / baseline's ${c}`.padEnd(33) + r);
  const target = args.out ?? process.env.BENCH_OUT ?? path.join(ROOT, 'output', 'bench.json');
  await mkdir(path.dirname(target), { recursive: true });
  await writeFile(target, `${JSON.stringify(summary, null, 2)}\n`);
  console.log(`  written to ${path.relative(ROOT, target)}`);
  // The room server's fan-out, memory and votes (issue 22): not a build, so its own figures,
  // printed after the builds' (scripts/bench-room.mjs, also `npm run bench:room`).
  if (only?.includes('room')) {
    console.log('room server (loopback):');
    const room = spawn('node', [path.join(ROOT, 'scripts/bench-room.mjs')], { cwd: ROOT, stdio: 'inherit' });
    const code = await new Promise((resolve) => room.on('exit', resolve));
    if (code !== 0) process.exitCode = 1;
  }
} finally {
  await rm(work, { recursive: true, force: true });
}
