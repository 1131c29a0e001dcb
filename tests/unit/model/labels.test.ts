import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATALOGUES, fillLabel, LABEL_KEYS, localeChain, resolveLabels } from '../../../src/model/labels.js';
import { PROJECT_ROOT } from '../../support/content.js';

const slots = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const english = CATALOGUES.en!;

describe('the label catalogues', () => {
  it('hold en, de, fr, es, pt, zh-Hans, ar and hi, one file each, all of them loaded', async () => {
    const files = await readdir(path.join(PROJECT_ROOT, 'src/model/catalogues'));
    expect(files.map((f) => f.replace(/\.json$/, '')).sort()).toEqual(Object.keys(CATALOGUES).sort());
    expect(Object.keys(CATALOGUES)).toEqual(
      expect.arrayContaining(['en', 'de', 'fr', 'es', 'pt', 'zh-Hans', 'ar', 'hi']),
    );
  });

  // A missing label would fall back to English at run time; here it fails, so none ships missing.
  it.each(Object.keys(CATALOGUES))(
    '%s has exactly the English keys, each a translation with the same {slots}',
    (tag) => {
      const catalogue = CATALOGUES[tag]!;
      expect(Object.keys(catalogue).sort()).toEqual([...LABEL_KEYS].sort());
      for (const key of LABEL_KEYS) {
        expect(catalogue[key]?.trim(), `${tag}.${key}`).not.toBe('');
        expect(slots(catalogue[key] ?? ''), `${tag}.${key}`).toEqual(slots(english[key] ?? ''));
      }
    },
  );

  it('keep slide-title labels short enough for a slide title', () => {
    for (const [tag, catalogue] of Object.entries(CATALOGUES)) {
      for (const key of ['agenda', 'atAGlance', 'outlookTitle', 'overlapTitle', 'sources'] as const)
        expect(catalogue[key]!.length, `${tag}.${key}`).toBeLessThanOrEqual(45);
    }
  });

  it('are each used by the code or the templates', async () => {
    const sources: string[] = [];
    for (const folder of ['src', 'templates']) {
      for (const entry of await readdir(path.join(PROJECT_ROOT, folder), { recursive: true })) {
        if (/\.(ts|hbs)$/.test(entry)) sources.push(await readFile(path.join(PROJECT_ROOT, folder, entry), 'utf8'));
      }
    }
    const all = sources.join('\n');
    // Used as a label (`labels.x`, `text.x`, a PDF's `titleLabel: 'x'` or the room's
    // `label: 'x'` in the table of outputs), not merely a field of the same name (`deck.sources`).
    const unused = LABEL_KEYS.filter(
      (key) => !new RegExp(`\\b(labels|text)\\.${key}\\b|\\b(titleLabel|label): '${key}'`).test(all),
    );
    expect(unused).toEqual([]);
  });
});

describe('docs/languages.md', () => {
  it('lists every label with its English text (warnings send authors there)', async () => {
    const docs = await readFile(path.join(PROJECT_ROOT, 'docs/languages.md'), 'utf8');
    for (const key of LABEL_KEYS)
      expect(docs, key).toContain(`| \`${key}\` | ${english[key]!.replace(/\|/g, '\\|')} |`);
  });
});

describe('localeChain', () => {
  it('tries the tag, its script, its language, then English', () => {
    expect(localeChain('pt-BR')).toEqual(['pt-BR', 'pt-Latn-BR', 'pt-Latn', 'pt', 'en']);
    expect(localeChain('de')).toEqual(['de', 'de-Latn', 'en']);
    expect(localeChain('ar-EG')).toContain('ar');
  });

  it('finds the Simplified Chinese catalogue for zh-CN and zh-SG, and not for zh-TW', () => {
    expect(localeChain('zh-CN')).toContain('zh-Hans');
    expect(localeChain('zh-SG')).toContain('zh-Hans');
    expect(localeChain('zh-Hans')).toContain('zh-Hans');
    expect(localeChain('zh-TW')).not.toContain('zh-Hans');
    expect(localeChain('zh-Hant')).not.toContain('zh-Hans');
  });

  it('falls back to English for a tag Intl cannot read', () => {
    expect(localeChain('not a tag')).toEqual(['en']);
  });
});

describe('resolveLabels', () => {
  it('picks the language of the deck, through its base language and script', () => {
    expect(resolveLabels('de').atAGlance).toBe('Auf einen Blick');
    expect(resolveLabels('de-AT').atAGlance).toBe('Auf einen Blick');
    expect(resolveLabels('pt-BR').sources).toBe('Fontes');
    expect(resolveLabels('zh-CN').sources).toBe('资料来源');
    expect(resolveLabels('ar-EG').sources).toBe('المصادر');
    expect(resolveLabels('hi').sources).toBe('स्रोत');
    expect(resolveLabels('en').atAGlance).toBe('At a glance');
  });

  it('falls back to English for a language without a catalogue', () => {
    expect(resolveLabels('sv').atAGlance).toBe('At a glance');
    expect(resolveLabels('zh-TW').atAGlance).toBe('At a glance');
  });

  it('gives every label, overrides first, label by label', () => {
    const labels = resolveLabels('de', { sources: 'Weiterführende Quellen' });
    expect(Object.keys(labels).sort()).toEqual([...LABEL_KEYS].sort());
    expect(labels.sources).toBe('Weiterführende Quellen');
    expect(labels.agenda).toBe('Agenda');
    expect(labels.atAGlance).toBe('Auf einen Blick');
  });
});

describe('fillLabel', () => {
  it('fills named slots and leaves unknown ones', () => {
    expect(fillLabel('Slide {number} · Your notes', { number: 3 })).toBe('Slide 3 · Your notes');
    expect(fillLabel('{a} {b}', { a: 'x' })).toBe('x {b}');
  });

  it('puts values in literally, even replacement patterns', () => {
    expect(fillLabel('Only {role}', { role: "$& $' $1" })).toBe("Only $& $' $1");
  });
});
