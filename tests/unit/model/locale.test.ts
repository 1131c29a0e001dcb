import { describe, expect, it } from 'vitest';
import { paperFor } from '../../../src/model/locale.js';

describe('paperFor', () => {
  it('is Letter for the United States, Canada, Mexico and the Philippines', () => {
    for (const tag of ['en-US', 'es-US', 'en-CA', 'fr-CA', 'es-MX', 'en-PH', 'fil-PH'])
      expect(paperFor(tag), tag).toBe('Letter');
  });

  it('is A4 elsewhere', () => {
    for (const tag of ['en-GB', 'de', 'de-DE', 'fr', 'pt-BR', 'zh-Hans', 'zh-CN', 'ar', 'ar-EG', 'hi-IN'])
      expect(paperFor(tag), tag).toBe('A4');
  });

  it('is A4 for a bare language, English included: no region, no guess (the default so far)', () => {
    expect(paperFor('en')).toBe('A4');
    expect(paperFor('es')).toBe('A4');
    expect(paperFor('fil')).toBe('A4');
  });
});
