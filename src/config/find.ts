import { existsSync } from 'node:fs';
import path from 'node:path';
import { ConfigError } from '../errors.js';
import { displayPath } from '../load/read.js';

/** Looked for in the working directory, in this order; two of them at once is an error. */
export const CONFIG_FILES = [
  'careerdeck.config.json',
  'careerdeck.config.ts',
  'careerdeck.config.mjs',
  'careerdeck.config.js',
] as const;

/** The config file in `cwd`, if there is one. */
export function findConfig(cwd = process.cwd()): string | undefined {
  const found = CONFIG_FILES.map((name) => path.join(cwd, name)).filter((file) => existsSync(file));
  if (found.length > 1) {
    throw new ConfigError([
      {
        file: displayPath(found[1]!, cwd),
        message: `${path.basename(found[0]!)} is here too; keep one config file and remove the other`,
      },
    ]);
  }
  return found[0];
}
