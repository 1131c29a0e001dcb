import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from '../emit/atomic.js';

/**
 * What the last build wrote into one deck folder: each output with the fingerprint of the
 * inputs it was made from and its size. Written after the outputs, so an interrupted build
 * leaves a state that points at older inputs, and the next build redoes those outputs.
 */
export interface DeckState {
  slides: number;
  outputs: Record<string, { key: string; bytes: number; mtimeMs: number }>;
}

/** The fingerprint of everything a whole build read, for the no-parsing fast path. */
export interface BuildState {
  key: string;
  /** Each deck folder and the outputs that build made or found fresh there. */
  decks: { slug: string; dir: string; outputs: string[] }[];
}

const DECK_STATE = '.careerdeck-build.json';
const BUILD_STATE = '.careerdeck-build.json';
const FORMAT = 1;

export function readDeckState(dir: string): Promise<DeckState | undefined> {
  return readJson<DeckState>(path.join(dir, DECK_STATE));
}

export function writeDeckState(dir: string, state: DeckState): Promise<void> {
  return writeFileAtomic(path.join(dir, DECK_STATE), JSON.stringify({ format: FORMAT, ...state }, null, 1));
}

export function readBuildState(outDir: string): Promise<BuildState | undefined> {
  return readJson<BuildState>(path.join(outDir, BUILD_STATE));
}

export function writeBuildState(outDir: string, state: BuildState): Promise<void> {
  return writeFileAtomic(path.join(outDir, BUILD_STATE), JSON.stringify({ format: FORMAT, ...state }, null, 1));
}

/** An output is fresh when it was made from one of `keys` and is on disk as it was written. */
export async function isFresh(dir: string, name: string, keys: readonly string[], state: DeckState | undefined): Promise<boolean> {
  const entry = state?.outputs[name];
  if (!entry || !keys.includes(entry.key)) return false;
  const now = await stat(path.join(dir, name)).catch(() => undefined);
  return now?.size === entry.bytes && now.mtimeMs === entry.mtimeMs;
}

/** What isFresh will compare a just-written output with. */
export async function written(file: string, key: string): Promise<{ key: string; bytes: number; mtimeMs: number }> {
  const { size, mtimeMs } = await stat(file);
  return { key, bytes: size, mtimeMs };
}

/** Each of `names` is listed in the state and still on disk as it was written. */
export async function allOnDisk(dir: string, names: readonly string[], state: DeckState): Promise<boolean> {
  const checks = await Promise.all(names.map((name) => isFresh(dir, name, state.outputs[name] ? [state.outputs[name].key] : [], state)));
  return checks.every(Boolean);
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
