import { Lexer, type Token, type Tokens } from 'marked';
import type { Diagnostic } from '../errors.js';
import type { Deck, Role, Section } from '../model/index.js';
import { blockTexts } from '../model/index.js';

/**
 * An accessibility checker in the manner of PowerPoint's: content that builds but that some
 * readers cannot use, as warnings with the file and line and what to write instead (`--strict`
 * makes them errors). Elsewhere already, as errors: the brand accent's contrast (brand.ts) and a
 * slide without a title (a heading with no words, body.ts). Tables are not allowed in content at
 * all (body.ts), so there is no table header to check.
 */
export function accessibilityWarnings(roles: readonly Role[], decks: readonly Deck[]): Diagnostic[] {
  const warnings: Diagnostic[] = [];
  const warn = (file: string, line: number, message: string) =>
    warnings.push({ file, line, message, severity: 'warning' });
  for (const doc of [...roles, ...decks]) {
    for (const section of doc.sections) {
      for (const { markdown, line } of texts(section))
        checkText(markdown, line, (at, message) => warn(doc.file, at, message));
    }
  }
  for (const deck of decks) warnings.push(...repeatedTitles(deck, roles));
  return warnings;
}

/** Every piece of inline Markdown a section shows, with the line it starts on. */
function texts(section: Section): { markdown: string; line: number }[] {
  return section.blocks.flatMap(blockTexts);
}

/** Link texts that say nothing of where a link goes, read out of context by a screen reader. */
const VAGUE_LINK = /^(?:click here|here|this|this link|link|more|read more|learn more|this page|go|website)$/i;
const URL_LIKE = /^(?:[a-z][a-z0-9+.-]*:|www\.)\S*$/i;
/** Alt text that names the file or the kind of thing, not what it shows. */
const VAGUE_ALT = /^(?:image|img|picture|photo|graphic|icon|logo|screenshot|figure|chart)\s*\d*$/i;
const COLOURS = 'red|green|blue|orange|yellow|purple|pink|grey|gray|amber';
/**
 * "The items in red", "highlighted in green", "the blue ones": meaning carried by colour alone,
 * which people who do not see colours (and greyscale printouts) miss. "Jobs in green energy"
 * does not match: the colour must end the phrase or name a marking.
 */
const COLOUR_ONLY = new RegExp(
  `\\b(?:(?:shown|marked|highlighted|coloured|colored|printed|written)\\s+in\\s+(?:${COLOURS})\\b` +
    `|in\\s+(?:${COLOURS})(?=\\s*(?:[.,;:!?)]|$|\\s(?:are|is|show|shows|mean|means|indicate|indicates|mark|marks)\\b))` +
    `|the\\s+(?:${COLOURS})\\s+(?:ones|items|bars|parts|words|terms|text|rows|entries|bits|skills)\\b)`,
  'i',
);

/** Images without alt text, links that do not say where they go, and colour as the only cue. */
export function checkText(markdown: string, line: number, warn: (line: number, message: string) => void): void {
  const lineOf = (raw: string) => {
    const at = markdown.indexOf(raw);
    return at < 0 ? line : line + (markdown.slice(0, at).match(/\n/g)?.length ?? 0);
  };
  walk(Lexer.lexInline(markdown, { gfm: true }), (token) => {
    if (token.type === 'image') {
      const image = token as Tokens.Image;
      const alt = image.text.trim();
      const file = image.href.split('/').pop() ?? image.href;
      if (alt === '') {
        warn(
          lineOf(image.raw),
          `image "${image.href}" has no alt text; a screen reader skips it: describe what it shows, as ![what it shows](${image.href}) (the outputs mark an image with no alt text as decorative)`,
        );
      } else if (VAGUE_ALT.test(alt) || alt === file || alt === image.href) {
        warn(
          lineOf(image.raw),
          `image "${image.href}" has the alt text "${alt}", which does not say what it shows; describe it, as ![what it shows](${image.href})`,
        );
      }
    }
    if (token.type === 'link') {
      const link = token as Tokens.Link;
      const text = plain(link.tokens ?? []).trim();
      if (text === link.href || URL_LIKE.test(text)) {
        warn(
          lineOf(link.raw),
          `link text "${text}" is a bare address; a screen reader spells it out: write what it leads to, as [Occupational Outlook Handbook](${link.href})`,
        );
      } else if (VAGUE_LINK.test(text)) {
        warn(
          lineOf(link.raw),
          `link text "${text}" does not say where the link goes (screen readers list links by their text alone): write what it leads to, as [Occupational Outlook Handbook](${link.href})`,
        );
      }
    }
    return false;
  });
  const colour = COLOUR_ONLY.exec(markdown);
  if (colour) {
    warn(
      lineOf(colour[0]),
      `"${colour[0]}" carries meaning by colour alone, which people who cannot tell colours apart (and greyscale prints) miss; say it in words too, such as "the skills both roles share"`,
    );
  }
}

/**
 * A deck's own section that repeats another slide's title (the cover, the agenda or a compared
 * section): two slides with one title cannot be told apart in the slide list or the bookmarks.
 * (Titles the renderer adds itself, such as the chart and overlap slides, are distinct by design.)
 */
function repeatedTitles(deck: Deck, roles: readonly Role[]): Diagnostic[] {
  const key = (title: string) => title.trim().toLowerCase().replace(/\s+/g, ' ');
  const deckRoles = deck.roles
    .map((slug) => roles.find((r) => r.slug === slug))
    .filter((r): r is Role => r !== undefined);
  const taken = new Map<string, string>([
    [key(deck.title), 'the title slide'],
    [key('Agenda'), 'the agenda slide'],
  ]);
  for (const id of deck.sectionIds) {
    const compared = deckRoles.flatMap((r) =>
      r.sections.filter((s) => s.id === id).map((s) => ({ role: r, section: s })),
    )[0];
    if (compared)
      taken.set(
        key(compared.section.title),
        `the compared section "${compared.section.title}" (${compared.role.file}:${compared.section.line})`,
      );
  }
  const diagnostics: Diagnostic[] = [];
  for (const section of deck.sections) {
    const twin = taken.get(key(section.title));
    if (twin) {
      diagnostics.push({
        file: deck.file,
        line: section.line,
        severity: 'warning',
        message: `slide title "${section.title}" is also the title of ${twin}; slides with one title cannot be told apart in a screen reader's slide list or the PDF bookmarks: rename this section`,
      });
    }
    taken.set(key(section.title), `the section on line ${section.line}`);
  }
  return diagnostics;
}

function walk(tokens: Token[], visit: (token: Token) => boolean): void {
  for (const token of tokens) {
    if (visit(token)) continue;
    const children = 'tokens' in token ? (token.tokens as Token[] | undefined) : undefined;
    if (children) walk(children, visit);
  }
}

function plain(tokens: Token[]): string {
  return tokens
    .map((t) => ('tokens' in t && t.tokens ? plain(t.tokens as Token[]) : 'text' in t ? String(t.text) : ''))
    .join('');
}
