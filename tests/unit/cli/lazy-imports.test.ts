import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempProject, type TempProject } from '../../support/project.js';
import { type CliRun, runCli } from '../../support/cli.js';

// A module hook that names, on stderr, each package the CLI loads from node_modules.
const HOOK = `data:text/javascript,${encodeURIComponent(`
import { register } from 'node:module';
register('data:text/javascript,' + encodeURIComponent(\`
import { writeSync } from 'node:fs';
export async function load(url, context, next) {
  const m = /node_modules\\\\/((?:@[^/]+\\\\/)?[^/]+)\\\\//.exec(url);
  if (m) writeSync(2, 'LOADED ' + m[1] + '\\\\n');
  const own = !m && /\\\\/dist\\\\/(.+\\\\.js)$/.exec(url);
  if (own) writeSync(2, 'MODULE ' + own[1] + '\\\\n');
  return next(url, context);
}\`));
`)}`;

const modules = (stderr: string) => new Set([...stderr.matchAll(/^MODULE (\S+)$/gm)].map((m) => m[1]));
const loaded = (stderr: string) => new Set([...stderr.matchAll(/^LOADED (\S+)$/gm)].map((m) => m[1]));

// What only some outputs need: a build that makes none of them must not pay for loading it.
const HEAVY = ['puppeteer-core', 'pptxgenjs', 'jszip', 'qrcode', 'jsdom', 'dompurify'];

describe('what a build loads', () => {
  let project: TempProject;
  // One forced build with both reporters on (the ESM hook and require's cache at exit): each
  // test below reads its own lines from it. Each reporter's run was a whole build of ~1 s of CPU.
  let forced: CliRun;
  beforeAll(async () => {
    project = await tempProject('imports');
    const report = path.join(project.dir, 'report-cjs.cjs');
    await writeFile(
      report,
      `process.on('exit', () => { for (const f of Object.keys(require.cache)) process.stderr.write('CJS ' + f + '\\n'); });`,
    );
    forced = await runCli(['build', '--no-pdf', '--force', '--content', project.content, '--out', project.out], {
      env: { ...process.env, NODE_OPTIONS: `--import=${HOOK} --require=${report}` },
    });
  });
  afterAll(() => project.remove());

  it('--no-pdf loads neither the browser nor what the PowerPoint, QR codes and SVG images need', () => {
    expect(forced.stderr).toContain('index.html');
    const packages = loaded(forced.stderr);
    expect(packages).toContain('marked');
    for (const name of HEAVY) expect(packages).not.toContain(name);
  });

  // CommonJS packages loaded with require() pass no ESM hook on Node 20: require's cache names them.
  it('--no-pdf of content without raw HTML loads neither sanitize-html nor zod’s translations', () => {
    expect(forced.stderr).toContain('index.html');
    const files = [...forced.stderr.matchAll(/^CJS (\S+)$/gm)].map((m) => m[1] ?? '');
    expect(files.some((f) => /[\\/]zod[\\/]/.test(f))).toBe(true);
    expect(files.filter((f) => /[\\/]zod[\\/]v4[\\/]locales[\\/](?!en\.cjs$)/.test(f))).toEqual([]);
    expect(files.filter((f) => /[\\/]node_modules[\\/](?:sanitize-html|htmlparser2|postcss)[\\/]/.test(f))).toEqual([]);
  });

  it('a build with nothing changed loads nothing but the command line parser', async () => {
    const run = await runCli(['build', '--no-pdf', '--content', project.content, '--out', project.out], {
      env: { ...process.env, NODE_OPTIONS: `--import=${HOOK}` },
    });
    expect(run.stderr).toContain('nothing changed');
    expect([...loaded(run.stderr)]).toEqual(['commander']);
    // Nor careerdeck's own modules for the work it skips (issue 27: each costs startup time).
    const own = modules(run.stderr);
    expect(own).toContain('incremental/check.js');
    for (const name of ['browser/session.js', 'emit/write-decks.js', 'incremental/record.js', 'model/index.js'])
      expect(own).not.toContain(name);
  });
});
