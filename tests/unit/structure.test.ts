import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../support/content.js';

/**
 * The layout CONTRIBUTING describes, checked on every import in src/: the pipeline has one
 * direction, `load -> validate -> compare -> render -> layout -> emit` (the browser before layout
 * and emit, which measure and print with it; incremental after emit, whose writes it records), and a stage imports only from
 * stages before its own and from what every stage shares. The rest (build.ts, the CLI, the
 * servers, config, scaffolding, importers) is the shell around the stages: it may import any of
 * them, and no stage imports it. `npm run cycles` checks import circles; this checks direction.
 */
const SHARED = ['model/', 'errors.ts', 'config/defaults.ts'];
const STAGES = ['load/', 'validate/', 'compare/', 'render/', 'browser/', 'layout/', 'emit/', 'incremental/'];
const SRC = path.join(PROJECT_ROOT, 'src');

type Place = { kind: 'shared' } | { kind: 'stage'; index: number } | { kind: 'shell' };

function placeOf(file: string): Place {
  if (SHARED.some((s) => file === s || (s.endsWith('/') && file.startsWith(s)))) return { kind: 'shared' };
  const index = STAGES.findIndex((s) => file.startsWith(s));
  return index >= 0 ? { kind: 'stage', index } : { kind: 'shell' };
}

const describePlace = (p: Place) => (p.kind === 'stage' ? STAGES[p.index]! : p.kind);

/** Why `from` may not import `to`, or undefined when it may. */
export function wrongImport(from: string, to: string): string | undefined {
  const [a, b] = [placeOf(from), placeOf(to)];
  if (b.kind === 'shared') return undefined;
  if (a.kind === 'shared') return `shared code imports ${describePlace(b)}`;
  if (a.kind === 'stage' && b.kind === 'shell') return `the stage ${describePlace(a)} imports the shell`;
  if (a.kind === 'stage' && b.kind === 'stage' && b.index > a.index)
    return `${describePlace(a)} imports ${describePlace(b)}, a later stage`;
  if (to.startsWith('cli/') && !from.startsWith('cli/')) return 'only the CLI imports the CLI';
  return undefined;
}

async function sources(): Promise<{ file: string; text: string }[]> {
  const names = (await readdir(SRC, { recursive: true })).filter((n) => n.endsWith('.ts')).sort();
  return Promise.all(
    names.map(async (n) => ({ file: n.split(path.sep).join('/'), text: await readFile(path.join(SRC, n), 'utf8') })),
  );
}

/** Every module a file imports, static or on use (`import()`), by its path under src/ (`.ts`). */
function importsOf(file: string, text: string): { specifier: string; target?: string }[] {
  return ts.preProcessFile(text, true, true).importedFiles.map(({ fileName }) => {
    if (!fileName.startsWith('.')) return { specifier: fileName };
    const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), fileName)).replace(/\.js$/, '.ts');
    return { specifier: fileName, target };
  });
}

describe('the structure of src/', () => {
  it('finds the imports it checks', async () => {
    const files = await sources();
    const build = files.find((f) => f.file === 'build.ts')!;
    const targets = importsOf(build.file, build.text).map((i) => i.target);
    // Static and on-use imports alike (build.ts loads the renderer on use).
    expect(targets).toContain('incremental/check.ts');
    expect(targets).toContain('render/render.ts');
    expect(files.length).toBeGreaterThan(100);
  });

  it('has no import against the stage order', async () => {
    const wrong: string[] = [];
    for (const { file, text } of await sources())
      for (const { target } of importsOf(file, text)) {
        const why = target && wrongImport(file, target);
        if (why) wrong.push(`${file} -> ${target}: ${why}`);
      }
    expect(wrong).toEqual([]);
  });

  it('knows a wrong import when it sees one', () => {
    expect(wrongImport('validate/validate.ts', 'config/precedence.ts')).toMatch(/imports the shell/);
    expect(wrongImport('emit/write-decks.ts', 'incremental/state.ts')).toMatch(/a later stage/);
    expect(wrongImport('model/outputs.ts', 'emit/names.ts')).toMatch(/shared code/);
    expect(wrongImport('dev/server.ts', 'cli/main.ts')).toMatch(/only the CLI/);
    expect(wrongImport('incremental/plan.ts', 'emit/names.ts')).toBeUndefined();
    expect(wrongImport('render/render.ts', 'config/defaults.ts')).toBeUndefined();
    expect(wrongImport('build.ts', 'emit/write-decks.ts')).toBeUndefined();
    expect(wrongImport('layout/slides.ts', 'emit/print.ts')).toMatch(/a later stage/);
    expect(wrongImport('render/deck-view.ts', 'layout/slides.ts')).toMatch(/a later stage/);
    expect(wrongImport('emit/jobs.ts', 'layout/report.ts')).toBeUndefined();
  });

  it('starts the browser from browser/ only: other stages use its types', async () => {
    const loaded = (await sources()).filter(
      ({ file, text }) =>
        !file.startsWith('browser/') &&
        (/^import (?!type )[^;]*from 'puppeteer-core/m.test(text) || /import\('puppeteer-core/.test(text)),
    );
    expect(loaded.map((f) => f.file)).toEqual([]);
  });

  it('exits only from the CLI', async () => {
    const exiting = (await sources()).filter(
      ({ file, text }) => !file.startsWith('cli/') && /process\.exit\(/.test(text),
    );
    expect(exiting.map((f) => f.file)).toEqual([]);
  });
});
