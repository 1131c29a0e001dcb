import { isNode, type Document, type LineCounter } from 'yaml';
import { z } from 'zod';
import type { Diagnostic } from '../errors.js';
import { HEX_COLOUR } from './colour.js';
import { THEMES } from './themes.js';

const text = z.string().trim().min(1);
/** A title or label: one line, short enough for a running header and a slide. */
const line = text.max(120, 'is longer than 120 characters; shorten it').regex(/^[^\n\r\t]*$/, 'must be on one line');
/** A BCP 47 tag that Intl accepts (the schema regex alone let "en-US-US" through). */
export const language = z
  .string()
  .refine((tag) => {
    try {
      return Intl.getCanonicalLocales(tag).length === 1 && new Intl.DateTimeFormat(tag).resolvedOptions().locale !== '';
    } catch {
      return false;
    }
  }, 'must be a language tag such as "en" or "en-GB"')
  .default('en');
/** File names of roles and decks without `.md`: they become folder and file names of outputs. */
/** The PDFs a deck can have; index.html is always written. */
export const PDF_KINDS = ['report', 'slides', 'handout', 'factsheets'] as const;
/** Outputs made beside the PDFs; `images` only on demand (see DEFAULT_OUTPUTS). */
export const REACH_KINDS = ['pptx', 'html', 'images'] as const;
export const OUTPUT_KINDS = [...PDF_KINDS, ...REACH_KINDS] as const;
/** What a deck makes when neither it nor the config file lists `outputs`: all but the slide images. */
export const DEFAULT_OUTPUTS = OUTPUT_KINDS.filter((kind) => kind !== 'images');

export { THEMES };

/** `theme:` of a deck (and of the config file): one of THEMES. */
export const themeSchema = z.enum(THEMES);

/**
 * `brand:` of a deck (and of the config file). The logo is still a path here: checkBrand
 * (brand.ts) resolves it like a Markdown image and checks the accent's contrast.
 */
export const brandSchema = z.strictObject({
  accent: z
    .string({ error: (issue) => (issue.input === null ? 'is empty; quote the colour, as in accent: "#0b5fff" (an unquoted # starts a YAML comment)' : undefined) })
    .trim()
    .regex(HEX_COLOUR, 'must be a CSS hex colour such as "#0b5fff" or "#06f"')
    .optional(),
  logo: text.optional(),
  footer: line.optional(),
});

/** `brand:` as written: the logo still a path. */
export type BrandInput = z.infer<typeof brandSchema>;

export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const slug = z.string().regex(SLUG, 'must be a file name without ".md", in lower case with dashes');

export const roleSchema = z.strictObject({
  title: line,
  short: text.max(40).optional(),
  summary: text.optional(),
  outlook: z
    .strictObject({
      growth: z.number().min(-100).max(1000),
      period: text.optional(),
      group: text.optional(),
      source: text.optional(),
    })
    .optional(),
});

export const deckSchema = z.strictObject({
  title: line,
  subtitle: line.optional(),
  roles: z.array(slug).min(2, 'list two or more roles').max(6, 'list at most six roles'),
  sections: z
    .array(text)
    .min(1)
    .refine((ids) => new Set(ids).size === ids.length, 'names a section twice; list each section once')
    .optional(),
  event: text.optional(),
  date: text.optional(),
  presenter: text.optional(),
  lang: language,
  paper: z.enum(['A4', 'Letter']).default('A4'),
  outputs: z
    .array(z.enum(OUTPUT_KINDS))
    .refine((kinds) => new Set(kinds).size === kinds.length, 'names an output twice; list each once')
    .default([...DEFAULT_OUTPUTS]),
  url: z.url({ protocol: /^https?$/ }).optional(),
  qr: z.boolean().default(true),
  // No defaults: undefined means "not set here", so a config file can fill it in.
  theme: themeSchema.optional(),
  brand: brandSchema.optional(),
  sources: z
    .array(
      z.strictObject({
        title: text,
        publisher: text.optional(),
        date: text.optional(),
        url: z.url({ protocol: /^https?$/ }).optional(),
      }),
    )
    .default([]),
});


export interface Positions {
  file: string;
  /** Without a YAML document (a config file that is code), problems name the key but no line. */
  yaml?: Document.Parsed | undefined;
  lineCounter?: LineCounter | undefined;
  firstLine?: number | undefined;
}

/** Checks front matter against a schema; every problem becomes a diagnostic at its YAML line. */
export function checkFrontMatter<T>(schema: z.ZodType<T>, data: unknown, at: Positions): { value?: T; diagnostics: Diagnostic[] } {
  // reportInput: without it zod 4 leaves `input` out of issues, and a wrong type reads as missing.
  const result = schema.safeParse(data, { reportInput: true });
  if (result.success) return { value: result.data, diagnostics: [] };
  return { diagnostics: result.error.issues.map((issue) => toDiagnostic(issue, schema, at)) };
}

function toDiagnostic(issue: z.core.$ZodIssue, schema: z.ZodType, at: Positions): Diagnostic {
  const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
  const { line, column } = locate(at, issue.code === 'unrecognized_keys' ? [...path, issue.keys[0] ?? ''] : path, issue.code === 'unrecognized_keys');
  return { file: at.file, line, column, message: describeIssue(issue, path, schema) };
}

function describeIssue(issue: z.core.$ZodIssue, path: (string | number)[], schema: z.ZodType): string {
  const name = path.length > 0 ? `"${path.join('.')}"` : 'front matter';
  switch (issue.code) {
    case 'unrecognized_keys': {
      const known = knownKeys(schema, path);
      return `${issue.keys.map((k) => `"${k}"`).join(', ')} ${issue.keys.length > 1 ? 'are not known keys' : 'is not a known key'}${path.length ? ` in ${name}` : ''}; use one of ${known.join(', ')} or remove it`;
    }
    case 'invalid_type':
      // A schema's own message (zod's start "Invalid input") says more than the generic one.
      if (issue.input !== undefined && !issue.message.startsWith('Invalid')) return `${name} ${issue.message}`;
      return issue.input === undefined
        ? `${name} is required; add "${path.at(-1)}: ..." to the front matter`
        : `${name} must be ${article(issue.expected)}, not ${typeName(issue.input)}`;
    case 'too_small':
      return issue.origin === 'string' ? `${name} is empty; write a value or remove the key` : `${name}: ${issue.message.startsWith('Too small') ? `needs at least ${String(issue.minimum)}` : issue.message}`;
    case 'invalid_value':
      return `${name} must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'invalid_format':
      return issue.message.startsWith('Invalid') ? `${name} must be a valid ${issue.format}` : `${name} ${issue.message}`;
    case 'too_big':
      return issue.message.startsWith('Too big') ? `${name} is too long` : `${name} ${issue.message}`;
    case 'custom':
      return `${name} ${issue.message}`;
    default:
      return `${name}: ${issue.message}`;
  }
}

function article(type: string): string {
  return type === 'array' ? 'a list' : type === 'object' ? 'a mapping of keys' : `a ${type}`;
}

function typeName(value: unknown): string {
  if (value === null) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return `${typeof value} ${JSON.stringify(value)}`;
}

function knownKeys(schema: z.ZodType, path: (string | number)[]): string[] {
  let node: z.ZodType | undefined = schema;
  for (const part of path) {
    if (node === undefined) return [];
    node = unwrap(node);
    if (node instanceof z.ZodObject) node = node.shape[part as string] as z.ZodType | undefined;
    else if (node instanceof z.ZodArray) node = node.element as z.ZodType;
  }
  node = node && unwrap(node);
  return node instanceof z.ZodObject ? Object.keys(node.shape) : [];
}

function unwrap(node: z.ZodType): z.ZodType {
  let current = node;
  while (current instanceof z.ZodOptional || current instanceof z.ZodDefault) current = current.unwrap() as z.ZodType;
  return current;
}

/** The line of the deepest YAML node on the path that exists (a missing key points at its parent). */
export function locate(at: Positions, path: (string | number)[], keyItself = false): { line?: number; column?: number } {
  if (!at.yaml || !at.lineCounter) return {};
  for (let depth = path.length; depth >= 0; depth--) {
    const sub = path.slice(0, depth);
    const yaml = at.yaml;
    const node = sub.length === 0 ? yaml.contents : keyItself && depth === path.length ? findKey(yaml, sub) : yaml.getIn(sub, true);
    if (isNode(node) && node.range) {
      const pos = at.lineCounter.linePos(node.range[0]);
      return { line: pos.line + (at.firstLine ?? 1) - 1, column: pos.col };
    }
  }
  return { line: 1 };
}

function findKey(yaml: Document.Parsed, path: (string | number)[]): unknown {
  const parent = yaml.getIn(path.slice(0, -1), true) as { items?: { key: unknown }[] } | undefined;
  const parentNode = path.length === 1 ? yaml.contents : parent;
  const items = (parentNode as { items?: { key: unknown }[] } | null)?.items ?? [];
  return items.find((pair) => isNode(pair.key) && (pair.key as { value?: unknown }).value === path.at(-1))?.key;
}
