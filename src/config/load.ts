import { readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { LineCounter, parseDocument, type Document } from 'yaml';
import { ConfigError, type Diagnostic } from '../errors.js';
import { displayPath } from '../load/read.js';
import { checkFrontMatter } from '../validate/schema-diagnostics.js';
import { type ConfigValues, configSchema } from './schema.js';

export interface LoadedConfig {
  /** As shown in messages (relative to the working directory). */
  file: string;
  /** Folder the config's paths are relative to. */
  dir: string;
  values: ConfigValues;
  /** The parsed JSON, for the lines of later problems (brand accent, logo); none for code. */
  yaml?: Document.Parsed | undefined;
  lineCounter?: LineCounter | undefined;
}

/** Reads and checks a config file; every unknown key and wrong type is reported with its place. */
export async function loadConfig(file: string, cwd = process.cwd()): Promise<LoadedConfig> {
  const shown = displayPath(file, cwd);
  const dir = path.dirname(path.resolve(file));
  if (file.endsWith('.json')) {
    const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
      throw new ConfigError([
        { file: shown, message: `cannot be read (${error.code ?? error.message}); check the path given to --config` },
      ]);
    });
    const lineCounter = new LineCounter();
    // JSON is YAML: the YAML parser gives every key its line, for messages that point at it.
    const yaml = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false, schema: 'json' });
    if (yaml.errors.length > 0) {
      throw new ConfigError(
        yaml.errors.map((e) => ({
          file: shown,
          line: lineCounter.linePos(e.pos[0]).line,
          message: `is not valid JSON: ${e.message.split('\n')[0]}`,
        })),
      );
    }
    return {
      file: shown,
      dir,
      values: check(yaml.toJS(), { file: shown, yaml, lineCounter, firstLine: 1 }),
      yaml,
      lineCounter,
    };
  }
  const exported = await importCode(file, shown);
  return { file: shown, dir, values: check(exported, { file: shown }) };
}

function check(data: unknown, at: Parameters<typeof checkFrontMatter>[2]): ConfigValues {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new ConfigError([
      {
        file: at.file,
        line: at.yaml ? 1 : undefined,
        message: 'must hold an object of settings, such as { "theme": "dark" }',
      },
    ]);
  }
  const { value, diagnostics } = checkFrontMatter(configSchema, data, at);
  if (!value)
    throw new ConfigError(
      diagnostics.map((d): Diagnostic => ({
        ...d,
        message: d.message.replace('to the front matter', 'to the config'),
      })),
    );
  return value;
}

/** The default export of a .js/.mjs config, or of a .ts one once TypeScript has stripped its types. */
let loads = 0;

async function importCode(file: string, shown: string): Promise<unknown> {
  let target = file;
  try {
    // A fresh URL each time: the dev server reads the config again after every save.
    const version = `${(await stat(file)).mtimeMs}-${++loads}`;
    if (file.endsWith('.ts')) {
      // careerdeck's own TypeScript (a dependency of its checkout) strips the types.
      const ts = await import('typescript').catch(() => undefined);
      if (!ts)
        throw new ConfigError([
          {
            file: shown,
            message: 'needs TypeScript to be read; run npm install, or rename it to careerdeck.config.mjs',
          },
        ]);
      const { outputText } = ts.default.transpileModule(await readFile(file, 'utf8'), {
        compilerOptions: { module: ts.default.ModuleKind.ESNext, target: ts.default.ScriptTarget.ES2022 },
        fileName: file,
      });
      // Beside the original, so that its imports resolve as they would from there.
      target = path.join(path.dirname(file), `.careerdeck.config.${process.pid}.mjs`);
      await writeFile(target, outputText);
    }
    const module = (await import(`${pathToFileURL(target).href}?v=${version}`)) as { default?: unknown };
    if (module.default === undefined)
      throw new ConfigError([
        { file: shown, message: 'has no default export; write export default defineConfig({ ... })' },
      ]);
    return module.default;
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT')
      throw new ConfigError([{ file: shown, message: 'does not exist; check the path given to --config' }]);
    throw new ConfigError([
      { file: shown, message: `cannot be loaded: ${code ?? (error as Error).message.split('\n')[0]}` },
    ]);
  } finally {
    if (target !== file) await rm(target, { force: true });
  }
}
