import { inflateSync } from 'node:zlib';
import { entry, type PdfValue, readValue } from './values.js';

/**
 * The objects of a PDF that Chromium printed, read from its text (latin1: one char per byte).
 * Chromium writes every object in the open (no object streams) with a classic cross-reference
 * table, which pdf-meta.ts relies on too; the last definition of a number wins, as after an
 * incremental update. Values are read lazily: a report has thousands of objects and the pass
 * reads a few hundred.
 */
export class PdfObjects {
  private readonly at = new Map<number, number>();
  private readonly cache = new Map<number, PdfValue | null>();

  constructor(readonly text: string) {
    for (const m of text.matchAll(/(?:^|[\r\n])(\d+)\s+0\s+obj\b/g)) this.at.set(Number(m[1]), m.index + m[0].length);
  }

  numbers(): number[] {
    return [...this.at.keys()];
  }

  /** The object's value (for a stream, its dictionary), or undefined. */
  get(n: number): PdfValue | undefined {
    if (!this.cache.has(n)) {
      const at = this.at.get(n);
      let value: PdfValue | null = null;
      if (at !== undefined) {
        try {
          value = readValue(this.text, at).value;
        } catch {
          value = null;
        }
      }
      this.cache.set(n, value);
    }
    return this.cache.get(n) ?? undefined;
  }

  /** Follows a reference; any other value is returned as it is. */
  resolve(value: PdfValue | undefined): PdfValue | undefined {
    return value?.t === 'ref' ? this.get(value.n) : value;
  }

  /** Whether the object's text starts like a structure element: a cheap test before reading it. */
  looksLike(n: number, marker: string): boolean {
    const at = this.at.get(n);
    return at !== undefined && this.text.slice(at, at + 80).includes(marker);
  }

  /** A stream's bytes as latin1 text, inflated when Flate-encoded; undefined for other filters. */
  streamText(n: number): string | undefined {
    const at = this.at.get(n);
    const head = this.get(n);
    if (at === undefined || head?.t !== 'dict') return undefined;
    const dictEnd = readValue(this.text, at).end;
    const start = /^\s*stream\r?\n/.exec(this.text.slice(dictEnd, dictEnd + 16));
    if (!start) return undefined;
    const from = dictEnd + start[0].length;
    const length = this.resolve(entry(head, 'Length'));
    const to = length?.t === 'num' ? from + length.v : this.text.indexOf('endstream', from);
    const raw = Buffer.from(this.text.slice(from, to), 'latin1');
    const filter = entry(head, 'Filter');
    if (filter === undefined) return raw.toString('latin1');
    const flate = filter.t === 'name' ? filter.raw === '/FlateDecode' : false;
    return flate && entry(head, 'DecodeParms') === undefined ? inflateSync(raw).toString('latin1') : undefined;
  }

  /** The catalog's object number, from the last trailer. */
  root(): number | undefined {
    const at = this.text.lastIndexOf('trailer');
    const m = at >= 0 ? /\/Root\s+(\d+)\s+0\s+R/.exec(this.text.slice(at)) : null;
    return m ? Number(m[1]) : undefined;
  }

  /** Page object numbers in reading order. */
  pages(): number[] {
    const catalog = this.get(this.root() ?? -1);
    const walk = (node: PdfValue | undefined, n: number, depth: number): number[] => {
      const kids = this.resolve(entry(node, 'Kids'));
      if (kids?.t !== 'array' || depth > 32) return [n];
      return kids.items.flatMap((kid) => (kid.t === 'ref' ? walk(this.get(kid.n), kid.n, depth + 1) : []));
    };
    const pagesRef = entry(catalog, 'Pages');
    return pagesRef?.t === 'ref' ? walk(this.get(pagesRef.n), pagesRef.n, 0) : [];
  }
}
