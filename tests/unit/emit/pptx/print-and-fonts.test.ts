import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { compareAll, type Comparison } from '../../../../src/compare/compare.js';
import { loadModel } from '../../../../src/content.js';
import { SERIES_PATTERNS } from '../../../../src/emit/pptx/chart-patterns.js';
import { buildPptx, numberedIndent, PPTX_FONT } from '../../../../src/emit/pptx/pptx.js';
import { deckView, type DeckView } from '../../../../src/render/deck-view.js';
import { PROJECT_ROOT } from '../../../support/content.js';
import { pptxTexts } from '../../../support/pptx.js';

// Issue 23, PowerPoint: series apart in greyscale, no "0" label, a font every program has,
// one type size for a slide's columns, a gap after "10.".
const DATE = new Date('2026-01-01T00:00:00Z');
const EMU_PER_PT = 12700;

let six: Comparison;
let view: DeckView;
let zip: JSZip;
const part = (name: string) => zip.file(name)!.async('string');
const slideXml = (index: number) => part(`ppt/slides/slide${index + 1}.xml`);
const shapes = (xml: string) => xml.match(/<p:sp>[\s\S]*?<\/p:sp>/g) ?? [];

beforeAll(async () => {
  six = compareAll(await loadModel(`${PROJECT_ROOT}/tests/fixtures/six-roles/content`))[0]!;
  const plain = deckView(six);
  // One column far longer than its neighbours: the slide must still use one size for all.
  const at = plain.slides.findIndex((s) => (s.columns?.length ?? 0) >= 3);
  const slides = plain.slides.map((s, i) =>
    i === at
      ? {
          ...s,
          columns: s.columns!.map((col, j) =>
            j === 1 ? { ...col, flow: [...col.flow, ...col.flow, ...col.flow] } : col,
          ),
        }
      : s,
  );
  view = { ...plain, slides };
  zip = await JSZip.loadAsync(await buildPptx({ c: six, view, date: DATE }));
});

describe('buildPptx for print and for other machines', () => {
  it('fills each series of the overlap chart with its own pattern, labels boxed, no label for zero', async () => {
    const charts = await Promise.all(
      Object.keys(zip.files)
        .filter((n) => /^ppt\/charts\/chart\d+\.xml$/.test(n))
        .map((n) => part(n)),
    );
    const overlap = charts.find((x) => x.includes('<c:grouping val="stacked"/>'));
    expect(overlap).toBeDefined();
    const series = overlap!.match(/<c:ser>[\s\S]*?<\/c:ser>/g) ?? [];
    expect(series).toHaveLength(2 + six.roles.length);
    const fills = series.map((ser) => {
      const fill = /<c:spPr>\s*(<a:(?:solidFill|pattFill)[^>]*>)/.exec(ser)?.[1] ?? '';
      return /prst="(\w+)"/.exec(fill)?.[1] ?? (fill.startsWith('<a:solidFill') ? 'solid' : '');
    });
    // What every role shares stays solid; every other series a texture of its own.
    expect(fills[0]).toBe('solid');
    expect(new Set(fills).size).toBe(series.length);
    for (const prst of fills) expect(SERIES_PATTERNS as readonly string[]).toContain(prst);
    for (const ser of series) {
      // An empty third section: a zero prints nothing.
      expect(ser).toMatch(/<c:dLbls><c:numFmt formatCode="#,##0;-#,##0;;"[^>]*\/><c:spPr><a:solidFill>/);
    }
  });

  it('names one font everywhere (Arial, code in Consolas), never Inter', async () => {
    const xmlParts = Object.keys(zip.files).filter((n) => /^ppt\/.*\.xml$/.test(n));
    const faces = new Set<string>();
    for (const name of xmlParts) {
      const xml = await part(name);
      for (const m of xml.matchAll(/<a:(?:latin|ea|cs) typeface="([^"]*)"/g)) faces.add(m[1]!);
    }
    expect(PPTX_FONT).toBe('Arial');
    expect([...faces].filter((f) => f !== '' && !f.startsWith('+'))).toEqual(expect.arrayContaining([PPTX_FONT]));
    for (const face of faces)
      expect(['', PPTX_FONT, 'Consolas', '+mj-lt', '+mn-lt', '+mj-ea', '+mn-ea', '+mj-cs', '+mn-cs'], face).toContain(
        face,
      );
  });

  it('indents the agenda numbers for "10." and later, so the number never touches its text', async () => {
    const agenda = view.slides.findIndex((s) => s.agenda);
    expect(view.slides[agenda]!.agenda!.length).toBeGreaterThanOrEqual(10);
    const xml = await slideXml(agenda);
    const items = [
      ...xml.matchAll(/<a:pPr marL="(\d+)"[^>]*>(?:(?!<\/a:pPr>)[\s\S])*<a:buAutoNum[\s\S]*?<a:rPr[^>]*sz="(\d+)"/g),
    ];
    expect(items.length).toBe(view.slides[agenda]!.agenda!.length);
    for (const [, marL, sz] of items) {
      const size = Number(sz) / 100;
      // "10." is 1.39 em wide in Arial; 0.3 em at least between it and the text.
      expect(Number(marL) / EMU_PER_PT).toBeGreaterThanOrEqual(size * (1.39 + 0.3));
    }
    expect(numberedIndent([{ runs: [], list: 'number', level: 1 }], 20)).toBe(25);
  });

  it('draws all columns of a slide at one type size, the fullest column fitted, none left to shrink alone', async () => {
    const at = view.slides.findIndex((s) => (s.columns?.length ?? 0) >= 3);
    const xml = await slideXml(at);
    // The columns' text boxes start 2.0 in down the slide (BODY.y + 0.65), under the headings.
    const bodies = shapes(xml).filter((sp) => /<a:off x="\d+" y="1828800"\/>/.test(sp));
    expect(bodies).toHaveLength(view.slides[at]!.columns!.length);
    const sizes = new Set(bodies.flatMap((sp) => [...sp.matchAll(/<a:rPr[^>]*\bsz="(\d+)"/g)].map((m) => m[1])));
    expect([...sizes]).toHaveLength(1);
    // The tripled column does not fit at 18 pt: every column comes down with it.
    expect(Number([...sizes][0])).toBeLessThan(1800);
    for (const sp of bodies) expect(sp).not.toContain('<a:normAutofit');
    expect(pptxTexts(xml).length).toBeGreaterThan(100);
  });
});

// Here, not in pptx.test.ts, to read this file's build of the six roles (a build of its own there).
// The one slide with a longer column is not a matrix slide: the matrix slides are the plain view's.
describe('buildPptx, six roles', () => {
  it('draws the overlap matrix of 4-6 roles as a table: every role named, every term with its marks', async () => {
    const names = Object.keys(zip.files)
      .filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n))
      .sort((a, b) => Number(/(\d+)\.xml/.exec(a)![1]) - Number(/(\d+)\.xml/.exec(b)![1]));
    expect(names).toHaveLength(view.slides.length);
    const matrixSlides = view.slides.flatMap((s, i) => (s.matrix ? [{ s, name: names[i]! }] : []));
    expect(matrixSlides.length).toBeGreaterThan(0);
    for (const { s, name } of matrixSlides) {
      const xml = await part(name);
      expect(xml, name).toContain('<a:tbl>');
      const text = pptxTexts(xml);
      for (const role of s.matrix!.head) expect(text, name).toContain(role);
      for (const row of s.matrix!.groups.flatMap((g) => g.rows)) expect(text, name).toContain(row.term);
      expect(text.split('●').length - 1).toBe(
        s
          .matrix!.groups.flatMap((g) => g.rows)
          .flatMap((r) => r.marks)
          .filter(Boolean).length,
      );
    }
  });
});
