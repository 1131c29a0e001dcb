import { describe, expect, it } from 'vitest';
import { deckToken, DeviceIds, keyMatches, newKey } from '../../../src/room/key.js';

describe('the remote key', () => {
  it('is 128 random bits as 32 hex digits, new each time', () => {
    const a = newKey();
    expect(a).toMatch(/^[0-9a-f]{32}$/);
    expect(newKey()).not.toBe(a);
  });

  it('matches only itself: not a prefix, another length, another type or nothing', () => {
    const key = newKey();
    expect(keyMatches(key, key)).toBe(true);
    expect(keyMatches(key.slice(0, 31), key)).toBe(false);
    expect(keyMatches(`${key}0`, key)).toBe(false);
    expect(keyMatches(key.toUpperCase(), key)).toBe(false);
    expect(keyMatches(undefined, key)).toBe(false);
    expect(keyMatches(['x'], key)).toBe(false);
  });
});

describe('device ids', () => {
  it('accepts the ids it issued and refuses made-up or altered ones', () => {
    const ids = new DeviceIds(newKey());
    const issued = ids.issue();
    expect(ids.check(issued)).toBe(issued.split('.')[0]);
    expect(ids.check(`${issued.split('.')[0]}.forged`)).toBeUndefined();
    expect(ids.check('AAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAA')).toBeUndefined();
    expect(ids.check(undefined)).toBeUndefined();
    // Another session's ids are not this one's.
    expect(new DeviceIds(newKey()).check(issued)).toBeUndefined();
  });

  it("gives the presenter's deck cookie a token derived from the key, never the key", () => {
    const key = newKey();
    expect(deckToken(key)).toBe(deckToken(key));
    expect(deckToken(key)).not.toContain(key);
    expect(deckToken(newKey())).not.toBe(deckToken(key));
  });
});
