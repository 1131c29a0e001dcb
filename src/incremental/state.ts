import { readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from '../emit/atomic.js';
import type { Diagnostic } from '../errors.js';

/** A file as it was written: an output and the fingerprint it was made from, or a copied asset. */
export interface FileRecord {
  bytes: number;
  mtimeMs: number;
}

/**
 * What builds wrote into one deck folder: each output with the fingerprint of the inputs it was
 * made from. Written after the deck's outputs, so an interrupted build leaves a state that points
 * at older inputs, and the next build redoes those outputs.
 */
export interface DeckState {
  slides: number;
  outputs: Record<string, FileRecord & { key: string }>;
}

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

const DECK_STATE = '.careerdeck-outputs.json';
const BUILD_STATE = '.careerdeck-build.json';
const FORMAT = 3;

export function readDeckState(dir: string): Promise<DeckState | undefined> {
  return readJson<DeckState>(path.join(dir, DECK_STATE));
}

export function writeDeckState(dir: string, state: DeckState): Promise<void> {
  return writeFileAtomic(path.join(dir, DECK_STATE), deckStateText(state));
}

/** The deck state's file name in a deck folder and its text, for a writer that stages it with the outputs. */
export const DECK_STATE_FILE = DECK_STATE;
export function deckStateText(state: DeckState): string {
  return JSON.stringify({ format: FORMAT, ...state }, null, 1);
}

export function readBuildState(outDir: string): Promise<BuildState | undefined> {
  return readJson<BuildState>(path.join(outDir, BUILD_STATE));
}

export function writeBuildState(outDir: string, state: BuildState): Promise<void> {
  return writeFileAtomic(path.join(outDir, BUILD_STATE), JSON.stringify({ format: FORMAT, ...state }, null, 1));
}

export async function removeBuildState(outDir: string): Promise<void> {
  await rm(path.join(outDir, BUILD_STATE), { force: true });
}

/** An output is fresh when it was made from one of `keys` and is on disk as it was written. */
export async function isFresh(dir: string, name: string, keys: readonly string[], state: DeckState | undefined): Promise<boolean> {
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
  const checks = await Promise.all(Object.entries(files).map(([name, entry]) => asRecorded(path.join(dir, name), entry)));
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
