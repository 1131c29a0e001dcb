import { describe, expect, it } from 'vitest';
import { hyphenate, hyphenateNarrow, NARROW_CHARS } from '../../../src/render/hyphenate.js';

const SHY = '\u00ad';
const shown = (text: string) => text.replaceAll(SHY, '|');

describe('hyphenate (issue 23: words too long for a narrow column break with a hyphen)', () => {
  it('adds soft hyphens where the language allows', () => {
    expect(shown(hyphenate('shared infrastructure', 'en'))).toBe('shared in|fra|struc|ture');
    expect(shown(hyphenate('Datenverarbeitung', 'de-AT'))).toBe('Da|ten|ver|ar|bei|tung');
    expect(hyphenate('shared infrastructure', 'en')).not.toBe(hyphenate('shared infrastructure', 'zz'));
  });

  it('keeps short words, names in camel case or capitals, URLs and addresses whole', () => {
    const text = 'a TensorFlow AWS model on https://example.org/infrastructure or jobs@example.org';
    expect(hyphenate(text, 'en')).toBe(text);
  });

  it('leaves tags, character references and the text of links and code alone', () => {
    const html =
      '<p class="reproducible">Tom&amp;Jerry &hellip; <a href="/x">infrastructure</a> <code>infrastructure</code> infrastructure</p>';
    expect(shown(hyphenate(html, 'en'))).toBe(
      '<p class="reproducible">Tom&amp;Jerry &hellip; <a href="/x">infrastructure</a> <code>infrastructure</code> in|fra|struc|ture</p>',
    );
  });

  it('never splits scripts that are not hyphenated in print, nor languages without patterns', () => {
    expect(hyphenate('مهندس التعلم الآلي', 'ar')).toBe('مهندس التعلم الآلي');
    expect(hyphenate('मशीन लर्निंग इंजीनियर', 'hi')).toBe('मशीन लर्निंग इंजीनियर');
    expect(hyphenate('机器学习工程师', 'zh-Hans')).toBe('机器学习工程师');
  });

  it('hyphenates only where a line holds fewer letters than NARROW_CHARS', () => {
    expect(hyphenateNarrow('infrastructure', 'en', NARROW_CHARS)).toBe('infrastructure');
    expect(shown(hyphenateNarrow('infrastructure', 'en', NARROW_CHARS - 1))).toBe('in|fra|struc|ture');
  });
});
