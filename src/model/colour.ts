/**
 * Colour arithmetic for themes and brand accents: WCAG 2.x relative luminance and contrast
 * ratio, and the nearest shade of a colour that reaches a ratio. Pure; no DOM, no CSS parser.
 */

/** `#rgb` or `#rrggbb`, the forms a brand accent may take. */
export const HEX_COLOUR = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;

/** WCAG 2 AA minimum contrast for normal text; large text (24px, or 18.66px bold) needs 3. */
export const AA_TEXT = 4.5;
export const AA_LARGE = 3;

type Rgb = [number, number, number];

function rgb(hex: string): Rgb {
  if (!HEX_COLOUR.test(hex)) throw new Error(`not a #rgb or #rrggbb colour: ${hex}`);
  const digits = hex.length === 4 ? [...hex.slice(1)].map((c) => c + c).join('') : hex.slice(1);
  return [0, 2, 4].map((i) => parseInt(digits.slice(i, i + 2), 16)) as Rgb;
}

function hex([r, g, b]: Rgb): string {
  return `#${[r, g, b]
    .map((v) =>
      Math.round(Math.min(255, Math.max(0, v)))
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`;
}

/** `#ABC` -> `#aabbcc`: the one spelling generated CSS uses. */
export function normaliseHex(colour: string): string {
  return hex(rgb(colour));
}

/** WCAG relative luminance: sRGB channels linearised, weighted 0.2126 / 0.7152 / 0.0722. */
export function luminance(colour: string): number {
  const [r, g, b] = rgb(colour).map((v) => {
    const c = v / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as Rgb;
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio, from 1 (same colour) to 21 (black on white). */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** A ratio as people read it: 3.44 -> "3.4:1" (rounded down, so a printed 4.5:1 really passes). */
export function formatRatio(ratio: number): string {
  return `${(Math.floor(ratio * 10) / 10).toFixed(1)}:1`;
}

/**
 * The colour itself when it reaches `min` against `background`; otherwise the least change
 * that does, mixing towards black on a light background and towards white on a dark one (so
 * the hue stays). Black or white always reach 4.5:1 against something, so for any min up to
 * 7 and any background this finds a shade unless the background is mid-grey.
 */
export function textSafe(colour: string, background: string, min: number): string {
  if (contrastRatio(colour, background) >= min) return normaliseHex(colour);
  const from = rgb(colour);
  const target: Rgb = luminance(background) > 0.18 ? [0, 0, 0] : [255, 255, 255];
  const mix = (t: number) => hex(from.map((v, i) => v + (target[i]! - v) * t) as Rgb);
  let lo = 0;
  let hi = 1;
  for (let i = 0; i < 24; i++) {
    const mid = (lo + hi) / 2;
    if (contrastRatio(mix(mid), background) >= min) hi = mid;
    else lo = mid;
  }
  // Rounding to whole channel values can land just under the ratio: step on until it holds.
  for (let t = hi; t <= 1; t += 0.005) if (contrastRatio(mix(t), background) >= min) return mix(t);
  return mix(1);
}
