import { describe, expect, it } from 'vitest';
import { CareerdeckError } from '../../src/errors.js';
import { decksOfShard, parseShard } from '../../src/shard.js';

const decks = Array.from({ length: 23 }, (_, i) => ({
  slug: `deck-${String(i).padStart(2, '0')}`,
  weight: 2 + ((i * 7) % 5),
}));

describe('shards', () => {
  it('together hold every deck exactly once, for any number of shards', () => {
    for (const count of [1, 2, 3, 4, 7, 23, 30]) {
      const shares = Array.from({ length: count }, (_, i) =>
        decksOfShard(decks, { index: i + 1, count }).map((d) => d.slug),
      );
      const all = shares.flat();
      expect(all.sort(), `${count} shards`).toEqual(decks.map((d) => d.slug).sort());
      expect(new Set(all).size).toBe(decks.length);
    }
  });

  it('are balanced: no shard outweighs another by more than the heaviest deck', () => {
    for (const count of [2, 3, 5]) {
      const weights = Array.from({ length: count }, (_, i) =>
        decksOfShard(decks, { index: i + 1, count }).reduce((n, d) => n + d.weight, 0),
      );
      expect(Math.max(...weights) - Math.min(...weights), `${count} shards: ${weights.join(', ')}`).toBeLessThanOrEqual(
        Math.max(...decks.map((d) => d.weight)),
      );
    }
  });

  it('do not depend on the order the decks were read in', () => {
    const shuffled = [...decks].reverse();
    for (let i = 1; i <= 3; i++) {
      expect(
        decksOfShard(shuffled, { index: i, count: 3 })
          .map((d) => d.slug)
          .sort(),
      ).toEqual(
        decksOfShard(decks, { index: i, count: 3 })
          .map((d) => d.slug)
          .sort(),
      );
    }
  });

  it('parses i/n and refuses anything else with a usage error that shows the form', () => {
    expect(parseShard('2/3')).toEqual({ index: 2, count: 3 });
    for (const bad of ['0/3', '4/3', '1/0', '2', 'a/b', '1/2/3', '-1/2']) {
      expect(() => parseShard(bad), bad).toThrow(CareerdeckError);
      expect(() => parseShard(bad), bad).toThrow(/i\/n/);
    }
  });
});
