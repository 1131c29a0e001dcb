import path from 'node:path';
import type { Asset, FontFile } from '../emit/assets.js';
import type { WrittenDeck } from '../emit/write-decks.js';
import type { Diagnostic } from '../errors.js';
import type { DeckPlan } from './check.js';
import type { DeckState } from '../model/index.js';
import { recordFiles, writeBuildState, writeDeckState } from './state.js';

/**
 * After the deck folders are in place: each deck's record of what its outputs were made from
 * (the last record, with what this build wrote over it).
 */
export async function recordDecks(
  state: string,
  plans: readonly DeckPlan[],
  written: readonly WrittenDeck[],
  /** Each deck's font files, by the plans' order. */
  fonts: readonly (readonly FontFile[])[] = [],
): Promise<number[]> {
  const slides: number[] = [];
  for (const [i, plan] of plans.entries()) {
    const deck = written[i]!;
    // What this build removed (no longer made) leaves the record; what it only did not make this
    // time (a build without PDFs) keeps its record, so that the next full build finds it fresh.
    const removed = new Set(deck.removed.map((file) => path.relative(deck.dir, file).split(path.sep).join('/')));
    const kept = Object.entries(plan.last?.outputs ?? {}).filter(([name]) => !removed.has(name));
    const faces = fonts[i]?.map(({ source, path }) => ({ source, path })) ?? plan.last?.fonts;
    const next: DeckState = {
      slides: deck.slides ?? plan.last?.slides ?? 0,
      outputs: { ...Object.fromEntries(kept), ...Object.fromEntries(deck.records) },
      ...(faces ? { fonts: faces } : {}),
    };
    slides.push(next.slides);
    const dropped = kept.length < Object.keys(plan.last?.outputs ?? {}).length;
    // A record from before fonts were recorded gains them, so the next build skips the render.
    const learned = faces !== undefined && JSON.stringify(faces) !== JSON.stringify(plan.last?.fonts);
    if (deck.records.size > 0 || dropped || learned) await writeDeckState(state, plan.c.deck.slug, next);
  }
  return slides;
}

/**
 * The record of the whole build, for the next build's fast path: the fingerprint of everything
 * it read and how every file it left lies on disk. Call it only if the inputs did not change
 * while the build ran: outputs made from a file saved mid-build must not be taken for the inputs
 * read at the start.
 */
export async function recordBuild(
  state: string,
  key: string,
  warnings: readonly Diagnostic[],
  plans: readonly DeckPlan[],
  slides: readonly number[],
  /** The files each deck's outputs load, by the plans' order. */
  assets: readonly (readonly Asset[])[],
): Promise<void> {
  const decks = await Promise.all(
    plans.map(async (p, i) => ({
      slug: p.c.deck.slug,
      dir: p.dir,
      slides: slides[i] ?? 0,
      outputs: p.planned.map((o) => o.name),
      files: await recordFiles(p.dir, [...p.planned.map((o) => o.name), ...(assets[i] ?? []).map((a) => a.path)]),
    })),
  );
  await writeBuildState(state, { key, warnings: [...warnings], decks });
}
