/**
 * Ideographs, kana, Hangul and full-width forms are about twice as wide as a Latin letter, and
 * Chinese and Japanese put no spaces between words: estimates of how much room text takes (chart
 * labels, lines on a slide) count in these units.
 */
const WIDE =
  /[\u1100-\u115F\u2E80-\u303E\u3041-\u33FF\u3400-\u4DBF\u4E00-\u9FFF\uA960-\uA97F\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]|[\u{20000}-\u{3FFFD}]/u;

/** Width of `text` in Latin letters: a wide character counts two. */
export function textUnits(text: string): number {
  let sum = 0;
  for (const ch of text) sum += WIDE.test(ch) ? 2 : 1;
  return sum;
}
