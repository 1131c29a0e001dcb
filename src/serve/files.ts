import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';

/** What a request path names inside the served folder. */
export type Resolved = { kind: 'file'; file: string } | { kind: 'directory'; dir: string } | { kind: 'not-found' };

/**
 * The segments of a URL path (query already removed), or undefined when the path cannot name a
 * file of ours: bad percent-encoding, `..` or `.` segments (also encoded), hidden names,
 * backslashes, NUL or a colon (a drive letter or an NTFS stream on Windows; no output name has
 * one). Refused rather than normalised, so that nothing outside is ever reached.
 */
export function pathSegments(urlPath: string): string[] | undefined {
  if (!urlPath.startsWith('/')) return undefined;
  const segments: string[] = [];
  for (const raw of urlPath.slice(1).split('/')) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return undefined;
    }
    if (segment === '') continue;
    if (segment.startsWith('.') || /[\\/\0:]/.test(segment)) return undefined;
    segments.push(segment);
  }
  return segments;
}

/**
 * Resolves a URL path to a file or folder under `root`, following symbolic links only when they
 * stay inside it (the real path is checked, so a link to outside is not found).
 */
export async function resolveUnder(root: string, urlPath: string): Promise<Resolved> {
  const segments = pathSegments(urlPath);
  if (!segments) return { kind: 'not-found' };
  let realRoot: string;
  let real: string;
  try {
    realRoot = await realpath(root);
    real = await realpath(path.join(realRoot, ...segments));
  } catch {
    return { kind: 'not-found' };
  }
  if (!inside(realRoot, real)) return { kind: 'not-found' };
  const stats = await stat(real).catch(() => undefined);
  if (stats?.isDirectory()) return { kind: 'directory', dir: real };
  if (stats?.isFile()) return { kind: 'file', file: real };
  return { kind: 'not-found' };
}

/** Whether `file` is `dir` or lies under it. */
export function inside(dir: string, file: string): boolean {
  const relative = path.relative(dir, file);
  return relative === '' || (relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative));
}
