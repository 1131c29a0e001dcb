import { type Operation, PAINTING, shownBytes, TEXT_SHOWING, textOf } from './content.js';

/** Per font resource name, what each glyph code stands for (from the font's ToUnicode map). */
export type FontTexts = ReadonlyMap<string, ReadonlyMap<string, string>>;

const isSpan = (o: Operation) =>
  o.op === 'BDC' && o.operands[0] === '/Span' && /\/ActualText\s*[(<]/.test(o.operands[1] ?? '');
const isMarkOpen = (o: Operation) => o.op === 'BDC' || o.op === 'BMC';

/**
 * One /ActualText for a whole run of shaped text instead of one per cluster.
 * Chromium wraps each cluster that is not one glyph per character (an Arabic letter drawn as a
 * base and its dots, a Devanagari conjunct) in its own /Span with /ActualText, and right-to-left
 * runs in /ReversedChars. Text extractors (poppler, pdf.js) place each span's text over its own
 * glyphs, and the dots' offsets open gaps that they read as spaces: "مراج عة" for "مراجعة". One
 * span over the run, with the run's text in the order of its glyphs, gives back whole words; the
 * glyphs are not touched, so the page looks the same.
 */
export function joinClusterSpans(ops: readonly Operation[], fonts: FontTexts): Operation[] {
  const out: Operation[] = [];
  const stack: string[] = [];
  let font = '';
  // The font in force before each operation, and where the current stretch of plain operations
  // began: glyphs drawn before a run's first span (its last letter, in a right-to-left run) belong to it.
  const fontBefore: string[] = [];
  let stretch = 0;
  for (let i = 0; i < ops.length; i++) {
    const o = ops[i]!;
    fontBefore[i] = font;
    if (o.op === 'Tf') font = o.operands[0]?.slice(1) ?? '';
    if (isSpan(o)) {
      const run = clusterRun(ops, stretch, fonts, fontBefore[stretch]!, stack.includes('/ReversedChars'));
      if (run) {
        out.length -= i - stretch;
        out.push(...run.ops);
        font = run.font;
        i = run.end - 1;
        stretch = run.end;
        continue;
      }
    }
    if (isMarkOpen(o) || o.op === 'EMC' || o.op === 'BT' || o.op === 'ET') stretch = i + 1;
    if (isMarkOpen(o)) stack.push(o.operands[0] ?? '');
    if (o.op === 'EMC') stack.pop();
    out.push(o);
  }
  return out;
}

/** The run of glyphs and cluster spans that starts at `start`, rewritten; undefined to leave it as it is. */
function clusterRun(ops: readonly Operation[], start: number, fonts: FontTexts, startFont: string, reversed: boolean) {
  const pieces: string[] = [];
  const kept: Operation[] = [];
  let font = startFont;
  let inSpan = false;
  let end = start;
  for (; end < ops.length; end++) {
    const o = ops[end]!;
    if (o.op === 'Tf') font = o.operands[0]?.slice(1) ?? '';
    if (isSpan(o)) {
      if (inSpan) return undefined;
      inSpan = true;
      pieces.push(textOf(/\/ActualText\s*(<[^>]*>|\((?:\\.|[^\\)])*\))/.exec(o.operands[1]!)![1]!));
      continue;
    }
    if (o.op === 'EMC' && inSpan) {
      inSpan = false;
      continue;
    }
    // Any other marked content, or the end of the text object or of the enclosing sequence, ends the run.
    if (isMarkOpen(o) || o.op === 'EMC' || o.op === 'ET' || o.op === 'BT') {
      if (inSpan) return undefined;
      break;
    }
    if (!inSpan && TEXT_SHOWING.has(o.op)) {
      const text = glyphText(shownBytes(o), fonts.get(font));
      if (text === undefined) return undefined;
      pieces.push(text);
    }
    kept.push(o);
  }
  if (pieces.length < 2) return undefined;
  // Extractors reverse a right-to-left run character by character; each piece is given reversed
  // so that a cluster of several characters (a letter and its tanween) comes back in order.
  const text = pieces.map((p) => (reversed ? [...p].reverse().join('') : p)).join('');
  const span: Operation = { op: 'BDC', operands: ['/Span', `<</ActualText ${utf16Hex(text)}>>`], text: '' };
  span.text = `/Span ${span.operands[1]} BDC`;
  return { ops: [span, ...kept, { op: 'EMC', operands: [], text: 'EMC' }], end, font };
}

/** The text of the glyph codes shown, two bytes a code (Chromium's Identity-H fonts). */
function glyphText(bytes: string, map: ReadonlyMap<string, string> | undefined): string | undefined {
  if (!map || bytes.length % 2) return undefined;
  let text = '';
  for (let i = 0; i < bytes.length; i += 2) {
    const t = map.get(bytes.slice(i, i + 2));
    if (t === undefined) return undefined;
    text += t;
  }
  return text;
}

export function utf16Hex(text: string): string {
  return `<FEFF${Buffer.from(text, 'utf16le').swap16().toString('hex').toUpperCase()}>`;
}

const ENDS_ARTIFACT = new Set(['BDC', 'BMC', 'EMC', 'BT', 'ET', 'q', 'Q']);
const PATH_CONSTRUCTION = new Set(['m', 'l', 'c', 'v', 'y', 'h', 're']);

/**
 * Marks what is drawn outside the structure tree as an artifact (PDF/UA-1 7.1, Matterhorn 01-001):
 * Chromium tags what the DOM holds and leaves the page background and the running header, footer
 * and page numbers of the @page margin boxes untagged. Each untagged stretch of painting gets
 * `/Artifact BMC ... EMC`, closed before any marked content, text object or graphics state
 * boundary so that sequences nest properly.
 */
export function markArtifacts(ops: readonly Operation[]): Operation[] {
  const out: Operation[] = [];
  const tagged: boolean[] = [];
  let open = false;
  const close = () => {
    if (open) out.push({ op: 'EMC', operands: [], text: 'EMC' });
    open = false;
  };
  // No marked-content operator may stand inside a path object: an artifact opens before the
  // path's first construction operator, not before the operator that paints it.
  let pathStart: number | undefined;
  for (const o of ops) {
    if (ENDS_ARTIFACT.has(o.op)) close();
    if (isMarkOpen(o)) tagged.push(o.operands[0] === '/Artifact' || /\/MCID\s+\d/.test(o.operands[1] ?? ''));
    if (o.op === 'EMC') tagged.pop();
    if (PATH_CONSTRUCTION.has(o.op)) pathStart ??= out.length;
    if (PAINTING.has(o.op) && !open && !tagged.includes(true)) {
      out.splice(pathStart ?? out.length, 0, { op: 'BMC', operands: ['/Artifact'], text: '/Artifact BMC' });
      open = true;
    }
    if (PAINTING.has(o.op) || o.op === 'n') pathStart = undefined;
    out.push(o);
  }
  close();
  return out;
}

/** The glyph codes of a ToUnicode CMap (bfchar and bfrange) and the text each stands for. */
export function parseToUnicode(cmap: string): Map<string, string> {
  const map = new Map<string, string>();
  const hexBytes = (hex: string) => Buffer.from(hex, 'hex').toString('latin1');
  const text = (hex: string) => Buffer.from(hex, 'hex').swap16().toString('utf16le');
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g))
    for (const m of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]*)>/g)) map.set(hexBytes(m[1]!), text(m[2]!));
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const m of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(<[0-9a-fA-F]*>|\[[^\]]*\])/g)) {
      const [from, to] = [parseInt(m[1]!, 16), parseInt(m[2]!, 16)];
      const width = m[1]!.length;
      const targets = m[3]!.startsWith('[') ? Array.from(m[3]!.matchAll(/<([0-9a-fA-F]*)>/g), (t) => t[1]!) : undefined;
      for (let code = from; code <= to && code - from < 65536; code++) {
        const key = hexBytes(code.toString(16).padStart(width, '0'));
        if (targets) {
          const t = targets[code - from];
          if (t !== undefined) map.set(key, text(t));
        } else {
          // The last UTF-16 unit counts up through the range.
          const base = Buffer.from(m[3]!.slice(1, -1), 'hex');
          base.writeUInt16BE(base.readUInt16BE(base.length - 2) + code - from, base.length - 2);
          map.set(key, base.swap16().toString('utf16le'));
        }
      }
    }
  }
  return map;
}
