import { randomBytes } from 'node:crypto';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { readZip, writeZip } from '../../../../src/emit/pptx/zip.js';

const DATE = new Date('2026-01-01T10:20:30Z');
const text = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));
const ENTRIES = [
  { name: '[Content_Types].xml', data: text('<Types>'.padEnd(4000, ' ') + '</Types>') },
  { name: 'ppt/media/noise.png', data: new Uint8Array(randomBytes(3000)) },
  { name: 'ppt/slides/diapositive-é.xml', data: text('<p>ü'.repeat(500)) },
  { name: 'empty.txt', data: new Uint8Array(0) },
];

describe('writeZip and readZip (the PowerPoint on Node zlib)', () => {
  it('writes a zip JSZip reads back: names (UTF-8 too), contents, the one date, the order given', async () => {
    const bytes = writeZip(ENTRIES, DATE);
    const zip = await JSZip.loadAsync(bytes);
    expect(Object.keys(zip.files)).toEqual(ENTRIES.map((e) => e.name));
    for (const { name, data } of ENTRIES) {
      const file = zip.file(name)!;
      expect(Buffer.from(await file.async('uint8array')).equals(Buffer.from(data)), name).toBe(true);
      expect(file.date.toISOString(), name).toBe(DATE.toISOString());
    }
    // The first local header names [Content_Types].xml (Office's order).
    expect(Buffer.from(bytes.subarray(30, 30 + 19)).toString()).toBe('[Content_Types].xml');
  });

  it('deflates what compresses and stores what does not; the same input gives the same bytes', () => {
    const bytes = Buffer.from(writeZip(ENTRIES, DATE));
    // Method (offset 8 of a local header) of the first entry (text) and the second (noise).
    expect(bytes.readUInt16LE(8)).toBe(8);
    const second = 30 + 19 + bytes.readUInt32LE(18);
    expect(bytes.readUInt32LE(second)).toBe(0x04034b50);
    expect(bytes.readUInt16LE(second + 8)).toBe(0);
    expect(bytes.length).toBeLessThan(ENTRIES.reduce((n, e) => n + e.data.length, 0));
    expect(Buffer.from(writeZip(ENTRIES, DATE)).equals(bytes)).toBe(true);
    expect(Buffer.from(writeZip(ENTRIES, new Date('2026-01-01T10:20:32Z'))).equals(bytes)).toBe(false);
  });

  it('reads what JSZip writes, stored or deflated, and skips folders', async () => {
    for (const compression of ['STORE', 'DEFLATE'] as const) {
      const zip = new JSZip();
      for (const { name, data } of ENTRIES) zip.file(name, data);
      zip.folder('ppt/empty');
      const entries = readZip(await zip.generateAsync({ type: 'uint8array', compression }));
      expect(entries.map((e) => e.name)).toEqual(ENTRIES.map((e) => e.name));
      for (const [i, e] of entries.entries())
        expect(Buffer.from(e.data).equals(Buffer.from(ENTRIES[i]!.data)), `${compression} ${e.name}`).toBe(true);
    }
    expect(() => readZip(text('not a zip at all, just some text that is long enough'))).toThrow(/not a zip/);
  });

  it('dates before 1980 (a SOURCE_DATE_EPOCH of 0) are written as 1980, not refused', async () => {
    const zip = await JSZip.loadAsync(writeZip(ENTRIES.slice(0, 1), new Date(0)));
    expect(zip.file('[Content_Types].xml')!.date.toISOString()).toBe('1980-01-01T00:00:00.000Z');
  });
});
