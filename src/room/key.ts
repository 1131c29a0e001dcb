import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** A session's secret: 128 random bits, as 32 hexadecimal digits. */
export function newKey(): string {
  return randomBytes(16).toString('hex');
}

/**
 * Whether `given` is the key, in time that does not depend on where they differ: both are hashed
 * first, so that their lengths differ neither (timingSafeEqual needs equal lengths).
 */
export function keyMatches(given: unknown, key: string): boolean {
  if (typeof given !== 'string') return false;
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(key).digest();
  return timingSafeEqual(a, b);
}

/**
 * What the presenter's cookie holds to open the deck (`/deck/`): derived from the key, never the
 * key itself (the key stays out of cookies), and useless for anything but reading the deck.
 */
export function deckToken(key: string): string {
  return createHmac('sha256', key).update('careerdeck deck').digest('base64url');
}

/**
 * Device ids: random, signed with the session's secret so that a made-up id is refused (one vote
 * per device means per id this server gave out). The signature is not the key itself.
 */
export class DeviceIds {
  private readonly secret: Buffer;

  constructor(key: string) {
    this.secret = createHash('sha256').update(`device:${key}`).digest();
  }

  issue(): string {
    const id = randomBytes(12).toString('base64url');
    return `${id}.${this.sign(id)}`;
  }

  /** The id inside a cookie value, when its signature is ours. */
  check(value: string | undefined): string | undefined {
    const [id, sig, extra] = (value ?? '').split('.');
    if (!id || !sig || extra !== undefined || !/^[\w-]{16}$/.test(id)) return undefined;
    const want = Buffer.from(this.sign(id));
    const got = Buffer.from(sig);
    return want.length === got.length && timingSafeEqual(want, got) ? id : undefined;
  }

  private sign(id: string): string {
    return createHmac('sha256', this.secret).update(id).digest('base64url').slice(0, 22);
  }
}
