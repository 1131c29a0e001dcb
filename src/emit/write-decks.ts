import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { alive } from '../browser/profile.js';
import type { Comparison } from '../compare/compare.js';
import type { DeckState, FileRecord, OutputFile, PlannedOutput, ProgressEvent } from '../model/index.js';
import type { RenderedDeck } from '../render/render.js';
import type { Asset } from './assets.js';
import { removeStaleTemps } from './atomic.js';
import { DeckWriter, type WriteBytes } from './deck-writer.js';
import { outputName } from './names.js';
import { isReachKind, type ReachKind } from '../model/outputs.js';
import type { PrintedDeck } from './print-deck.js';

/** One deck folder to write: what the plan says is stale, and what was made for it (if anything). */
export interface DeckToWrite {
  c: Comparison;
  dir: string;
  planned: readonly PlannedOutput[];
  stale: readonly PlannedOutput[];
  /** Every file the deck's settings make, index.html included (the plan's). */
  slots: readonly string[];
  /** Outputs of earlier builds the deck no longer makes, still as written: removed with the commit. */
  obsolete: readonly string[];
  made?: PrintedDeck | undefined;
  /** The files the deck's outputs load: the shared ones and the deck's own fonts. */
  assets: readonly Asset[];
  /** What earlier builds wrote into the folder, each output with its record. */
  last?: DeckState | undefined;
}

/** What was written into one deck folder, with each output's record for the next build. */
export interface WrittenDeck {
  slug: string;
  dir: string;
  /** Slides of the deck written now; undefined when index.html was not written. */
  slides?: number | undefined;
  outputs: OutputFile[];
  /** Each written output by name: the fingerprint it was made from and how it lies on disk. */
  records: Map<string, FileRecord & { key: string }>;
  /** Outputs an earlier build wrote that this one no longer makes, removed with the commit. */
  removed: string[];
  upToDate: string[];
}

export interface WriteOptions {
  /** The time rendering took, shared among the decks' index.html in the progress lines. */
  renderMs: number;
  keepHtml: boolean;
  date: Date;
  writeBytes?: WriteBytes | undefined;
  checkAbort: () => void;
}

/**
 * Writes every deck folder as a set: all its files are staged, then renamed into place together
 * once every deck's are written (see deck-writer.ts); on any failure every folder is left as it
 * was. Progress events are returned, to be told once the folders are in place.
 */
export async function writeDecks(
  decks: readonly DeckToWrite[],
  o: WriteOptions,
): Promise<{ decks: WrittenDeck[]; progress: ProgressEvent[] }> {
  const writers: DeckWriter[] = [];
  const progress: ProgressEvent[] = [];
  const written: WrittenDeck[] = [];
  try {
    for (const deck of decks) {
      const writer = new DeckWriter(deck.dir, o.writeBytes);
      writers.push(writer);
      written.push(await stageDeck(deck, writer, o, progress));
    }
    o.checkAbort();
    for (const writer of writers) await writer.commit();
  } catch (error) {
    await Promise.all(writers.map((w) => w.rollback()));
    throw error;
  }
  // After the commit, so a failed build keeps every file: fonts the deck's pages no longer load
  // (its Chinese text was deleted) leave the folder, which holds only what the outputs use.
  for (const deck of decks) await pruneFonts(deck.dir, deck.assets);
  return { decks: written, progress };
}

/** Removes files in the deck's `assets/fonts/` that are not among its assets now. */
async function pruneFonts(dir: string, assets: readonly Asset[]): Promise<void> {
  const kept = new Set(assets.map((a) => path.normalize(a.path)));
  const fonts = path.join(dir, 'assets', 'fonts');
  const names = await readdir(fonts).catch(() => [] as string[]);
  await Promise.all(
    names
      .filter((name) => !kept.has(path.join('assets', 'fonts', name)))
      .map((name) => rm(path.join(fonts, name), { force: true })),
  );
}

async function stageDeck(
  { c, dir, planned, stale, slots, obsolete, made, assets, last }: DeckToWrite,
  writer: DeckWriter,
  o: WriteOptions,
  progress: ProgressEvent[],
): Promise<WrittenDeck> {
  const result: WrittenDeck = {
    slug: c.deck.slug,
    dir,
    outputs: [],
    records: new Map(),
    removed: [],
    upToDate: planned.filter((p) => !stale.includes(p)).map((p) => path.join(dir, p.name)),
  };
  await removeStaleTemps(dir, alive);
  // Every deck folder gets them, fresh or not, so that a deleted one comes back; files that
  // already hold the same bytes are left alone.
  for (const asset of assets) await writer.stage(asset.path, asset.bytes, { skipSame: true });
  // The folder holds what the deck makes: outputs of earlier builds that the deck's settings no
  // longer make go (the plan lists them). A build that makes less by its options (`--no-pdf`, no
  // `--images`) removes nothing: the PDFs and pictures are still the deck's.
  const names = new Set(slots);
  for (const name of obsolete) {
    writer.remove(name);
    result.removed.push(path.join(dir, name));
  }
  // Slide pictures are recorded by their thumbnail: when it was the tool's, so are images/NN.png,
  // and those that a build taking the pictures again does not write (a deck now shorter) go;
  // so do all of them when the deck no longer lists `images` (nor `--images` asks for them).
  const thumbnail = outputName(c.deck.slug, 'images');
  const retaken = (made?.extras.images ?? []).map((i) => i.name);
  if (last?.outputs[thumbnail] && (!names.has(thumbnail) || retaken.length > 0)) {
    const kept = new Set(names.has(thumbnail) ? retaken : []);
    const folder = path.dirname(thumbnail);
    for (const file of await readdir(path.join(dir, folder)).catch(() => [] as string[])) {
      const name = `${folder}/${file}`;
      if (!/^\d+\.png$/.test(file) || kept.has(name)) continue;
      writer.remove(name);
      result.removed.push(path.join(dir, name));
    }
  }
  if (!made) return result;
  const emit = async (name: string, bytes: Uint8Array | string, ms: number, pages?: number) => {
    o.checkAbort();
    const file = path.join(dir, name);
    const recorded = await writer.stage(name, bytes);
    result.outputs.push({ file, bytes: recorded.bytes, pages });
    const key = planned.find((p) => p.name === name)?.key;
    if (key) result.records.set(name, { key, ...recorded });
    progress.push({ deck: c.deck.slug, file, bytes: recorded.bytes, ms, pages });
  };
  const { rendered: r, pdfs, extras } = made;
  if (stale.some((p) => p.kind === 'deck')) {
    await emit('index.html', r.deck, o.renderMs);
    result.slides = r.slideCount;
  }
  if (o.keepHtml) await emitPrintSources(c, r, pdfs, emit);
  for (const pdf of pdfs) await emit(pdf.name, pdf.bytes, pdf.ms, pdf.pages);
  // The PowerPoint and the one-file deck were made while printing, when there was printing.
  for (const file of made.reach ?? []) await emit(file.name, file.bytes, file.ms);
  // Without printing nothing made them yet; the pictures are always made here.
  const reachKinds = new Set(
    stale.map((p) => p.kind).filter((k): k is ReachKind => isReachKind(k) && (k === 'images' || !made.reach)),
  );
  if (reachKinds.size > 0 || extras.images.length > 0) {
    const { reachFiles } = await import('./reach.js');
    for (const file of await reachFiles(c, r, reachKinds, assets, o.date, extras))
      await emit(file.name, file.bytes, file.ms);
  }
  o.checkAbort();
  return result;
}

/** `--keep-html`: the HTML each printed PDF was printed from, beside it. */
async function emitPrintSources(
  c: Comparison,
  r: RenderedDeck,
  pdfs: PrintedDeck['pdfs'],
  emit: (name: string, html: string, ms: number) => Promise<void>,
): Promise<void> {
  const { printSources } = await import('./jobs.js');
  for (const source of printSources(c, r))
    if (pdfs.some((p) => p.name === source.pdf)) await emit(source.name, source.html, 0);
}
