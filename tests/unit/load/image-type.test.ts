import { describe, expect, it } from 'vitest';
import { claimedType, sniffType } from '../../../src/load/image-type.js';

const bytes = (...b: number[]) => new Uint8Array([...b, 0, 0, 0, 0, 0, 0, 0, 0]);

describe('image types', () => {
  it('tells PNG, JPEG, GIF and WebP by their first bytes', () => {
    expect(sniffType(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a))).toBe('PNG');
    expect(sniffType(bytes(0xff, 0xd8, 0xff, 0xe0))).toBe('JPEG');
    expect(sniffType(new TextEncoder().encode('GIF89a....'))).toBe('GIF');
    expect(sniffType(new TextEncoder().encode('GIF87a....'))).toBe('GIF');
    expect(sniffType(new TextEncoder().encode('RIFF\0\0\0\0WEBPVP8 '))).toBe('WebP');
  });

  it('tells nothing for other bytes: HTML, SVG, an empty file', () => {
    expect(sniffType(new TextEncoder().encode('<html><script>alert(1)</script>'))).toBeUndefined();
    expect(sniffType(new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeUndefined();
    expect(sniffType(new Uint8Array())).toBeUndefined();
  });

  it('reads the claimed type from the name, in any case', () => {
    expect(claimedType('a/b.PNG')).toBe('PNG');
    expect(claimedType('photo.jpeg')).toBe('JPEG');
    expect(claimedType('photo.jpg')).toBe('JPEG');
    expect(claimedType('logo.svg')).toBeUndefined();
  });
});
