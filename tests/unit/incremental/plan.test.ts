import { beforeAll, describe, expect, it } from 'vitest';
import { type Comparison, compareAll } from '../../../src/compare/compare.js';
import { loadModel } from '../../../src/content.js';
import { type Fingerprints, planDeck } from '../../../src/incremental/plan.js';
import { DEFAULT_CONTENT } from '../../support/content.js';

let c: Comparison;
beforeAll(async () => {
  c = compareAll(await loadModel(DEFAULT_CONTENT))[0]!;
});

const templates = new Map([
  ['partials/base.css', 'p1'],
  ['deck/deck.hbs', 'd1'],
  ['report/report.css', 'r1'],
  ['handout/handout.hbs', 'h1'],
  ['notes/notes.css', 'n1'],
  ['factsheet/factsheet.hbs', 'f1'],
]);
const fp: Fingerprints = { code: 'v1', printing: '{}', templates, images: new Map() };
const keys = (f: Fingerprints, comparison = c) =>
  Object.fromEntries(planDeck(comparison, f, true).map((o) => [o.name, o.key]));
const changed = (a: Record<string, string>, b: Record<string, string>) =>
  Object.keys(a)
    .filter((name) => a[name] !== b[name])
    .sort();
const slug = 'ml-engineer-vs-ai-scientist';

describe('planDeck', () => {
  it('plans the deck and every PDF the deck asks for, one fact sheet per role, the PowerPoint and the one-file deck', () => {
    expect(Object.keys(keys(fp)).sort()).toEqual(
      [
        'index.html',
        `${slug}-report.pdf`,
        `${slug}-handout.pdf`,
        `${slug}-notes.pdf`,
        `${slug}-slides.pdf`,
        `${slug}-machine-learning-engineer-factsheet.pdf`,
        `${slug}-ai-scientist-factsheet.pdf`,
        `${slug}.pptx`,
        `${slug}.html`,
      ].sort(),
    );
  });

  it('plans slide images, known by their thumbnail, only when the deck asks for them', () => {
    expect(keys(fp)['images/thumbnail.png']).toBeUndefined();
    const withImages = { ...c, deck: { ...c.deck, outputs: [...c.deck.outputs, 'images' as const] } };
    expect(keys(fp, withImages)['images/thumbnail.png']).toMatch(/\w/);
  });

  it("plans slide images for --images without changing the deck or the other outputs' keys", () => {
    const outputs = [...c.deck.outputs];
    const plain = keys(fp);
    const asked = Object.fromEntries(planDeck(c, fp, true, ['images']).map((o) => [o.name, o.key]));
    expect(asked['images/thumbnail.png']).toMatch(/\w/);
    expect(changed(asked, plain)).toEqual(['images/thumbnail.png']);
    expect(c.deck.outputs).toEqual(outputs);
    // A deck that lists them already plans them once.
    const listed = { ...c, deck: { ...c.deck, outputs: [...outputs, 'images' as const] } };
    expect(planDeck(listed, fp, true, ['images']).filter((o) => o.kind === 'images')).toHaveLength(1);
  });

  it('plans only the outputs --only names, besides index.html, with the keys a full plan gives them', () => {
    const plain = keys(fp);
    const only = Object.fromEntries(planDeck(c, fp, true, [], ['report', 'factsheets']).map((o) => [o.name, o.key]));
    expect(Object.keys(only).sort()).toEqual(
      [
        'index.html',
        `${slug}-report.pdf`,
        `${slug}-machine-learning-engineer-factsheet.pdf`,
        `${slug}-ai-scientist-factsheet.pdf`,
      ].sort(),
    );
    for (const [name, key] of Object.entries(only)) expect(key, name).toBe(plain[name]);
    // An output the deck does not list is not made by naming it: --images adds, --only picks.
    expect(planDeck(c, fp, true, [], ['images']).map((o) => o.name)).toEqual(['index.html']);
    expect(planDeck(c, fp, true, ['images'], ['images']).map((o) => o.kind)).toEqual(['deck', 'images']);
  });

  it('ties each output to its own templates', () => {
    const base = keys(fp);
    const withTemplate = (file: string) => keys({ ...fp, templates: new Map([...templates, [file, 'changed']]) });
    expect(changed(base, withTemplate('report/report.css'))).toEqual([`${slug}-report.pdf`]);
    expect(changed(base, withTemplate('handout/handout.hbs'))).toEqual([`${slug}-handout.pdf`]);
    expect(changed(base, withTemplate('notes/notes.css'))).toEqual([`${slug}-notes.pdf`]);
    expect(changed(base, withTemplate('deck/deck.hbs'))).toEqual(
      [
        `${slug}-handout.pdf`,
        `${slug}-notes.pdf`,
        `${slug}-slides.pdf`,
        'index.html',
        `${slug}.pptx`,
        `${slug}.html`,
      ].sort(),
    );
    expect(changed(base, withTemplate('factsheet/factsheet.hbs'))).toHaveLength(2);
    expect(changed(base, withTemplate('partials/base.css'))).toHaveLength(9);
    // A file the groups do not know (a user's own template folder) counts for everything.
    expect(changed(base, withTemplate('extra/logo.svg'))).toHaveLength(9);
  });

  it('changes every key with the code version or the content, and only the PDF keys with the printing options', () => {
    const base = keys(fp);
    expect(changed(base, keys({ ...fp, code: 'v2' }))).toHaveLength(9);
    expect(changed(base, keys({ ...fp, printing: '{"browser":"/usr/bin/chromium:2:3"}' }))).not.toContain('index.html');
    expect(changed(base, keys({ ...fp, printing: '{"browser":"/usr/bin/chromium:2:3"}' }))).toHaveLength(8);
    const role = c.roles[0]!;
    const edited = { ...c, roles: [{ ...role, summary: `${role.summary} More.` }, ...c.roles.slice(1)] };
    expect(changed(base, keys(fp, edited))).toHaveLength(9);
  });

  it('knows an image by its bytes', () => {
    const withImage = {
      ...c,
      deck: {
        ...c.deck,
        brand: { logo: { src: 'l.svg', path: '/l.svg', asset: 'assets/content/l.svg', file: 'd.md', line: 1 } },
      },
    };
    const a = keys({ ...fp, images: new Map([['assets/content/l.svg', 'one']]) }, withImage);
    const b = keys({ ...fp, images: new Map([['assets/content/l.svg', 'two']]) }, withImage);
    expect(changed(a, b)).toHaveLength(9);
  });

  it('without PDFs plans the deck alone, and counts a measured deck as fresh', () => {
    const [deck, ...rest] = planDeck(c, fp, false);
    expect(rest).toEqual([]);
    expect(deck?.alsoFresh).toEqual([keys(fp)['index.html']]);
    expect(deck?.key).not.toBe(keys(fp)['index.html']);
  });
});
