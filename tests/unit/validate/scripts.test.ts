import { describe, expect, it } from 'vitest';
import { scriptWarnings } from '../../../src/validate/scripts.js';
import { validateContent } from '../../../src/validate/validate.js';
import { deckFile, lines, roleFile, sourceFile } from '../source-files.js';

const role = (text: string) => sourceFile('role', 'alpha', text);

describe('scriptWarnings', () => {
  it('warns once per script and file, at the first line that uses it, naming the script', () => {
    const warnings = scriptWarnings([role('---\ntitle: A\n---\n\n## Thai\n\nคนที่ชอบตัวเลข\n\nอีกบรรทัด ሰላም\n')]);
    expect(warnings.map((w) => [w.line, w.severity])).toEqual([
      [7, 'warning'],
      [9, 'warning'],
    ]);
    expect(warnings[0]?.message).toMatch(/^text in Thai \("ค", U\+0E04\): no font careerdeck ships draws this script/);
    expect(warnings[0]?.message).toContain(
      'the bundled fonts cover Latin, Greek, Cyrillic, Arabic, Hebrew, Devanagari',
    );
    expect(warnings[1]?.message).toMatch(/^text in Ethiopic \("ሰ", U\+1230\)/);
  });

  it('warns about Korean: the CJK packages carry too few Hangul syllables', () => {
    expect(scriptWarnings([role('안녕하세요')])[0]?.message).toMatch(/^text in Hangul/);
  });

  it('names a script it has no name for by the code point', () => {
    expect(scriptWarnings([role('𓀀')])[0]?.message).toMatch(/^text in the script of U\+13000/);
  });

  it('is silent for every script careerdeck ships a font for, emoji, punctuation and marks included', () => {
    const text = [
      'Größe, Łódź, Ελληνικά, Русский, Tiếng Việt',
      '数据分析师，软件工程师。ひらがな カタカナ ㄅㄆ',
      'محلل البيانات، مهندس البرمجيات؟ עברית',
      'डेटा विश्लेषक। सॉफ़्टवेयर इंजीनियर',
      '🚀 📊 💡 🎯 👩‍💻 🇩🇪 ™ © – “quotes” … €',
    ].join('\n');
    expect(scriptWarnings([role(text)])).toEqual([]);
  });

  it('comes with check: a role in Thai builds, with the warning', () => {
    const roleOf = (slug: string, text: string) =>
      roleFile(slug, lines('---', `title: ${slug}`, '---', '', '## Definition', '', text));
    const { warnings } = validateContent([
      roleOf('alpha', 'ภาษาไทย'),
      roleOf('beta', 'English'),
      deckFile('d', lines('---', 'title: Two roles', 'roles: [alpha, beta]', '---')),
    ]);
    expect(warnings.filter((w) => w.message.startsWith('text in Thai')).map((w) => [w.file, w.line])).toEqual([
      ['content/roles/alpha.md', 7],
    ]);
  });
});
