// Compiles src/ into dist/ and stamps the time (here in bin/, beside the CLI that runs it). The CLI (bin/careerdeck.js) calls
// compileIfStale() first, so npm scripts need no compile step of their own: `npm run check`
// costs a few file stats when nothing changed instead of a 3-second no-op tsc run.
import {
  existsSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const stamp = path.join(root, 'dist', '.compiled');
const records = path.join(root, 'dist', '.fingerprints.json');
const tsc = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc');

/**
 * Every file under `rel` (a folder relative to `root`, "/"-separated) with its time stamp, by
 * path relative to `root`. Paths are joined as strings: path.join and path.relative made this
 * walk, which every CLI run does, three times slower (19 ms against 6 ms of CPU for src/).
 */
function files(rel, out = new Map()) {
  for (const entry of readdirSync(`${root}/${rel}`, { withFileTypes: true })) {
    const child = `${rel}/${entry.name}`;
    if (entry.isDirectory()) files(child, out);
    else out.set(child, statSync(`${root}/${child}`).mtimeMs);
  }
  return out;
}

const inputs = () =>
  files('src', new Map(['tsconfig.json', 'tsconfig.build.json'].map((f) => [f, statSync(`${root}/${f}`).mtimeMs])));
// The stamp lists the inputs compiled, so that a renamed or deleted file (whose time stamp
// moves with it) also counts as a change.
const listing = (map) => [...map.keys()].sort().join('\n');

export async function compile() {
  const compiled = inputs();
  pruneOrphans(compiled);
  // Until the new code is recorded, builds hash it (see src/incremental/recorded.ts).
  rmSync(records, { force: true });
  // Imported here: every CLI run loads this file, and only a compile spawns.
  const { spawnSync } = await import('node:child_process');
  const result = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], {
    cwd: root,
    stdio: ['ignore', 2, 2],
  });
  if (result.status !== 0) {
    process.stderr.write('careerdeck: compiling src/ failed; see the errors above\n');
    process.exit(3);
  }
  writeFileSync(stamp, listing(compiled));
  // The newest input's time, not now: a file saved while tsc ran is newer and compiles next time.
  const newest = new Date(Math.ceil(Math.max(...compiled.values())));
  utimesSync(stamp, newest, newest);
  await recordDigests();
}

/**
 * The digests of the compiled code and of careerdeck's templates, for builds with nothing
 * changed (src/incremental/recorded.ts): recorded with the compiled module itself, so the digest
 * is the one a build computes by hashing. The start time is the file system's: the mtime of the
 * record file written empty first. Files tsc wrote in the same time stamp tick are not recorded
 * (hashed at every build), hence the short wait.
 */
async function recordDigests() {
  await new Promise((resolve) => setTimeout(resolve, 30));
  writeFileSync(records, '');
  const before = statSync(records).mtimeMs;
  const { makeRecords } = await import(pathToFileURL(path.join(root, 'dist', 'incremental', 'recorded.js')).href);
  const made = await makeRecords(path.join(root, 'dist'), before);
  writeFileSync(`${records}.tmp`, JSON.stringify(made));
  renameSync(`${records}.tmp`, records);
}

/** What dist/ holds of modules that no longer exist in src/ (renamed or deleted) is removed. */
function pruneOrphans(sources) {
  const dist = path.join(root, 'dist');
  if (!existsSync(dist)) return;
  for (const [rel] of files('dist')) {
    const module = /^dist\/(.+?)(\.d)?\.js(\.map)?$|^dist\/(.+?)\.d\.ts$/.exec(rel);
    const name = module?.[1] ?? module?.[4];
    if (name && !sources.has(`src/${name}.ts`)) rmSync(path.join(root, rel), { force: true });
  }
}

/** In a checkout with TypeScript installed: compile when src/ or a tsconfig is newer than dist/. */
export async function compileIfStale() {
  if (!existsSync(path.join(root, 'src')) || !existsSync(tsc)) return;
  const built = statSync(stamp, { throwIfNoEntry: false })?.mtimeMs ?? 0;
  const now = inputs();
  if (Math.max(...now.values()) <= built && readFileSync(stamp, 'utf8') === listing(now)) return;
  process.stderr.write('compiling careerdeck (src/ changed since it was last compiled)\n');
  await compile();
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await compile();
