import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DEFAULT_CONTENT, PROJECT_ROOT } from './content.js';

/** Content files by path relative to the content folder (`roles/alpha.md`). */
export type Files = Record<string, string | Uint8Array>;

export interface TempProject {
  dir: string;
  content: string;
  out: string;
  /** The path of a content file as careerdeck prints it in messages. */
  shown: (relative: string) => string;
  remove: () => Promise<void>;
}

/**
 * The one way tests make a project: a new temporary folder whose `content/` is a copy of the
 * default content (`'default'`), of a fixture (`{ fixture: 'six-roles' }`, from
 * tests/fixtures/<name>/content), or the given files written fresh; `output/` beside it. The folder
 * is made in the system's temporary folder, or in `parent` (the shared builds' run folder).
 */
export async function tempProject(
  prefix: string,
  from: 'default' | { fixture: string } | Files = 'default',
  parent: string = tmpdir(),
): Promise<TempProject> {
  const dir = await mkdtemp(path.join(parent, `careerdeck-${prefix}-`));
  const content = path.join(dir, 'content');
  if (from === 'default') await cp(DEFAULT_CONTENT, content, { recursive: true });
  else if (typeof from.fixture === 'string')
    await cp(path.join(PROJECT_ROOT, 'tests/fixtures', from.fixture, 'content'), content, { recursive: true });
  else {
    await mkdir(path.join(content, 'roles'), { recursive: true });
    await mkdir(path.join(content, 'decks'), { recursive: true });
    for (const [name, data] of Object.entries(from as Files)) {
      await mkdir(path.dirname(path.join(content, name)), { recursive: true });
      await writeFile(path.join(content, name), data);
    }
  }
  return {
    dir,
    content,
    out: path.join(dir, 'output'),
    shown: (relative) => shownPath(path.join(content, relative)),
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}

/** How careerdeck prints a path: relative to the working directory when inside it, else absolute. */
export function shownPath(file: string): string {
  const rel = path.relative(process.cwd(), file);
  return rel === '' || rel.startsWith('..') || path.isAbsolute(rel) ? file : rel;
}
