import { mkdir, readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { writeFileAtomic } from '../emit/atomic.js';
import type { Diagnostic } from '../errors.js';
import type { DeckState, FileRecord } from '../model/index.js';

/**
 * The last whole build: the fingerprint of everything it read and every file it left, for the
 * fast path that parses nothing. Removed before a build writes anything, written when it ends.
 */
export interface BuildState {
  key: string;
  /** The warnings that build reported, so that a build with nothing to do reports them again. */
  warnings: Diagnostic[];
  decks: { slug: string; dir: string; slides: number; outputs: string[]; files: Record<string, FileRecord> }[];
}

const FORMAT = 3;

/**
 * The folder in the cache that holds the state of one output folder. The state stays out of the
 * output folder, so a deck folder copied to a USB stick or published carries no build records
 * (no absolute paths, no time stamps), and two builds of the same content are the same bytes.
 */
export function stateDir(cacheDir: string, outDir: string): string {
  return path.join(cacheDir, 'state', createHash('sha256').update(path.resolve(outDir)).digest('hex').slice(0, 16));
}

/** The record of the last whole build of an output folder (exported for tests). */
export function buildStateFile(state: string): string {
  return path.join(state, 'build.json');
}

const deckStateFile = (state: string, slug: string) => path.join(state, 'decks', `${slug}.json`);

export function readDeckState(state: string, slug: string): Promise<DeckState | undefined> {
  return readJson<DeckState>(deckStateFile(state, slug));
}

export async function writeDeckState(state: string, slug: string, value: DeckState): Promise<void> {
  await mkdir(path.join(state, 'decks'), { recursive: true });
  await writeFileAtomic(deckStateFile(state, slug), JSON.stringify({ format: FORMAT, ...value }, null, 1));
}

export function readBuildState(state: string): Promise<BuildState | undefined> {
  return readJson<BuildState>(buildStateFile(state));
}

export async function writeBuildState(state: string, value: BuildState): Promise<void> {
  await mkdir(state, { recursive: true });
  await writeFileAtomic(buildStateFile(state), JSON.stringify({ format: FORMAT, ...value }, null, 1));
}

export async function removeBuildState(state: string): Promise<void> {
  await rm(buildStateFile(state), { force: true });
}

/** Versions before 0.2 kept their records inside the output folders: gone at the next build. */
export async function removeLegacyState(outDir: string, deckDirs: readonly string[]): Promise<void> {
  // Best effort: a folder in the way is reported by the writes that follow, in plain words.
  const files = [
    path.join(outDir, '.careerdeck-build.json'),
    ...deckDirs.map((dir) => path.join(dir, '.careerdeck-outputs.json')),
  ];
  await Promise.all(files.map((file) => rm(file, { force: true }).catch(() => undefined)));
}

/** An output is fresh when it was made from one of `keys` and is on disk as it was written. */
export async function isFresh(
  dir: string,
  name: string,
  keys: readonly string[],
  state: DeckState | undefined,
): Promise<boolean> {
  const entry = state?.outputs[name];
  return entry !== undefined && keys.includes(entry.key) && (await asRecorded(path.join(dir, name), entry));
}

/** Size and time stamp of each file, as the next build will compare them. */
export async function recordFiles(dir: string, names: readonly string[]): Promise<Record<string, FileRecord>> {
  const records = await Promise.all(names.map(async (name) => [name, await record(path.join(dir, name))] as const));
  return Object.fromEntries(records);
}

export async function record(file: string): Promise<FileRecord> {
  const { size, mtimeMs } = await stat(file);
  return { bytes: size, mtimeMs };
}

/** Every recorded file is still there, as it was written. */
export async function filesAsRecorded(dir: string, files: Record<string, FileRecord>): Promise<boolean> {
  const checks = await Promise.all(
    Object.entries(files).map(([name, entry]) => asRecorded(path.join(dir, name), entry)),
  );
  return checks.every(Boolean);
}

async function asRecorded(file: string, entry: FileRecord): Promise<boolean> {
  const now = await stat(file).catch(() => undefined);
  return now?.size === entry.bytes && now.mtimeMs === entry.mtimeMs;
}

async function readJson<T>(file: string): Promise<T | undefined> {
  try {
    const value = JSON.parse(await readFile(file, 'utf8')) as { format?: number } & T;
    // A state from another format, or a damaged one, only means "rebuild".
    return value.format === FORMAT ? value : undefined;
  } catch {
    return undefined;
  }
}
