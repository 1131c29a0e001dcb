import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { z } from '../../../src/model/zod.js';
import { brandSchema } from '../../../src/validate/schema.js';

const require = createRequire(import.meta.url);
const localesLoaded = () =>
  Object.keys(require.cache).filter((f) => /[\\/]zod[\\/]v4[\\/]locales[\\/](?!en\.cjs$)/.test(f));

describe('zod as careerdeck loads it', () => {
  it('loads none of its translations but English, and says its messages in English', () => {
    // Read first: any require of the locales index below loads them all.
    expect(localesLoaded()).toEqual([]);
    const issue = z.string().safeParse(3).error?.issues[0];
    expect(issue?.message).toBe('Invalid input: expected string, received number');
  });

  it('is the one copy the schemas are made with', () => {
    expect(brandSchema).toBeInstanceOf(z.ZodObject);
  });

  it('leaves the real locale index to any later require of it', () => {
    const locales = require('zod/v4/locales') as Record<string, unknown>;
    expect(typeof locales.fr).toBe('function');
    expect(localesLoaded().length).toBeGreaterThan(40);
  });
});
