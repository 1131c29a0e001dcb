import { createRequire } from 'node:module';

type Hyphenate = (text: string, options?: { minWordLength?: number }) => string;

const require = createRequire(import.meta.url);
const loaded = new Map<string, Hyphenate | undefined>();

/**
 * Where a line holds fewer letters than this (a role column of three, a six-role table cell),
 * words get hyphenation points. Wider text keeps whole words: the greedy line breaker would
 * otherwise hyphenate at every line end for no gain, and each hyphen splits a word in the PDF's
 * text.
 */
export const NARROW_CHARS = 30;

/** Words shorter than this are never split (TeX's usual 2 + 3 letters, with room either side). */
const MIN_WORD = 6;

/**
 * The hyphenation patterns for a language (the `hyphen` package: TeX's patterns, offline), loaded
 * on first use: `de-AT` -> de, `en` -> en-us. None for a language without patterns.
 */
function hyphenatorFor(lang: string): Hyphenate | undefined {
  const tag = lang.toLowerCase();
  if (loaded.has(tag)) return loaded.get(tag);
  let found: Hyphenate | undefined;
  for (const name of [tag, tag.split('-')[0] ?? '']) {
    // A language tag names a folder of the package: anything else is never required.
    if (!/^[a-z]{2,3}(-[a-z0-9]{2,8})*$/.test(name)) continue;
    try {
      found = (require(`hyphen/${name}/index.js`) as { hyphenateSync: Hyphenate }).hyphenateSync;
      break;
    } catch {
      // No patterns under this name: try the language alone, then give up.
    }
  }
  loaded.set(tag, found);
  return found;
}

/**
 * Words of letters in the scripts that hyphenate in print (Latin, Greek, Cyrillic), and HTML
 * character references, which must stay whole. Arabic, Devanagari, Chinese and the like are never
 * split with a hyphen.
 */
const WORD = /&#?\w+;|[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\p{M}]{6,}/gu;

/**
 * Adds soft hyphens (U+00AD) to the words of `text` where the language's patterns allow, so that
 * Chromium breaks a word too long for a narrow column with a hyphen ("infra-/structure") instead
 * of anywhere ("infrastructur/e", or a line starting with the comma after it). Names written in
 * camel case or capitals (TensorFlow, AWS) and anything inside a URL or address are left whole.
 * Works on plain text and on HTML: tags and the text of `<a>`, `<code>`, `<pre>` are skipped.
 */
export function hyphenate(text: string, lang: string): string {
  const hyphenateWord = hyphenatorFor(lang);
  if (!hyphenateWord) return text;
  let skip = 0;
  return text
    .split(/(<[^>]*>)/)
    .map((part) => {
      if (part.startsWith('<')) {
        const tag = /^<(\/?)(a|code|pre)\b/i.exec(part);
        if (tag) skip = Math.max(0, skip + (tag[1] ? -1 : 1));
        return part;
      }
      if (skip > 0) return part;
      return part.replace(/\S+/g, (token) =>
        /[/@]|www\./.test(token)
          ? token
          : token.replace(WORD, (word) =>
              word.startsWith('&') || /\p{Lu}/u.test(word.slice(1))
                ? word
                : hyphenateWord(word, { minWordLength: MIN_WORD }),
            ),
      );
    })
    .join('');
}

/** `hyphenate` where a line holds fewer than NARROW_CHARS letters; the text unchanged elsewhere. */
export function hyphenateNarrow(text: string, lang: string, charsPerLine: number): string {
  return charsPerLine < NARROW_CHARS ? hyphenate(text, lang) : text;
}
