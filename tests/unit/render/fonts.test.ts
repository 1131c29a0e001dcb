import { beforeAll, describe, expect, it } from 'vitest';
import {
  chooseFonts,
  drawnText,
  type FontCatalogue,
  fontCss,
  loadFontCatalogue,
  parseRanges,
  uncoveredWarnings,
} from '../../../src/render/fonts.js';
import { familiesFor } from '../../../src/model/fonts.js';

let catalogue: FontCatalogue;
beforeAll(async () => {
  catalogue = await loadFontCatalogue();
});

/** The subset files of a plan at weight 400, without the weight: `inter-latin`, `noto-sans-sc-119`. */
const subsets = (text: string, lang = 'en') =>
  chooseFonts(text, familiesFor(lang), catalogue)
    .faces.filter((f) => f.weight === 400)
    .map((f) => f.path.replace(/^assets\/fonts\//, '').replace(/-400-normal\.woff2$/, ''));

describe('chooseFonts', () => {
  it('gives English text Inter Latin only, at 400, 600 and 700', () => {
    const plan = chooseFonts(
      'Machine Learning Engineer vs. AI Scientist – “quoted” … 25 % €',
      familiesFor('en'),
      catalogue,
    );
    expect(plan.families).toEqual(['Inter']);
    expect(plan.faces.map((f) => [f.weight, f.path, f.source])).toEqual(
      [400, 600, 700].map((w) => [
        w,
        `assets/fonts/inter-latin-${w}-normal.woff2`,
        `@fontsource/inter/files/inter-latin-${w}-normal.woff2`,
      ]),
    );
    expect(plan.faces[0]?.unicodeRange).toMatch(/^U\+0000-00FF, /);
    expect(plan.uncovered).toEqual([]);
  });

  it('adds only the Latin, Greek and Cyrillic subsets of Inter that the text reaches', () => {
    expect(subsets('Größe')).toEqual(['inter-latin']);
    expect(subsets('Łódź')).toEqual(['inter-latin', 'inter-latin-ext']);
    expect(subsets('Ελληνικά Русский')).toEqual(['inter-latin', 'inter-cyrillic', 'inter-greek']);
  });

  it('draws Chinese with a few numbered Noto Sans SC subsets, and Japanese with Noto Sans JP', () => {
    const zh = chooseFonts('数据分析师 2026', familiesFor('zh-Hans'), catalogue);
    expect(zh.families).toEqual(['Inter', 'Noto Sans SC']);
    const sc = subsets('数据分析师', 'zh-Hans');
    expect(sc.length).toBeGreaterThan(0);
    expect(sc.length).toBeLessThan(6);
    for (const s of sc) expect(s).toMatch(/^noto-sans-sc-\d+$/);
    expect(chooseFonts('日本語のテキスト', familiesFor('ja'), catalogue).families).toEqual(['Noto Sans JP']);
    // Han in a deck of any other language takes Simplified Chinese shapes.
    expect(chooseFonts('日本', familiesFor('de'), catalogue).families).toEqual(['Noto Sans SC']);
  });

  it('lists in a sliced subset only the code points the text uses, so each page stays small', () => {
    const faces = chooseFonts('中文', familiesFor('zh'), catalogue).faces.filter((f) => f.weight === 400);
    expect(faces.flatMap((f) => f.unicodeRange.split(', ')).sort()).toEqual(['U+4E2D', 'U+6587']);
  });

  it('draws Arabic, Hebrew and Devanagari with their Noto Sans families, script subset only', () => {
    expect(subsets('محلل البيانات، 2026', 'ar')).toEqual(['inter-latin', 'noto-sans-arabic-arabic']);
    expect(subsets('עברית')).toEqual(['noto-sans-hebrew-hebrew']);
    expect(subsets('डेटा विश्लेषक।', 'hi')).toEqual(['inter-latin', 'noto-sans-devanagari-devanagari']);
  });

  it('draws emoji with Noto Emoji, last in the stack; a pictograph Inter has stays Inter', () => {
    const plan = chooseFonts('Launch 🚀', familiesFor('en'), catalogue);
    expect(plan.families).toEqual(['Inter', 'Noto Emoji']);
    expect(plan.faces.filter((f) => f.family === 'Noto Emoji').map((f) => f.weight)).toEqual([400, 600, 700]);
    expect(chooseFonts('Brand™ ‼', familiesFor('en'), catalogue).families).toEqual(['Inter']);
  });

  it('reports characters no bundled font draws instead of choosing a font for them', () => {
    const plan = chooseFonts('Thai ไทย', familiesFor('th'), catalogue);
    expect(plan.families).toEqual(['Inter']);
    expect(plan.uncovered).toEqual(['ท', 'ย', 'ไ']);
  });

  it('is the same whatever order the text comes in', () => {
    const a = chooseFonts('数据 محلل 🚀 Łódź', familiesFor('en'), catalogue);
    const b = chooseFonts('Łódź 🚀 محلل 数据', familiesFor('en'), catalogue);
    expect(fontCss(a)).toBe(fontCss(b));
  });
});

describe('fontCss', () => {
  it('declares each face with its unicode-range, and stacks the chosen families before the system fonts', () => {
    const css = fontCss(chooseFonts('数据 🚀', familiesFor('zh'), catalogue));
    expect(css).toContain("src: url('assets/fonts/inter-latin-400-normal.woff2') format('woff2');");
    expect(css).toMatch(/font-family: 'Noto Sans SC';\n {2}font-style: normal;\n {2}font-weight: 700;/);
    expect(css).toContain("--font: 'Inter', 'Noto Sans SC', 'Noto Emoji', 'DejaVu Sans', sans-serif;");
    expect(css).toContain("--mono: 'DejaVu Sans Mono', 'Liberation Mono', 'Noto Sans SC', 'Noto Emoji', monospace;");
  });
});

describe('drawnText and parseRanges', () => {
  it('decodes numeric character references, which may stand for any script', () => {
    const drawn = [...drawnText(['&#x4E2D;&#25991; &amp; &#x110000;', '<b>é</b>'])];
    // Printable ASCII always (tags and CSS), and beyond it only what the pages hold.
    expect(drawn.filter((c) => c > '~').sort()).toEqual(['é', '中', '文'].sort());
    expect(drawn).toContain('a');
  });

  it('reads unicode-range lists as the packages write them', () => {
    expect(parseRanges('U+0000-00FF,U+0131, U+1f1e6-1f1ff')).toEqual([
      [0, 255],
      [0x131, 0x131],
      [0x1f1e6, 0x1f1ff],
    ]);
  });
});

describe('uncoveredWarnings', () => {
  it('names characters of bundled scripts that the fonts still lack, not whole scripts check already named', () => {
    expect(uncoveredWarnings('content/decks/d.md', { faces: [], families: [], uncovered: ['ไ'] })).toEqual([]);
    const [warning] = uncoveredWarnings('content/decks/d.md', { faces: [], families: [], uncovered: ['𠀀'] });
    expect(warning).toMatchObject({ file: 'content/decks/d.md', severity: 'warning' });
    expect(warning?.message).toMatch(/^1 character in this deck no font careerdeck ships draws: "𠀀" \(U\+20000\)/);
  });
});
