import { Readable } from 'node:stream';
import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { HttpRefusal, RateLimiter, readFields } from '../../../src/room/limits.js';

function request(body: string, headers: Record<string, string>): IncomingMessage {
  return Object.assign(Readable.from([Buffer.from(body)]), { headers }) as unknown as IncomingMessage;
}

describe('RateLimiter', () => {
  it('allows `count` actions per window per key, and again once the window has passed', () => {
    const limiter = new RateLimiter(5, 10_000);
    for (let i = 0; i < 5; i++) expect(limiter.allow('phone', 1000 + i)).toBe(true);
    expect(limiter.allow('phone', 2000)).toBe(false);
    expect(limiter.allow('other', 2000)).toBe(true);
    expect(limiter.retryAfter('phone', 2000)).toBe(9);
    expect(limiter.allow('phone', 11_000)).toBe(true);
  });

  it('one question per 10 s: the second within the window is refused and not counted', () => {
    const limiter = new RateLimiter(1, 10_000);
    expect(limiter.allow('a', 0)).toBe(true);
    expect(limiter.allow('a', 9_999)).toBe(false);
    expect(limiter.allow('a', 10_000)).toBe(true);
  });

  it('forgets keys whose window has passed', () => {
    const limiter = new RateLimiter(1, 1000);
    limiter.allow('a', 0);
    limiter.allow('b', 500);
    limiter.prune(1200);
    expect(limiter.size).toBe(1);
  });
});

describe('readFields', () => {
  it('reads JSON and forms', async () => {
    expect(await readFields(request('{"poll":"p","option":1}', { 'content-type': 'application/json' }))).toEqual({
      poll: 'p',
      option: 1,
    });
    expect(
      await readFields(
        request('text=hi+there', { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' }),
      ),
    ).toEqual({ text: 'hi there' });
  });

  it('refuses a body over 4 kB (declared or sent), other types and JSON that is not an object', async () => {
    const big = 'x'.repeat(4097);
    await expect(readFields(request(big, { 'content-type': 'application/json' }))).rejects.toMatchObject({
      status: 413,
    });
    await expect(
      readFields(request('{}', { 'content-type': 'application/json', 'content-length': '5000' })),
    ).rejects.toMatchObject({ status: 413 });
    await expect(readFields(request('{}', { 'content-type': 'text/plain' }))).rejects.toMatchObject({ status: 415 });
    await expect(readFields(request('[1]', { 'content-type': 'application/json' }))).rejects.toBeInstanceOf(
      HttpRefusal,
    );
    await expect(readFields(request('{', { 'content-type': 'application/json' }))).rejects.toMatchObject({
      status: 400,
    });
  });
});
