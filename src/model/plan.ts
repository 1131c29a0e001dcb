import type { OutputChoice } from './outputs.js';

/**
 * The plan of a build and the records it keeps, shared by emit/ (which writes what the plan says
 * and records how it lies on disk) and incremental/ (which plans from the last records).
 */

/** What a deck folder holds: its index.html (`deck`) and what its `outputs` list. */
export type OutputKind = 'deck' | OutputChoice;

/** One output a deck should have, with the fingerprint of the inputs it is made from. */
export interface PlannedOutput {
  name: string;
  kind: OutputKind;
  /** The fingerprint it is written with. */
  key: string;
  /** Fingerprints that also count as fresh (a measured deck is as good as an estimated one). */
  alsoFresh: string[];
}

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
  /**
   * The font files the deck's outputs load (package file, place beside the deck): a later build
   * that leaves the deck as it is copies them without rendering the deck again to learn them.
   */
  fonts?: { source: string; path: string }[];
}
