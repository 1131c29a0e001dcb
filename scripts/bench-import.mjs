// `npm run bench:import`: `new role --from onet:<code>` on a generated O*NET-like text database as
// large as the real one (about 1,000 occupations; Task Ratings and the rating files tens of MB),
// timed with peak memory (PSS) of the process tree. The target (issue 24): under 5 s and 300 MB.
// Timings are not tests: CI does not run this.
import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { watchTree } from './process-tree.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OCCUPATIONS = Number(process.env.BENCH_OCCUPATIONS ?? 1000);
await (await import('../bin/compile.mjs')).compileIfStale();

/** Writes a tab-delimited file from a row generator, with back-pressure: the generator never holds the file. */
async function write(file, header, rows) {
  const out = createWriteStream(file);
  const put = (line) => (out.write(line) ? undefined : new Promise((r) => out.once('drain', r)));
  await put(`${header.join('\t')}\n`);
  for (const row of rows()) await put(`${row.join('\t')}\n`);
  await new Promise((resolve, reject) => out.end((e) => (e ? reject(e) : resolve())));
}

const code = (i) => `${String(11 + (i % 43)).padStart(2, '0')}-${String(1000 + i).padStart(4, '0')}.00`;
const codes = Array.from({ length: OCCUPATIONS }, (_, i) => code(i));
codes[0] = '15-2051.00';
const text = (n) =>
  `Generated statement ${n} about analysing data, building models and reporting results to stakeholders.`;

async function generate(folder) {
  await mkdir(folder, { recursive: true });
  const rating = ['Data Value', 'N', 'Standard Error', 'Lower CI Bound', 'Upper CI Bound', 'Recommend Suppress'];
  await write(path.join(folder, 'Occupation Data.txt'), ['O*NET-SOC Code', 'Title', 'Description'], function* () {
    for (const c of codes) yield [c, `Occupation ${c}`, text(c)];
  });
  await write(
    path.join(folder, 'Task Statements.txt'),
    ['O*NET-SOC Code', 'Title', 'Task ID', 'Task', 'Task Type', 'Incumbents Responding', 'Date', 'Domain Source'],
    function* () {
      let id = 0;
      for (const c of codes)
        for (let t = 0; t < 20; t++)
          yield [c, `Occupation ${c}`, ++id, text(id), t < 15 ? 'Core' : 'Supplemental', '30', '08/2023', 'Incumbent'];
    },
  );
  await write(
    path.join(folder, 'Task Ratings.txt'),
    [
      'O*NET-SOC Code',
      'Title',
      'Task ID',
      'Task',
      'Scale ID',
      'Scale Name',
      'Category',
      ...rating,
      'Date',
      'Domain Source',
    ],
    function* () {
      let id = 0;
      for (const c of codes)
        for (let t = 0; t < 20; t++) {
          id++;
          for (const scale of ['IM', 'RT', ...Array.from({ length: 7 }, () => 'FT')])
            yield [
              c,
              `Occupation ${c}`,
              id,
              text(id),
              scale,
              scale,
              'n/a',
              (1 + ((id * 7) % 40) / 10).toFixed(2),
              '30',
              '0.1',
              '3.5',
              '4.5',
              'N',
              '08/2023',
              'Incumbent',
            ];
        }
    },
  );
  const elements = Array.from({ length: 35 }, (_, i) => [`2.A.${i}`, `Element ${i}`]);
  for (const name of ['Skills.txt', 'Knowledge.txt'])
    await write(
      path.join(folder, name),
      [
        'O*NET-SOC Code',
        'Title',
        'Element ID',
        'Element Name',
        'Scale ID',
        'Scale Name',
        ...rating,
        'Not Relevant',
        'Date',
        'Domain Source',
      ],
      function* () {
        for (const c of codes)
          for (const [id, el] of elements)
            for (const scale of ['IM', 'LV'])
              yield [
                c,
                `Occupation ${c}`,
                id,
                el,
                scale,
                scale,
                (1 + (id.length % 4)).toFixed(2),
                '8',
                '0.2',
                '3',
                '4',
                'N',
                'N/A',
                '08/2024',
                'Analyst',
              ];
      },
    );
  await write(
    path.join(folder, 'Technology Skills.txt'),
    ['O*NET-SOC Code', 'Title', 'Example', 'Commodity Code', 'Commodity Title', 'Hot Technology', 'In Demand'],
    function* () {
      for (const c of codes)
        for (let t = 0; t < 40; t++)
          yield [c, `Occupation ${c}`, `Tool ${t}`, '43232405', 'Software', t % 3 ? 'N' : 'Y', t % 5 ? 'N' : 'Y'];
    },
  );
  await write(
    path.join(folder, 'Education, Training, and Experience Categories.txt'),
    ['Element ID', 'Element Name', 'Scale ID', 'Scale Name', 'Category', 'Category Description'],
    function* () {
      for (let n = 1; n <= 12; n++) yield ['2.D.1', 'Required Level of Education', 'RL', 'RL', n, `Level ${n}`];
    },
  );
  await write(
    path.join(folder, 'Education, Training, and Experience.txt'),
    [
      'O*NET-SOC Code',
      'Title',
      'Element ID',
      'Element Name',
      'Scale ID',
      'Scale Name',
      'Category',
      ...rating,
      'Date',
      'Domain Source',
    ],
    function* () {
      for (const c of codes)
        for (const scale of ['RL', 'RW', 'PT', 'OJ'])
          for (let n = 1; n <= 12; n++)
            yield [
              c,
              `Occupation ${c}`,
              '2.D.1',
              'Required Level of Education',
              scale,
              scale,
              n,
              (100 / 12).toFixed(2),
              '20',
              'n/a',
              'n/a',
              'n/a',
              'N',
              '08/2023',
              'Incumbent',
            ];
    },
  );
}

function timed(args, cwd) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [path.join(ROOT, 'bin/careerdeck.js'), ...args], {
      cwd,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const stop = watchTree(child.pid, 20);
    child.on('exit', (status) => {
      const peak = stop();
      if (status !== 0) reject(new Error(`new role exited ${status}\n${stderr}`));
      else resolve({ ms: performance.now() - started, ...peak });
    });
  });
}

const dir = await mkdtemp(path.join(tmpdir(), 'careerdeck-bench-import-'));
try {
  const folder = path.join(dir, 'db_30_0_text');
  await generate(folder);
  let bytes = 0;
  for (const f of await readdir(folder)) bytes += (await stat(path.join(folder, f))).size;
  console.log(`generated ${OCCUPATIONS} occupations, ${(bytes / 2 ** 20).toFixed(0)} MB in ${folder}`);
  await mkdir(path.join(dir, 'content', 'roles'), { recursive: true });
  const runs = [];
  for (let round = 0; round < 3; round++) {
    runs.push(
      await timed(
        ['new', 'role', '--from', 'onet:15-2051.00', '--data', folder, '--content', 'content', '--force'],
        dir,
      ),
    );
  }
  const ms = runs.map((r) => r.ms).sort((a, b) => a - b)[1];
  const pss = Math.max(...runs.map((r) => r.pssMiB));
  console.log(
    `new role --from onet: median ${(ms / 1000).toFixed(2)} s (target < 5 s), peak PSS ${pss.toFixed(0)} MiB (target < 300 MB)`,
  );
} finally {
  await rm(dir, { recursive: true, force: true });
}
