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
  const key = createHash('sha256').update(runtime.VERSION).update(JSON.stringify(sources)).digest('hex').slice(0, 24);
  const file = pathToFileURL(path.join(cacheDir, `templates-${key}.mjs`)).href;
  const load = () => import(file).then((m: { default: Specs }) => m.default, () => undefined);
  const cached = await load();
  if (cached) return cached;
  const { default: Handlebars } = await import('handlebars');
  const code = Object.entries(sources).map(([name, source]) => `  ${JSON.stringify(name)}: ${Handlebars.precompile(source, { strict: true })},`);
  await store(fileURLToPath(file), cacheDir, `// Precompiled by careerdeck from its templates; safe to delete.\nexport default {\n${code.join('\n')}\n};\n`);
  // A failed import is remembered per URL, so a damaged file is read again under another one.
  return import(`${file}?${Date.now()}`).then((m: { default: Specs }) => m.default, () => undefined);
}

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
    const older = (await readdir(cacheDir)).filter((name) => /^templates-[0-9a-f]+\.mjs$/.test(name) && name !== path.basename(file));
    await Promise.all(older.map((name) => rm(path.join(cacheDir, name), { force: true })));
  } catch {
    await rm(temp, { force: true }).catch(() => undefined);
  }
}
