import { describe, expect, it } from 'vitest';
import { operations, textOf } from '../../../../src/emit/pdf-ua/content.js';
import {
  joinClusterSpans,
  markArtifacts,
  parseToUnicode,
  utf16Hex,
} from '../../../../src/emit/pdf-ua/marked-content.js';

const ops = (stream: string) => {
  const parsed = operations(stream);
  if (!parsed) throw new Error('unreadable test stream');
  return parsed;
};
const text = (list: { text: string }[]) => list.map((o) => o.text).join('\n');

describe('operations', () => {
  it('keeps strings, arrays and dictionaries whole, operators inside them included', () => {
    const parsed = ops('/P <</MCID 0 /ActualText (a ) Tj)>> BDC [(x) -20 <0041>] TJ (q\\) Q) Tj EMC');
    expect(parsed.map((o) => o.op)).toEqual(['BDC', 'TJ', 'Tj', 'EMC']);
    expect(parsed[0]!.operands).toEqual(['/P', '<</MCID 0 /ActualText (a ) Tj)>>']);
  });

  it('refuses a stream with an inline image, whose binary data it cannot read', () => {
    expect(operations('q BI /W 1 /H 1 ID \x00\x01 EI Q')).toBeUndefined();
  });
});

describe('joinClusterSpans', () => {
  // A right-to-left run as Chromium writes it: glyphs in visual order, the last letter first,
  // one ActualText span per cluster of several glyphs.
  const fonts = new Map([
    [
      'F1',
      new Map([
        ['\x00\x01', 'ل'],
        ['\x00\x02', 'و'],
        ['\x00\x03', 'ح'],
      ]),
    ],
  ]);
  const rtl = [
    'BT',
    '/ReversedChars BMC',
    '/F1 14 Tf',
    '1 0 Td <0001> Tj',
    `/Span <</ActualText ${utf16Hex('وّ')}>> BDC`,
    '2 0 Td <0002> Tj',
    '0 1 Td <0009> Tj',
    'EMC',
    '3 0 Td <0003> Tj',
    'EMC',
    'ET',
  ].join('\n');

  it('gives a run one ActualText, its pieces in glyph order and each reversed for the reader', () => {
    const joined = joinClusterSpans(ops(rtl), fonts);
    const spans = joined.filter((o) => o.op === 'BDC');
    expect(spans).toHaveLength(1);
    const actual = /\/ActualText (<[^>]+>)/.exec(spans[0]!.operands[1]!)![1]!;
    // Glyph order: ل, then the cluster وّ (reversed: ّو), then ح. An extractor reverses it all: حوّل.
    expect([...textOf(actual)].reverse().join('')).toBe('حوّل');
    // Every glyph is still drawn, at the same place.
    expect(joined.filter((o) => o.op === 'Tj').map((o) => o.text)).toEqual(
      ops(rtl)
        .filter((o) => o.op === 'Tj')
        .map((o) => o.text),
    );
    expect(joined.filter((o) => o.op === 'EMC')).toHaveLength(2);
  });

  it('leaves a run alone when a glyph outside the spans has no known text', () => {
    const unknown = rtl.replace('<0003>', '<0007>');
    expect(text(joinClusterSpans(ops(unknown), fonts))).toBe(text(ops(unknown)));
  });
});

describe('markArtifacts', () => {
  it('marks untagged painting as an artifact, closed before tagged content and text objects', () => {
    const marked = text(
      markArtifacts(ops('1 1 1 rg 0 0 9 9 re f /P <</MCID 0>> BDC BT /F1 9 Tf <01> Tj ET EMC BT /F1 9 Tf <02> Tj ET')),
    );
    expect(marked).toBe(
      [
        '1 1 1 rg',
        '/Artifact BMC',
        '0 0 9 9 re',
        'f',
        'EMC',
        '/P <</MCID 0>> BDC',
        'BT',
        '/F1 9 Tf',
        '<01> Tj',
        'ET',
        'EMC',
        'BT',
        '/F1 9 Tf',
        '/Artifact BMC',
        '<02> Tj',
        'EMC',
        'ET',
      ].join('\n'),
    );
  });

  it('leaves tagged and already-artifact content as it is', () => {
    const stream = '/Artifact BMC 0 0 1 1 re f EMC /Span <</MCID 2>> BDC BT <01> Tj ET EMC';
    expect(text(markArtifacts(ops(stream)))).toBe(text(ops(stream)));
  });
});

describe('parseToUnicode', () => {
  it('reads single codes, ranges and ranges with arrays', () => {
    const map = parseToUnicode(
      '2 beginbfchar\n<0003> <0020>\n<0010> <064406270020>\nendbfchar\n1 beginbfrange\n<0020> <0022> <0041>\nendbfrange\n1 beginbfrange\n<0030> <0031> [<0031> <0032>]\nendbfrange',
    );
    expect(map.get('\x00\x03')).toBe(' ');
    expect(map.get('\x00\x10')).toBe('لا ');
    expect([map.get('\x00\x20'), map.get('\x00\x22')]).toEqual(['A', 'C']);
    expect(map.get('\x00\x31')).toBe('2');
  });
});
