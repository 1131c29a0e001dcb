// Compiles src/ into dist/ and stamps the time. The CLI (bin/careerdeck.js) calls
// compileIfStale() first, so npm scripts need no compile step of their own: `npm run check`
// costs a few file stats when nothing changed instead of a 3-second no-op tsc run.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const stamp = path.join(root, 'dist', '.compiled');
const tsc = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc');

function newest(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(full) : statSync(full).mtimeMs);
  }
  return latest;
}

export function compile() {
  const result = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: root, stdio: ['ignore', 2, 2] });
  if (result.status !== 0) {
    process.stderr.write('careerdeck: compiling src/ failed; see the errors above\n');
    process.exit(3);
  }
  writeFileSync(stamp, '');
}

/** In a checkout with TypeScript installed: compile when src/ or a tsconfig is newer than dist/. */
export function compileIfStale() {
  if (!existsSync(path.join(root, 'src')) || !existsSync(tsc)) return;
  const built = statSync(stamp, { throwIfNoEntry: false })?.mtimeMs ?? 0;
  const inputs = Math.max(newest(path.join(root, 'src')), ...['tsconfig.json', 'tsconfig.build.json'].map((f) => statSync(path.join(root, f)).mtimeMs));
  if (inputs <= built) return;
  process.stderr.write('compiling careerdeck (src/ changed since it was last compiled)\n');
  compile();
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) compile();
