import { createHash } from 'node:crypto';
import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type HandlebarsApi from 'handlebars';

/** Template sources by name ("deck", "partials/columns", ...). */
export type Sources = Readonly<Record<string, string>>;
export type Specs = Record<string, ReturnType<typeof HandlebarsApi.precompile>>;

/** The runtime part of Handlebars (no compiler); its own typings declare nothing. */
export async function handlebarsRuntime(): Promise<typeof HandlebarsApi> {
  return (await import('handlebars/runtime.js')).default as unknown as typeof HandlebarsApi;
}

/**
 * The templates precompiled to JavaScript, kept in `cacheDir` under a digest of their sources
 * and the Handlebars version: a build whose templates did not change loads them with the small
 * Handlebars runtime instead of loading the compiler and compiling (about a tenth of a second).
 * Only careerdeck's template files are ever compiled, never content. Undefined when there is no
 * cache to keep them in: the caller then compiles in memory.
 */
export async function precompiledTemplates(sources: Sources, cacheDir: string | undefined): Promise<Specs | undefined> {
  if (!cacheDir) return undefined;
  const runtime = await handlebarsRuntime();
  // Sorted: the sources are read concurrently, so their order in the object varies from run to
  // run, and an unsorted key missed the cache about every other build.
  const key = createHash('sha256')
    .update(runtime.VERSION)
    .update(JSON.stringify(Object.entries(sources).sort(([a], [b]) => (a < b ? -1 : 1))))
    .digest('hex')
    .slice(0, 24);
  const file = pathToFileURL(path.join(cacheDir, `templates-${key}.mjs`)).href;
  const known = loaded.get(file);
  if (known) return known;
  const cached = await import(file).then(
    (m: { default: Specs }) => m.default,
    () => undefined,
  );
  if (cached) return remember(file, cached);
  const { default: Handlebars } = await import('handlebars');
  const code = Object.entries(sources).map(
    ([name, source]) => `  ${JSON.stringify(name)}: ${Handlebars.precompile(source, { strict: true })},`,
  );
  await store(
    fileURLToPath(file),
    cacheDir,
    `// Precompiled by careerdeck from its templates; safe to delete.\nexport default {\n${code.join('\n')}\n};\n`,
  );
  // A failed import is remembered per URL, so a damaged file is read again under another one.
  const fresh = await import(`${file}?${Date.now()}`).then(
    (m: { default: Specs }) => m.default,
    () => undefined,
  );
  return fresh && remember(file, fresh);
}

/**
 * Templates already loaded in this process, by file. Also needed because Node remembers a failed
 * import per URL: after a first compile, a long-lived process (`npm run dev`) would otherwise
 * miss the file it had just written and compile again on every build.
 */
const loaded = new Map<string, Specs>();
const remember = (file: string, specs: Specs): Specs => (loaded.set(file, specs), specs);

/**
 * Written whole or not at all, and older versions removed (they would pile up while templates are
 * edited under `npm run dev`); a cache that cannot be written only costs the compile next time.
 */
async function store(file: string, cacheDir: string, text: string): Promise<void> {
  const temp = `${file}.${process.pid}.tmp`;
  try {
    await mkdir(cacheDir, { recursive: true });
    await writeFile(temp, text);
    await rename(temp, file);
    const older = (await readdir(cacheDir)).filter(
      (name) => /^templates-[0-9a-f]+\.mjs$/.test(name) && name !== path.basename(file),
    );
    await Promise.all(older.map((name) => rm(path.join(cacheDir, name), { force: true })));
  } catch {
    await rm(temp, { force: true }).catch(() => undefined);
  }
}
