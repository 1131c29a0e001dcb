import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ContentError, type Diagnostic } from '../../../src/errors.js';
import { accentProblem, checkBrand, resolveLogo } from '../../../src/validate/brand.js';
import type { ContentModel } from '../../../src/model/content.js';
import { brandSchema, THEMES, themeSchema } from '../../../src/validate/schema.js';
import { validateContent } from '../../../src/validate/validate.js';
import { deckFile, lines, roleFile } from '../source-files.js';

const roleA = roleFile('a', lines('---', 'title: A', '---', '## Skills', '', '- x'));
const roleB = roleFile('b', lines('---', 'title: B', '---', '## Skills', '', '- y'));
/** A deck whose front matter is `yaml` after title and roles: file line 4 is the first line of `yaml`. */
const deck = (...yaml: string[]) =>
  deckFile('d', lines('---', 'title: D', 'roles: [a, b]', ...yaml, '---', '## Intro', '', 'Hi.'));

function outcome(...yaml: string[]): { model?: ContentModel; problems: Diagnostic[] } {
  try {
    return { model: validateContent([roleA, roleB, deck(...yaml)]), problems: [] };
  } catch (error) {
    if (error instanceof ContentError) return { problems: [...error.diagnostics] };
    throw error;
  }
}
const brief = (ds: Diagnostic[]) => ds.map((d) => `${d.file}:${d.line}: ${d.message}`);
const FILE = 'content/decks/d.md';

describe('theme in deck front matter', () => {
  it('is undefined when not set, so a config file can fill it in', () => {
    const { model } = outcome();
    expect(model?.decks[0]?.theme).toBeUndefined();
    expect(model?.decks[0]?.brand).toBeUndefined();
  });

  it.each(THEMES)('accepts %s', (theme) => {
    expect(outcome(`theme: ${theme}`).model?.decks[0]?.theme).toBe(theme);
  });

  it('refuses an unknown theme at its line, naming the themes', () => {
    expect(brief(outcome('theme: solarized').problems)).toEqual([
      `${FILE}:4: "theme" must be one of "light", "dark", "high-contrast"`,
    ]);
  });

  it('exports the schemas for the config file', () => {
    expect(themeSchema.safeParse('dark').success).toBe(true);
    expect(brandSchema.safeParse({ accent: '#fff', footer: 'x', logo: 'a.png' }).success).toBe(true);
    expect(brandSchema.safeParse({ colour: '#fff' }).success).toBe(false);
  });
});

describe('brand in deck front matter', () => {
  it('resolves the logo like an image, normalises the accent and keeps the footer', () => {
    const { model, problems } = outcome(
      'brand:',
      '  accent: "#0B5FFF"',
      '  logo: ../images/logo.svg',
      '  footer: Career Services · Example University',
    );
    expect(problems).toEqual([]);
    const brand = model?.decks[0]?.brand;
    expect(brand?.accent).toBe('#0b5fff');
    expect(brand?.footer).toBe('Career Services · Example University');
    expect(brand?.logo).toEqual({
      src: '../images/logo.svg',
      path: path.resolve('content/images/logo.svg'),
      asset: 'assets/content/images/logo.svg',
      file: FILE,
      line: 6,
    });
    // The logo is read, checked and copied with the content's other images.
    expect(model?.images).toContainEqual(brand?.logo);
  });

  it('refuses a colour that is not #rgb or #rrggbb', () => {
    expect(brief(outcome('brand:', '  accent: blue').problems)).toEqual([
      `${FILE}:5: "brand.accent" must be a CSS hex colour such as "#0b5fff" or "#06f"`,
    ]);
    expect(outcome('brand:', '  accent: "#0b5fff80"').problems[0]?.message).toMatch(/must be a CSS hex colour/);
  });

  it('explains an unquoted colour, which YAML reads as a comment', () => {
    expect(brief(outcome('brand:', '  accent: #0b5fff').problems)).toEqual([
      `${FILE}:5: "brand.accent" is empty; quote the colour, as in accent: "#0b5fff" (an unquoted # starts a YAML comment)`,
    ]);
  });

  it('refuses an accent too light for text on white paper, with its ratio and a shade that works', () => {
    const [problem, ...rest] = outcome('brand:', '  footer: Hi', '  accent: "#7fb2ff"').problems;
    expect(rest).toEqual([]);
    expect(problem?.file).toBe(FILE);
    expect(problem?.line).toBe(6);
    expect(problem?.message).toMatch(
      /^brand accent "#7fb2ff" has a contrast ratio of 2\.[0-9]:1 against white paper, where headings and links print in it; text needs at least 4\.5:1 \(WCAG AA\): use a darker shade such as "#[0-9a-f]{6}" or remove the accent$/,
    );
    const suggested = /such as "(#[0-9a-f]{6})"/.exec(problem?.message ?? '')?.[1] ?? '';
    expect(accentProblem(suggested)).toBeUndefined();
  });

  it('refuses a logo outside the content folder, a URL or an unknown type, at its line', () => {
    expect(brief(outcome('brand:', '  logo: ../../../etc/logo.png').problems)).toEqual([
      `${FILE}:5: brand logo: image "../../../etc/logo.png" is outside the content folder; move it under content/ and refer to it by a relative path`,
    ]);
    expect(
      outcome('brand:', '  footer: x', '  logo: https://example.org/logo.png').problems.map((d) => [
        d.line,
        d.message.slice(0, 40),
      ]),
    ).toEqual([[6, 'brand logo: image "https://example.org/l']]);
    expect(outcome('brand:', '  logo: ../logo.pdf').problems[0]?.message).toMatch(/not a PNG, JPEG, GIF, WebP or SVG/);
  });

  it('refuses a footer over several lines, unknown brand keys and reports all at once', () => {
    const { problems } = outcome('theme: sepia', 'brand:', '  footer: "a\\nb"', '  colour: "#000"', '  accent: "#ff0"');
    expect(problems.map((d) => d.line).sort()).toEqual([4, 6, 7]);
    expect(brief(problems).join('\n')).toMatch(
      /"colour" is not a known key in "brand"; use one of accent, logo, footer/,
    );
    expect(brief(problems).join('\n')).toMatch(/"brand.footer" must be on one line/);
  });
});

describe('for the config file', () => {
  it('resolveLogo turns a path named at a file and line into an image, or a diagnostic', () => {
    expect(resolveLogo('content/images/logo.png', 'careerdeck.config.json', 3, 'content')).toMatchObject({
      asset: 'assets/content/images/logo.png',
      file: 'careerdeck.config.json',
      line: 3,
    });
    expect(resolveLogo('logo.png', 'careerdeck.config.json', 3, 'content')).toEqual({
      file: 'careerdeck.config.json',
      line: 3,
      message:
        'brand logo: image "logo.png" is outside the content folder; move it under content/ and refer to it by a relative path',
    });
  });

  it("checkBrand locates problems with the caller's locator", () => {
    const { brand, diagnostics } = checkBrand(
      { accent: '#ffff00', logo: 'content/x.png', footer: 'F' },
      'careerdeck.config.json',
      (key) => ({ file: 'careerdeck.config.json', line: key === 'accent' ? 4 : 5 }),
      'content',
    );
    expect(diagnostics.map((d) => d.line)).toEqual([4]);
    expect(brand).toMatchObject({ accent: undefined, footer: 'F', logo: { asset: 'assets/content/x.png', line: 5 } });
  });
});
