import { lstat, readdir, readFile, realpath } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic } from '../errors.js';
import { DEFAULT_LIMITS, sizeText } from './limits.js';
import type { SourceFile } from './source.js';

const kinds = { roles: 'role', decks: 'deck' } as const;

export interface ReadResult {
  files: SourceFile[];
  diagnostics: Diagnostic[];
}

/**
 * Reads `roles/*.md` and `decks/*.md` under the content folder. A file that resolves outside
 * the content folder (a symlink pointing elsewhere) is refused, never read; so is one larger than
 * `maxBytes`, which is told by its size before a byte of it is read or parsed.
 */
export async function readContentDir(
  contentDir: string,
  cwd = process.cwd(),
  maxBytes = DEFAULT_LIMITS.fileBytes,
): Promise<ReadResult> {
  const root = await realpath(contentDir).catch(() => undefined);
  const shown = (p: string) => displayPath(p, cwd);
  if (root === undefined) {
    return {
      files: [],
      diagnostics: [
        { file: shown(contentDir), message: 'content folder not found; create it or pass --content <folder>' },
      ],
    };
  }
  const files: SourceFile[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const [folder, kind] of Object.entries(kinds)) {
    const dir = path.join(contentDir, folder);
    const names = await readdir(dir).catch(() => [] as string[]);
    for (const name of names.filter((n) => n.endsWith('.md')).sort()) {
      const file = path.join(dir, name);
      const real = await realpath(file).catch(() => undefined);
      if (real === undefined) {
        diagnostics.push({
          file: shown(file),
          message: 'is a link to a file that does not exist; remove the link or restore its target',
        });
        continue;
      }
      if (!isInside(real, root)) {
        diagnostics.push({
          file: shown(file),
          message: `links to ${real}, outside the content folder; copy the file into content/ instead of linking to it`,
        });
        continue;
      }
      const info = await lstat(real);
      if (!info.isFile()) continue;
      if (info.size > maxBytes) {
        diagnostics.push({
          file: shown(file),
          line: 1,
          message: `is ${sizeText(info.size)}, over the limit of ${sizeText(maxBytes)} for one content file; split it into several files or shorten it`,
        });
        continue;
      }
      files.push({ path: shown(file), kind, slug: name.slice(0, -'.md'.length), bytes: await readFile(real) });
    }
  }
  return { files, diagnostics };
}

export function isInside(child: string, parent: string): boolean {
  const rel = path.relative(parent, child);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel));
}

export function displayPath(file: string, cwd: string): string {
  const abs = path.resolve(cwd, file);
  return isInside(abs, cwd) ? path.relative(cwd, abs) : abs;
}
