import { lstatSync, readFileSync, type Stats } from 'node:fs';
import path from 'node:path';
import { CODE_ROOT, codeDigest, hashTree, isCode, type KnownDigest } from './fingerprint.js';

/**
 * The digests of careerdeck's own files, recorded by `npm run compile` (bin/compile.mjs) in
 * dist/.fingerprints.json, so that a build with nothing changed stats them instead of reading and
 * hashing about 200 files. A recorded digest is used only for a file that is provably as it was
 * hashed: same size, inode, modification and change times; and, as git does for its index
 * ("racy git"), only when both times are older than the moment the recording started, measured
 * on the file system's own clock. A write after the recording then always gives a later time,
 * even within a coarse time stamp's tick (FAT: 2 s) and even when a tool puts the old
 * modification time back (the change time cannot be set). Anything else is read and hashed.
 */
export const RECORD_FILE = '.fingerprints.json';
const FORMAT = 1;

/** size, modification and change times (ms), inode, digest. */
type Entry = [number, number, number, number, string];

export interface Records {
  format: typeof FORMAT;
  /** The file system's time when the recording started (a file written then, its mtime). */
  before: number;
  /** By tree (`code`: the code folder; `templates`: careerdeck's own templates), by relative path. */
  trees: Record<string, Record<string, Entry>>;
}

const sameFile = (s: Stats, e: Entry) => s.size === e[0] && s.mtimeMs === e[1] && s.ctimeMs === e[2] && s.ino === e[3];

/** The recorded digests of one tree as a lookup that stats each file before trusting its entry. */
export function knownFrom(records: Records | undefined, tree: string): KnownDigest | undefined {
  const entries = records?.trees[tree];
  if (!records || !entries) return undefined;
  return (rel, full) => {
    const e = Object.hasOwn(entries, rel) ? entries[rel] : undefined;
    if (!e || !(e[1] < records.before && e[2] < records.before)) return undefined;
    let now: Stats;
    try {
      now = lstatSync(full);
    } catch {
      return undefined;
    }
    return now.isFile() && sameFile(now, e) ? e[4] : undefined;
  };
}

/**
 * Hashes a tree for the record: each file is stat'ed before it is read, so a write during the
 * recording leaves a time the next build sees as changed. Files not older than `before` are left
 * out (they are hashed at every build until the next recording).
 */
export async function recordTree(
  dir: string,
  keep: (name: string) => boolean,
  before: number,
): Promise<Record<string, Entry>> {
  const stats = new Map<string, Stats>();
  const hashes = await hashTree(dir, keep, (rel, full) => {
    stats.set(rel, lstatSync(full));
    return undefined;
  });
  const out: Record<string, Entry> = {};
  for (const [rel, s] of stats) {
    const hash = hashes.get(rel);
    if (hash && s.mtimeMs < before && s.ctimeMs < before) out[rel] = [s.size, s.mtimeMs, s.ctimeMs, s.ino, hash];
  }
  return out;
}

/** The records beside a code folder, or nothing (missing, damaged, another format). */
export function readRecords(codeRoot: string = CODE_ROOT): Records | undefined {
  try {
    const value = JSON.parse(readFileSync(path.join(codeRoot, RECORD_FILE), 'utf8')) as Partial<Records>;
    const ok = value.format === FORMAT && typeof value.before === 'number' && typeof value.trees === 'object';
    return ok ? (value as Records) : undefined;
  } catch {
    return undefined;
  }
}

/** What bin/compile.mjs records after compiling: the code folder and careerdeck's templates. */
export async function makeRecords(codeRoot: string, before: number): Promise<Records> {
  return {
    format: FORMAT,
    before,
    trees: {
      code: await recordTree(codeRoot, (name) => isCode(name, '.js'), before),
      templates: await recordTree(path.join(codeRoot, '..', 'templates'), () => true, before),
    },
  };
}

let records: Records | undefined | null = null;
const theRecords = () => (records === null ? (records = readRecords()) : records);

let cachedVersion: Promise<string> | undefined;

/**
 * careerdeck's own version for fingerprints: its package.json (name, version, dependency
 * versions) and the code that is running, so an upgrade or a local code change rebuilds.
 */
export function codeVersion(): Promise<string> {
  cachedVersion ??= codeDigest(CODE_ROOT, knownFrom(theRecords(), 'code'));
  return cachedVersion;
}

/** For hashing a templates folder: the recorded digests when it is careerdeck's own. */
export function knownTemplates(templatesDir: string): KnownDigest | undefined {
  const own = path.resolve(CODE_ROOT, '..', 'templates');
  return path.resolve(templatesDir) === own ? knownFrom(theRecords(), 'templates') : undefined;
}
