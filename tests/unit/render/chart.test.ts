import { resolveLabels } from '../../../src/model/labels.js';
import { describe, expect, it } from 'vitest';
import { labelWidth, wrapLabel } from '../../../src/render/chart-label.js';
import { formatGrowth, outlookChart } from '../../../src/render/chart.js';
import { overlapChart } from '../../../src/render/overlap-chart.js';

const bars = [
  { role: 'ML Engineer', growth: 22, period: '2019-2029', index: 0 },
  { role: 'AI Scientist', growth: 15, index: 1 },
];

const count = (text: string, needle: string) => text.split(needle).length - 1;

describe('outlookChart', () => {
  it('returns an empty string when no role has an outlook', () => {
    expect(outlookChart([])).toBe('');
  });

  it('keeps a row for a role without a figure, saying "no figure" in the deck\'s language instead of a bar', () => {
    const svg = outlookChart([bars[0]!, { role: 'Third', growth: 5, index: 2 }], undefined, [
      { role: 'Missing', index: 1 },
    ]);
    expect(count(svg, '<rect ')).toBe(2);
    const order = ['ML Engineer', 'Missing', 'Third'].map((name) => svg.indexOf(`>${name}<`));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(svg).toContain('class="chart-value chart-none"');
    expect(svg).toContain('Missing: no figure');
    const de = outlookChart(bars, { lang: 'de', labels: resolveLabels('de') }, [{ role: 'X', index: 2 }]);
    expect(de).toContain('>keine Angabe<');
  });

  it('draws one bar per role, coloured by role index', () => {
    const svg = outlookChart(bars);
    expect(svg.startsWith('<svg')).toBe(true);
    expect(count(svg, '<rect ')).toBe(2);
    expect(svg).toContain('<rect class="role-0"');
    expect(svg).toContain('<rect class="role-1"');
  });

  it('colours a bar by the position of its role in the deck', () => {
    const svg = outlookChart([{ role: 'Third', growth: 5, index: 2 }]);
    expect(svg).toContain('<rect class="role-2"');
    expect(svg).not.toContain('role-0');
  });

  it('labels each bar with its role and its value', () => {
    const svg = outlookChart(bars);
    expect(svg).toMatch(/<text class="chart-label"[^>]*>ML Engineer<\/text>/);
    expect(svg).toMatch(/<text class="chart-label"[^>]*>AI Scientist<\/text>/);
    expect(svg).toMatch(/<text class="chart-value"[^>]*>\+22%<\/text>/);
    expect(svg).toMatch(/<text class="chart-value"[^>]*>\+15%<\/text>/);
  });

  it('draws longer bars for larger values', () => {
    const widths = [...outlookChart(bars).matchAll(/<rect [^>]*width="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(widths).toHaveLength(2);
    expect(widths[0]).toBeGreaterThan(widths[1] ?? Infinity);
    expect((widths[0] ?? 0) / (widths[1] ?? 1)).toBeCloseTo(22 / 15, 1);
  });

  it('gives a text alternative naming every role and figure', () => {
    const svg = outlookChart(bars);
    expect(svg).toContain('role="img"');
    expect(svg).toContain('<title id="outlook-title">Projected employment growth</title>');
    const desc = /<desc id="outlook-desc">([^<]*)<\/desc>/.exec(svg)?.[1];
    expect(desc).toBe('ML Engineer: +22% (2019-2029); AI Scientist: +15%');
  });

  it('escapes role names in labels and in the description', () => {
    const svg = outlookChart([{ role: '<script>alert(1)</script> & Co', growth: 10, index: 0 }]);
    expect(svg).not.toContain('<script');
    expect(svg).toContain('&#60;script&#62;alert(1)&#60;/script&#62; &#38; Co');
    // Label, description, and the bar's own <title>; label lines also in an aria-label.
    expect(count(svg, '&#60;script&#62;')).toBeGreaterThanOrEqual(3);
  });

  it('prints a 40-character label whole, wrapped over lines, with the full text as its accessible name', () => {
    const role = 'Senior ML Infra & Platform Reliability E';
    expect(role).toHaveLength(40);
    const svg = outlookChart([
      { role, growth: 10, index: 0 },
      { role: 'Softwareentwicklung', growth: 5, index: 1 },
    ]);
    const spans = [...svg.matchAll(/<tspan[^>]*>([^<]*)<\/tspan>/g)].map((m) => m[1]);
    expect(spans.join(' ')).toBe('Senior ML Infra &#38; Platform Reliability E');
    expect(spans.every((s) => (s ?? '').replace('&#38;', '&').length <= 22)).toBe(true);
    expect(svg).toContain('aria-label="Senior ML Infra &#38; Platform Reliability E"');
    expect(svg).toMatch(/<text class="chart-label"[^>]*>Softwareentwicklung<\/text>/);
    // The label area is wide enough for the longest line, not a fixed 190 units.
    const labelX = Number(/<tspan x="([\d.]+)"/.exec(svg)?.[1]);
    const barX = Number(/<rect class="role-0" x="([\d.]+)"/.exec(svg)?.[1]);
    expect(labelX).toBeGreaterThan(19 * 11);
    expect(barX).toBeGreaterThan(labelX);
  });

  it('draws a decline left of a zero line, as long as its value says, and names it in the text alternative', () => {
    const svg = outlookChart([
      { role: 'Growing', growth: 23, index: 0 },
      { role: 'Shrinking', growth: -26, index: 1 },
    ]);
    const rect = (role: number) => {
      const m = new RegExp(`<rect class="role-${role}" x="([\\d.]+)" y="[\\d.]+" width="([\\d.]+)"`).exec(svg);
      return { x: Number(m?.[1]), w: Number(m?.[2]) };
    };
    const zero = Number(/<line class="chart-zero" x1="([\d.]+)"/.exec(svg)?.[1]);
    const [up, down] = [rect(0), rect(1)];
    expect(up.x).toBeCloseTo(zero, 0);
    expect(down.x + down.w).toBeCloseTo(zero, 0);
    expect(down.w / up.w).toBeCloseTo(26 / 23, 1);
    expect(svg).toContain('>-26%</text>');
    expect(svg).toMatch(/<desc[^>]*>[^<]*Shrinking: -26% \(decline\)/);
    expect(svg).toContain('>-30%</text>');
  });
});

describe('formatGrowth', () => {
  it('signs positive values and leaves zero and negatives as they are', () => {
    expect(formatGrowth(22)).toBe('+22%');
    expect(formatGrowth(0)).toBe('0%');
    expect(formatGrowth(-4.5)).toBe('-4.5%');
  });
});

describe('charts right to left', () => {
  const rects = (svg: string) =>
    [...svg.matchAll(/<rect class="role-\d" x="([\d.]+)" y="[\d.]+" width="([\d.]+)"/g)].map((m) => ({
      left: Number(m[1]),
      right: Number(m[1]) + Number(m[2]),
    }));

  it('anchors the outlook bars at the right and puts the labels right of them', () => {
    const ltr = outlookChart(bars);
    const rtl = outlookChart(bars, { lang: 'ar', labels: resolveLabels('ar'), dir: 'rtl' });
    const width = Number(/viewBox="0 0 (\d+)/.exec(rtl)?.[1]);
    const ends = rects(rtl).map((r) => r.right);
    // Every bar ends at the same right edge, the mirror of where the left-to-right bars start.
    expect(new Set(ends).size).toBe(1);
    expect(ends[0]).toBeCloseTo(width - (rects(ltr)[0]?.left ?? 0), 1);
    const labelX = Number(/<text class="chart-label" x="([\d.]+)"/.exec(rtl)?.[1]);
    expect(labelX).toBeGreaterThan(ends[0] ?? Infinity);
    // The chart says its direction, so text-anchor "end" is the label's left edge.
    expect(rtl).toContain('direction="rtl"');
    expect(ltr).toContain('direction="ltr"');
  });

  it('mirrors the overlap chart: labels at the right, the first segment from the right', () => {
    const comparison = {
      roles: [{ short: 'A' }, { short: 'B' }],
      sections: [{ title: 'Skills', overlap: { shared: [1, 2], partial: [], unique: [[1], [1]] } }],
    } as unknown as Parameters<typeof overlapChart>[0];
    const svg = overlapChart(comparison, { lang: 'ar', labels: resolveLabels('ar'), dir: 'rtl' });
    const width = Number(/viewBox="0 0 (\d+)/.exec(svg)?.[1]);
    const shared = /<rect class="overlap-all" x="([\d.]+)" y="[\d.]+" width="([\d.]+)"/.exec(svg);
    expect(Number(shared?.[1]) + Number(shared?.[2])).toBeGreaterThan(width / 2);
    const labelX = Number(/<text class="chart-label" x="([\d.]+)"/.exec(svg)?.[1]);
    expect(labelX).toBeGreaterThan(Number(shared?.[1]) + Number(shared?.[2]));
  });
});

describe('chart labels in scripts without spaces', () => {
  it('wraps a Chinese label by its width, an ideograph counting as two letters', () => {
    const lines = wrapLabel('软件开发工程师与数据平台可靠性工程师', 22);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.every((l) => [...l].length <= 11)).toBe(true);
    expect(lines.join('')).toBe('软件开发工程师与数据平台可靠性工程师');
  });

  it('sizes the label area for wide characters', () => {
    expect(labelWidth([['软件开发工程师']], 0, 1000)).toBeGreaterThan(labelWidth([['Software']], 0, 1000) * 1.5);
  });
});
