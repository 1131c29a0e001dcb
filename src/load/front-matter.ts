import { type Document, LineCounter, parseDocument } from 'yaml';
import type { Diagnostic } from '../errors.js';
import type { SourceFile } from './source.js';

/** A content file split into its YAML front matter and its Markdown body, positions kept. */
export interface ParsedFile {
  source: SourceFile;
  /** The front matter as plain data (not yet checked against a schema). */
  data: unknown;
  yaml: Document.Parsed;
  /** Maps an offset in the YAML text to a line of the file. */
  yamlLineCounter: LineCounter;
  /** File line (1-based) of the first YAML line. */
  yamlFirstLine: number;
  body: string;
  /** File line (1-based) of the first body line. */
  bodyFirstLine: number;
}

export type ParseOutcome = { ok: true; file: ParsedFile } | { ok: false; diagnostics: Diagnostic[] };

const FENCE = /^---[ \t]*$/;
const CLOSE = /^(---|\.\.\.)[ \t]*$/;
// Front matter engines other than YAML run code (gray-matter's `---js`); we name and refuse them.
const LANGUAGE_FENCE = /^---[ \t]*([A-Za-z][\w-]*)[ \t]*$/;
const MAX_ALIASES = 100;

/**
 * Decodes a file and splits its front matter. We split by hand rather than with a front-matter
 * library because we need exact line numbers and must never hand the block to another engine.
 */
export function parseFrontMatter(source: SourceFile): ParseOutcome {
  const fail = (message: string, line?: number, column?: number): ParseOutcome => ({
    ok: false,
    diagnostics: [{ file: source.path, line, column, message }],
  });
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(source.bytes);
  } catch {
    const at = firstInvalidUtf8(source.bytes);
    return fail(
      'is not UTF-8 text; save it as UTF-8 (most editors offer this under "Save with encoding")',
      at.line,
      at.column,
    );
  }
  const nul = text.indexOf('\u0000');
  if (nul >= 0) {
    const before = text.slice(0, nul).split('\n');
    return fail(
      'contains NUL bytes and looks binary; content files must be Markdown text',
      before.length,
      (before.at(-1)?.length ?? 0) + 1,
    );
  }
  text = text.replace(/\r\n?/g, '\n');
  if (text.trim() === '')
    return fail('is empty; start it with front matter between two --- lines (see README, "Content format")', 1);

  const lines = text.split('\n');
  const first = lines[0] ?? '';
  const language = LANGUAGE_FENCE.exec(first)?.[1];
  if (language !== undefined) {
    return fail(
      `front matter in "${language}" is not allowed, only YAML; replace "---${language}" with "---" and write YAML`,
      1,
      1,
    );
  }
  if (!FENCE.test(first)) {
    return fail('must start with front matter: a line "---", YAML such as "title: ...", and a closing "---"', 1, 1);
  }
  const close = lines.findIndex((line, i) => i > 0 && CLOSE.test(line));
  if (close < 0) {
    return fail('front matter opened here is never closed; add a line "---" after the last YAML line', 1, 1);
  }

  const yamlText = lines.slice(1, close).join('\n');
  const lineCounter = new LineCounter();
  const yaml = parseDocument(yamlText, {
    lineCounter,
    prettyErrors: true,
    uniqueKeys: true,
    schema: 'core',
    merge: false,
    strict: true,
    stringKeys: true,
  });
  const yamlFirstLine = 2;
  const problems = [...yaml.errors, ...yaml.warnings];
  if (problems.length > 0) {
    return {
      ok: false,
      diagnostics: problems.map((e) => {
        // yaml reports an unclosed quote where it gave up; the quote that opened it is more useful.
        const pos = e.code === 'MISSING_CHAR' ? (openingQuote(yamlText, e.pos[0]) ?? e.linePos?.[0]) : e.linePos?.[0];
        return {
          file: source.path,
          line: pos ? pos.line + yamlFirstLine - 1 : yamlFirstLine,
          column: pos?.col,
          message: `front matter is not valid YAML: ${yamlMessage(e.code, e.message)}`,
        };
      }),
    };
  }
  let data: unknown;
  try {
    data = yaml.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (error) {
    const message = (error as Error).message;
    return fail(
      /call stack/i.test(message)
        ? 'front matter is nested too deeply; flatten it'
        : `front matter could not be read: ${message}; remove YAML aliases (*name)`,
      yamlFirstLine,
    );
  }
  return {
    ok: true,
    file: {
      source,
      data: data ?? {},
      yaml,
      yamlLineCounter: lineCounter,
      yamlFirstLine,
      body: lines.slice(close + 1).join('\n'),
      bodyFirstLine: close + 2,
    },
  };
}

/** Line and column (1-based) of the quote that opens the string left unclosed before `offset`. */
function openingQuote(yamlText: string, offset: number): { line: number; col: number } | undefined {
  const lines = yamlText.slice(0, offset).split('\n');
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i] ?? '';
    for (const quote of ['"', "'"]) {
      const count = line.split(quote).length - 1;
      if (count % 2 === 1) return { line: i + 1, col: line.lastIndexOf(quote) + 1 };
    }
  }
  return undefined;
}

/** Where the first byte that is not UTF-8 sits, counted in lines and bytes. */
function firstInvalidUtf8(bytes: Uint8Array): { line: number; column: number } {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let start = 0;
  let line = 1;
  for (let i = 0; i <= bytes.length; i++) {
    if (i < bytes.length && bytes[i] !== 0x0a) continue;
    const chunk = bytes.subarray(start, i);
    try {
      decoder.decode(chunk);
    } catch {
      for (let end = 1; end <= chunk.length; end++) {
        try {
          new TextDecoder('utf-8', { fatal: true }).decode(chunk.subarray(0, end), { stream: true });
        } catch {
          return { line, column: end };
        }
      }
      return { line, column: 1 };
    }
    start = i + 1;
    line += 1;
  }
  return { line: 1, column: 1 };
}

function yamlMessage(code: string, message: string): string {
  const firstLine = message.split('\n')[0] ?? message;
  // yaml recurses into nested values; a stack overflow there is input nested absurdly deep.
  if (/call stack/i.test(message)) return 'values are nested too deeply; flatten them';
  switch (code) {
    case 'RESOURCE_EXHAUSTION':
      return 'values are nested too deeply or expand too far; flatten them';
    case 'DUPLICATE_KEY':
      return 'a key appears twice; keep one of them';
    case 'TAB_AS_INDENT':
      return 'tabs are used for indentation; indent with spaces';
    case 'MISSING_CHAR':
    case 'BAD_DQ_ESCAPE':
      return `${firstLine.replace(/ at line \d+, column \d+.*$/, '')}; check the quotes on this line`;
    case 'TAG_RESOLVE_FAILED':
      return `${firstLine.replace(/ at line \d+, column \d+.*$/, '')}; custom tags such as !!js/function are not allowed, remove the tag`;
    default:
      return firstLine.replace(/ at line \d+, column \d+.*$/, '');
  }
}
