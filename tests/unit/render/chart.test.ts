import { describe, expect, it } from 'vitest';
import { formatGrowth, outlookChart } from '../../../src/render/chart.js';

const bars = [
  { role: 'ML Engineer', growth: 22, period: '2019-2029', index: 0 },
  { role: 'AI Scientist', growth: 15, index: 1 },
];

const count = (text: string, needle: string) => text.split(needle).length - 1;

describe('outlookChart', () => {
  it('returns an empty string when no role has an outlook', () => {
    expect(outlookChart([])).toBe('');
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

  it('draws a short visible bar for a decline', () => {
    const svg = outlookChart([{ role: 'Shrinking', growth: -3, index: 0 }]);
    expect(svg).toMatch(/<rect [^>]*width="2.0"/);
    expect(svg).toContain('>-3%</text>');
  });
});

describe('formatGrowth', () => {
  it('signs positive values and leaves zero and negatives as they are', () => {
    expect(formatGrowth(22)).toBe('+22%');
    expect(formatGrowth(0)).toBe('0%');
    expect(formatGrowth(-4.5)).toBe('-4.5%');
  });
});
