import { CareerdeckError } from './errors.js';

/** One machine's share of a sharded build: `index` of `count`, counted from 1 (`--shard 2/3`). */
export interface Shard {
  index: number;
  count: number;
}

/** Parses `i/n` as given to `--shard`; anything else is a usage error that says what to write. */
export function parseShard(text: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || index < 1 || index > count) {
    throw new CareerdeckError(
      'USAGE',
      `--shard "${text}" is not a share of the decks; write i/n with 1 <= i <= n, such as --shard 2/3`,
    );
  }
  return { index, count };
}

/** What a deck costs to build, roughly: its slides, PDFs and fact sheets grow with its roles. */
export interface Weighed {
  slug: string;
  weight: number;
}

/**
 * The decks of one shard. Every machine computes the same split from the same content: decks
 * heaviest first (ties by slug), each to the shard with the least weight so far (ties to the
 * lowest), the greedy rule that keeps the shards within one deck of each other. Together the
 * shards hold every deck exactly once, whatever order the decks were read in.
 */
export function decksOfShard<T extends Weighed>(decks: readonly T[], shard: Shard): T[] {
  const totals = Array.from({ length: shard.count }, () => 0);
  const order = [...decks].sort((a, b) => b.weight - a.weight || (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
  const mine = new Set<string>();
  for (const deck of order) {
    const lightest = totals.indexOf(Math.min(...totals));
    totals[lightest] = (totals[lightest] ?? 0) + deck.weight;
    if (lightest === shard.index - 1) mine.add(deck.slug);
  }
  return decks.filter((d) => mine.has(d.slug));
}
