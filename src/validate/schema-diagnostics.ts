import { isNode, type Document, type LineCounter } from 'yaml';
import type { z as zt } from 'zod';
import { z } from '../model/zod.js';
import type { Diagnostic } from '../errors.js';

/**
 * Translates zod's issues into diagnostics a person can act on: the YAML line of the key, and
 * what to write instead. Used for content front matter and for the config file.
 */
export interface Positions {
  file: string;
  /** Without a YAML document (a config file that is code), problems name the key but no line. */
  yaml?: Document.Parsed | undefined;
  lineCounter?: LineCounter | undefined;
  firstLine?: number | undefined;
}

/** Checks front matter against a schema; every problem becomes a diagnostic at its YAML line. */
export function checkFrontMatter<T>(
  schema: zt.ZodType<T>,
  data: unknown,
  at: Positions,
): { value?: T; diagnostics: Diagnostic[] } {
  // reportInput: without it zod 4 leaves `input` out of issues, and a wrong type reads as missing.
  const result = schema.safeParse(data, { reportInput: true });
  if (result.success) return { value: result.data, diagnostics: [] };
  return { diagnostics: result.error.issues.map((issue) => toDiagnostic(issue, schema, at)) };
}

function toDiagnostic(issue: zt.core.$ZodIssue, schema: zt.ZodType, at: Positions): Diagnostic {
  const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
  const { line, column } = locate(
    at,
    issue.code === 'unrecognized_keys' ? [...path, issue.keys[0] ?? ''] : path,
    issue.code === 'unrecognized_keys',
  );
  return { file: at.file, line, column, message: describeIssue(issue, path, schema) };
}

function describeIssue(issue: zt.core.$ZodIssue, path: (string | number)[], schema: zt.ZodType): string {
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
      return issue.origin === 'string'
        ? `${name} is empty; write a value or remove the key`
        : `${name}: ${issue.message.startsWith('Too small') ? `needs at least ${String(issue.minimum)}` : issue.message}`;
    case 'invalid_value':
      // A schema's own message (zod's start "Invalid") says more, as `dir:`'s does.
      if (!issue.message.startsWith('Invalid')) return `${name} ${issue.message}`;
      return `${name} must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'invalid_format':
      return issue.message.startsWith('Invalid')
        ? `${name} must be a valid ${issue.format}`
        : `${name} ${issue.message}`;
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

function knownKeys(schema: zt.ZodType, path: (string | number)[]): string[] {
  let node: zt.ZodType | undefined = schema;
  for (const part of path) {
    if (node === undefined) return [];
    node = unwrap(node);
    if (node instanceof z.ZodObject) node = node.shape[part as string] as zt.ZodType | undefined;
    else if (node instanceof z.ZodArray) node = node.element as zt.ZodType;
  }
  node = node && unwrap(node);
  return node instanceof z.ZodObject ? Object.keys(node.shape) : [];
}

function unwrap(node: zt.ZodType): zt.ZodType {
  let current = node;
  while (current instanceof z.ZodOptional || current instanceof z.ZodDefault) current = current.unwrap() as zt.ZodType;
  return current;
}

/** The line of the deepest YAML node on the path that exists (a missing key points at its parent). */
export function locate(
  at: Positions,
  path: (string | number)[],
  keyItself = false,
): { line?: number; column?: number } {
  if (!at.yaml || !at.lineCounter) return {};
  for (let depth = path.length; depth >= 0; depth--) {
    const sub = path.slice(0, depth);
    const yaml = at.yaml;
    const node =
      sub.length === 0
        ? yaml.contents
        : keyItself && depth === path.length
          ? findKey(yaml, sub)
          : yaml.getIn(sub, true);
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
