import pptxgen from 'pptxgenjs';
import type * as PptxTypes from 'pptxgenjs';
import type { Comparison } from '../../compare/compare.js';
import { fillLabel } from '../../model/labels.js';
import { deckLocale } from '../../render/locale.js';
import type { DeckView, SlideView } from '../../render/deck-view.js';
import type { OverlapMatrix } from '../../render/overlap-matrix.js';
import { brandedPalette, THEME_TABLE, type Palette } from '../../render/themes.js';
import { isStackedChart, patternSeries } from './chart-patterns.js';
import { mirrorPptx } from './mirror.js';
import { pinZipDates } from './zip-dates.js';
import type { FlowBlock, FlowTable, Paragraph } from '../../model/flow.js';
import { altParagraph, flowText } from './flow-text.js';

/** A picture the PowerPoint shows, already in a format PowerPoint reads (PNG, JPEG, GIF). */
export interface Picture {
  data: Uint8Array;
  type: string;
  /** Width over height, to place it without stretching. */
  aspect: number;
}

/** A content picture, with its natural size in CSS pixels, to draw it as large as the slide does. */
export interface ContentPicture extends Picture {
  width: number;
  height: number;
}

export interface PptxInput {
  c: Comparison;
  /** The deck as fitted in the browser: its slides, split where the deck splits them. */
  view: DeckView;
  /** The brand's logo, when the deck has one. */
  logo?: Picture | undefined;
  /** The pictures the slides show, by their `<img src>`; one missing is drawn as its alt text and said in `warn`. */
  pictures?: ReadonlyMap<string, ContentPicture> | undefined;
  /** Where what the PowerPoint shows differently from the deck is said. */
  warn?: ((src: string, message: string) => void) | undefined;
  /** The QR code to the deck's url, when it has one. */
  qr?: { picture: Picture; url: string } | undefined;
  /** Written into the document properties and the zip's entries (SOURCE_DATE_EPOCH when set). */
  date: Date;
}

// Slide geometry in inches: 13.333 x 7.5 is 1280 x 720 px at 96 px per inch, so the deck's
// CSS sizes carry over at 0.75 pt per px (24 px body text -> 18 pt).
const W = 13.333;
const MARGIN = 0.6;
const BODY = { x: MARGIN, y: 1.35, w: W - 2 * MARGIN, h: 5.2 };
/**
 * Arial, not the deck's Inter: pptxgenjs embeds no fonts (and not every program reads fonts
 * embedded in a .pptx), so Inter does not travel with the file, and where it is missing each
 * program substitutes a font of its own and every text box shrinks on its own. Arial is on every
 * Windows and Mac (PowerPoint, Keynote) and LibreOffice draws it with Liberation Sans, made to
 * Arial's metrics, so text fits the same everywhere; the estimates below use its widths.
 */
export const PPTX_FONT = 'Arial';
const FONT = PPTX_FONT;
const MASTER = 'CAREERDECK';
/** The title slide's own layout: its title placeholder lower and larger. */
const COVER = 'CAREERDECK-COVER';
// The package's types describe its CommonJS build (the class under `default`); Node loads its
// ES build, whose default export is the class itself.
const Pptx = ((pptxgen as unknown as { default?: unknown }).default ?? pptxgen) as unknown as new () => PptxGenJS;
type PptxGenJS = PptxTypes.default;
// eslint-disable-next-line @typescript-eslint/no-namespace
declare namespace PptxGenJS {
  type Slide = PptxTypes.default.Slide;
  type SlideMasterProps = PptxTypes.default.SlideMasterProps;
  type TextProps = PptxTypes.default.TextProps;
  type TextPropsOptions = PptxTypes.default.TextPropsOptions;
}

/**
 * The deck as an editable PowerPoint: one slide per slide of the deck, in the same order and
 * split the same way, with text boxes (bold keywords as bold runs), native charts and tables,
 * speaker notes, a title placeholder on every slide (PowerPoint's outline and accessibility
 * checker read it), the theme's colours and the brand's logo and footer.
 */
export async function buildPptx(input: PptxInput): Promise<Uint8Array> {
  const { c, view } = input;
  const palette = brandedPalette(THEME_TABLE[view.theme.name], c.deck.brand?.accent);
  const pptx = new Pptx();
  pptx.layout = 'LAYOUT_WIDE';
  pptx.title = c.deck.title;
  pptx.subject =
    c.deck.subtitle ?? fillLabel(view.labels.comparisonOf, { roles: c.roles.map((r) => r.title).join(', ') });
  pptx.author = c.deck.presenter ?? '';
  pptx.company = c.deck.brand?.footer ?? '';
  pptx.theme = { headFontFace: FONT, bodyFontFace: FONT };
  if (c.deck.lang) (pptx as unknown as { lang: string }).lang = c.deck.lang;
  defineMaster(pptx, palette, input);

  const last = view.slides.length - 1;
  view.slides.forEach((slideView, index) => {
    const slide = pptx.addSlide({ masterName: slideView.kind === 'title' ? COVER : MASTER });
    // The part keeps to the title's last word (a no-break space), as on the slide.
    const title = slideView.part ? `${slideView.title}\u00a0(${slideView.part})` : slideView.title;
    if (slideView.kind === 'title') drawCover(slide, slideView, palette);
    else slide.addText(title, { placeholder: 'title' });
    const qrHere = input.qr !== undefined && (index === 0 || index === last);
    drawBody(pptx, slide, slideView, palette, input, qrHere);
    if (input.qr && qrHere) drawQr(slide, input.qr, index === 0);
    const notes = (slideView.notes ?? [])
      .map((n) => `${n.label ? `${n.label}: ` : ''}${flowText(n.flow)}`)
      .join('\n\n');
    if (notes) slide.addNotes(notes);
  });

  // Stored, not compressed: pinZipDates unpacks and compresses every part again (the bytes are
  // the same either way, checked under SOURCE_DATE_EPOCH), so the parts are compressed once;
  // mirroring a right-to-left deck stores its parts too.
  const written = (await pptx.write({ outputType: 'nodebuffer', compression: false })) as Uint8Array;
  const bytes = view.dir === 'rtl' ? await mirrorPptx(written) : written;
  const paper = hex(palette.paper);
  return pinZipDates(bytes, input.date, (name, xml) => (isStackedChart(name, xml) ? patternSeries(xml, paper) : xml));
}

function defineMaster(pptx: PptxGenJS, p: Palette, input: PptxInput): void {
  const title = (y: number, h: number, fontSize: number, valign: 'top' | 'bottom') => ({
    placeholder: {
      options: {
        name: 'title',
        type: 'title' as const,
        x: MARGIN,
        y,
        w: W - 2 * MARGIN,
        h,
        fontFace: FONT,
        fontSize,
        bold: true,
        color: hex(p.accent),
        align: 'left' as const,
        valign,
        margin: 0,
      },
      text: '',
    },
  });
  const objects: NonNullable<PptxGenJS.SlideMasterProps['objects']> = [];
  const logo = input.logo;
  let footerX = MARGIN;
  if (logo) {
    const h = 0.32;
    const w = Math.min(2, h * logo.aspect);
    objects.push({
      image: {
        x: MARGIN,
        y: 7.05,
        w,
        h,
        data: dataUrl(logo),
        altText: fillLabel(input.view.labels.logoOf, {
          organisation: input.c.deck.brand?.footer ?? input.view.labels.organisation,
        }),
      },
    });
    footerX += w + 0.15;
  }
  const footer = input.c.deck.brand?.footer;
  if (footer)
    objects.push({
      text: {
        text: footer,
        options: {
          x: footerX,
          y: 7.02,
          w: 8,
          h: 0.38,
          fontFace: FONT,
          fontSize: 11,
          color: hex(p.muted),
          margin: 0,
          valign: 'middle',
        },
      },
    });
  const slideNumber = {
    x: W - MARGIN - 0.8,
    y: 7.02,
    w: 0.8,
    h: 0.38,
    fontFace: FONT,
    fontSize: 11,
    color: hex(p.muted),
    align: 'right' as const,
  };
  pptx.defineSlideMaster({
    title: MASTER,
    background: { color: hex(p.paper) },
    objects: [title(0.35, 0.9, 30, 'top'), ...objects],
    slideNumber,
  });
  pptx.defineSlideMaster({
    title: COVER,
    background: { color: hex(p.paper) },
    objects: [title(1.2, 2, 45, 'bottom'), ...objects],
    slideNumber,
  });
}

type Slide = PptxGenJS.Slide;

function drawCover(slide: Slide, s: SlideView, p: Palette): void {
  const cover = s.cover;
  if (!cover) return;
  // The title slide's title is a title placeholder too, so that the outline lists it.
  slide.addText(cover.title, { placeholder: 'title' });
  const lines: PptxGenJS.TextProps[] = [];
  if (cover.subtitle)
    lines.push({
      text: cover.subtitle,
      options: { fontSize: 22, color: hex(p.muted), breakLine: true, paraSpaceAfter: 12 },
    });
  const byline = [cover.event, cover.presenter, cover.date].filter(Boolean).join('  ·  ');
  if (byline)
    lines.push({ text: byline, options: { fontSize: 16, color: hex(p.muted), breakLine: true, paraSpaceAfter: 18 } });
  cover.roles.forEach(({ title, role }, i) => {
    lines.push({
      text: title,
      options: { fontSize: 20, bold: true, color: hex(roleColour(p, role)), breakLine: i < cover.roles.length - 1 },
    });
  });
  slide.addText(lines, { x: MARGIN, y: 3.35, w: 8.2, h: 3.3, fontFace: FONT, valign: 'top', margin: 0, fit: 'shrink' });
}

/** `qrHere`: the QR code takes the right of the slide, so text keeps clear of it. */
function drawBody(pptx: PptxGenJS, slide: Slide, s: SlideView, p: Palette, input: PptxInput, qrHere: boolean): void {
  const proseW = qrHere ? BODY.w - QR_SIZE - 0.5 : Math.min(BODY.w, 10.5);
  if (s.agenda) {
    const paragraphs: Paragraph[] = s.agenda.map((item) => ({ runs: [{ text: item }], list: 'number', level: 1 }));
    slide.addText(textRuns(paragraphs, p, 20), {
      ...BODY,
      fontFace: FONT,
      color: hex(p.ink),
      valign: 'top',
      margin: 0,
      fit: 'shrink',
    });
  } else if (s.flow !== undefined) {
    drawFlow(slide, s.flow, { ...BODY, w: proseW }, p, 21, input, s.zoom);
  } else if (s.columns) {
    const gap = 0.42;
    const w = (BODY.w - gap * (s.columns.length - 1)) / s.columns.length;
    const flowBox = { y: BODY.y + 0.65, w, h: BODY.h - 0.65 };
    const flows = s.columns.map((column) => column.flow);
    // One type size for every column of the slide (the fullest column's), set here rather than
    // left to the program's shrink-on-overflow, which shrinks each text box on its own.
    const shared = Math.min(...flows.map((blocks) => flowScale(blocks, { x: 0, ...flowBox }, 18, input, s.zoom)));
    s.columns.forEach((column, i) => {
      const x = BODY.x + i * (w + gap);
      slide.addText(column.heading, {
        x,
        y: BODY.y,
        w,
        h: 0.5,
        fontFace: FONT,
        fontSize: 19.5,
        bold: true,
        color: hex(roleColour(p, column.role)),
        margin: 0,
        valign: 'top',
      });
      slide.addShape('line', {
        x,
        y: BODY.y + 0.5,
        w,
        h: 0,
        line: { color: hex(roleColour(p, column.role)), width: 2 },
      });
      drawFlow(slide, flows[i] ?? [], { x, ...flowBox }, p, 18, input, s.zoom, shared);
    });
  } else if (s.table) {
    const head = s.table.head.map((text) => ({
      text,
      options: { bold: true, color: hex(p.paper), fill: { color: hex(p.accent) } },
    }));
    const rows = s.table.rows.map((row) =>
      row.map((text, i) => ({ text, options: i === 0 ? { bold: true, color: hex(p.accent) } : {} })),
    );
    const first = 2.2;
    const rest = (BODY.w - first) / Math.max(1, s.table.head.length - 1);
    const order = columnOrder(input.view.dir);
    slide.addTable([order(head), ...rows.map(order)], {
      ...BODY,
      h: undefined,
      colW: order([first, ...s.table.head.slice(1).map(() => rest)]),
      fontFace: FONT,
      fontSize: 13.5,
      color: hex(p.ink),
      border: { type: 'solid', pt: 0.75, color: hex(p.rule) },
      valign: 'top',
      margin: 0.06,
    });
  } else if (s.matrix) {
    drawMatrix(slide, s.matrix, p, columnOrder(input.view.dir));
  } else if (s.figure === 'outlook') {
    drawOutlook(pptx, slide, input, p, s.caption);
  } else if (s.figure === 'overlap') {
    drawOverlap(pptx, slide, input, p, s.caption);
  }
}

/** Four to six roles: one row per bold term, a mark under each role that lists it, grouped by section. */
function drawMatrix(slide: Slide, matrix: OverlapMatrix, p: Palette, order: ColumnOrder): void {
  const cols = matrix.head.length + 1;
  const head = [
    { text: '', options: {} },
    ...matrix.head.map((text) => ({
      text,
      options: { bold: true, color: hex(p.paper), fill: { color: hex(p.accent) }, align: 'center' as const },
    })),
  ];
  const rows = matrix.groups.flatMap((group) => [
    [{ text: group.title, options: { bold: true, color: hex(p.accent), colspan: cols } }],
    ...group.rows.map((row) => [
      { text: row.term, options: {} },
      ...row.marks.map((on) => ({ text: on ? '●' : '', options: { align: 'center' as const } })),
    ]),
  ]);
  const first = Math.max(3, BODY.w - 1.6 * matrix.head.length);
  const rest = (BODY.w - first) / Math.max(1, matrix.head.length);
  slide.addTable([order(head), ...rows.map(order)], {
    ...BODY,
    h: undefined,
    colW: order([first, ...matrix.head.map(() => rest)]),
    fontFace: FONT,
    fontSize: 12,
    color: hex(p.ink),
    border: { type: 'solid', pt: 0.5, color: hex(p.rule) },
    valign: 'middle',
    margin: 0.04,
  });
}

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Table text relative to body text, as on the slide (render/table-layout.ts TABLE_EM). */
const TABLE_TEXT = 0.8;
/** Pictures are at most this tall on a slide (base.css: img max-height). */
const PICTURE_MAX_PX = 320;

/** Inches each block of a flow takes at `f` times its size, by the estimates below. */
function flowHeights(
  blocks: readonly FlowBlock[],
  box: Box,
  base: number,
  input: PptxInput,
  zoom: number | undefined,
  f: number,
): number[] {
  return blocks.map((block) => {
    if (block.kind === 'text') return textHeight(block.paragraphs, base * f, box.w);
    if (block.kind === 'table') return tableHeight(block, base * TABLE_TEXT * f, box.w);
    const picture = input.pictures?.get(block.src);
    return picture ? pictureSize(picture, box.w, zoom, f).h + 0.12 : textHeight([altParagraph(block)], base * f, box.w);
  });
}

/** How much smaller than its size a flow is drawn so that it fits its box (1: as it is; 0.5 at least). */
function flowScale(
  blocks: readonly FlowBlock[],
  box: Box,
  size: number,
  input: PptxInput,
  zoom: number | undefined,
): number {
  const total = flowHeights(blocks, box, size * (zoom ?? 1), input, zoom, 1).reduce((a, b) => a + b, 0);
  return total > box.h ? Math.max(0.5, box.h / total) : 1;
}

/**
 * A slide's text area, top to bottom: text boxes, native tables and pictures, each as tall as an
 * estimate of its lines says, all drawn smaller together when they would not fit (the deck's
 * slides were already split to fit, so this only has to be close). Text alone is one text box,
 * which shrinks on overflow unless `shared` gives the scale of all the slide's columns.
 */
function drawFlow(
  slide: Slide,
  blocks: readonly FlowBlock[],
  box: Box,
  p: Palette,
  size: number,
  input: PptxInput,
  zoom: number | undefined,
  shared?: number,
): void {
  const base = size * (zoom ?? 1);
  const only = blocks[0];
  if (blocks.length === 1 && only?.kind === 'text') {
    slide.addText(textRuns(only.paragraphs, p, base * (shared ?? 1)), {
      ...box,
      fontFace: FONT,
      color: hex(p.ink),
      valign: 'top',
      margin: 0,
      ...(shared === undefined ? { fit: 'shrink' as const } : {}),
    });
    return;
  }
  const pictureOf = (src: string) => input.pictures?.get(src);
  const heights = (f: number) => flowHeights(blocks, box, base, input, zoom, f);
  const f = shared ?? flowScale(blocks, box, size, input, zoom);
  let y = box.y;
  blocks.forEach((block, i) => {
    const h = heights(f)[i] ?? 0;
    if (block.kind === 'text') {
      slide.addText(textRuns(block.paragraphs, p, base * f), {
        x: box.x,
        y,
        w: box.w,
        h,
        fontFace: FONT,
        color: hex(p.ink),
        valign: 'top',
        margin: 0,
      });
    } else if (block.kind === 'table') {
      drawContentTable(slide, block, { x: box.x, y, w: box.w, h }, p, base * TABLE_TEXT * f, input.view.dir);
    } else {
      const picture = pictureOf(block.src);
      if (picture) {
        const { w, h: ph } = pictureSize(picture, box.w, zoom, f);
        slide.addImage({ data: dataUrl(picture), x: box.x, y, w, h: ph, altText: block.alt });
      } else {
        input.warn?.(
          block.src,
          `picture "${block.alt || block.src}" could not be read for the PowerPoint: its alt text is shown there instead; export it again as a PNG or JPEG`,
        );
        slide.addText(textRuns([altParagraph(block)], p, base * f), { x: box.x, y, w: box.w, h, margin: 0 });
      }
    }
    y += h;
  });
}

/** As the slide's CSS sizes it: natural size in CSS pixels (96 a inch), at most the column wide and 320 px tall. */
function pictureSize(
  picture: ContentPicture,
  w: number,
  zoom: number | undefined,
  f: number,
): { w: number; h: number } {
  const scale = (zoom ?? 1) * f;
  const width = Math.min(w, (picture.width / 96) * scale, ((PICTURE_MAX_PX * picture.aspect) / 96) * scale);
  return { w: width, h: width / picture.aspect };
}

/** Inches a text takes: letters of about half the type size, lines of 1.2, the space after each paragraph. */
function textHeight(paragraphs: readonly Paragraph[], size: number, w: number): number {
  return paragraphs.reduce((sum, para) => {
    const own = para.role === 'code' ? size * 0.85 : size;
    const text = para.runs.map((r) => r.text).join('');
    const perLine = Math.max(8, ((w - 0.3 * para.level) * 72) / (own * 0.5));
    const lines = Math.max(1, Math.ceil(text.length / perLine));
    return sum + (lines * own * 1.2 + (para.list ? 6 : para.role === 'code' ? 0 : 12)) / 72;
  }, 0);
}

function tableHeight(table: FlowTable, size: number, w: number): number {
  const columns = Math.max(1, ...table.rows.map((r) => r.length));
  const perLine = Math.max(4, ((w / columns - 0.12) * 72) / (size * 0.5));
  return table.rows.reduce((sum, row) => {
    const lines = Math.max(1, ...row.map((c) => Math.ceil(c.runs.map((r) => r.text).join('').length / perLine)));
    return sum + (lines * size * 1.2) / 72 + 0.1;
  }, 0.15);
}

/** A table of the content as a native PowerPoint table: header row in the accent colour, alignment kept. */
function drawContentTable(slide: Slide, table: FlowTable, box: Box, p: Palette, size: number, dir: string): void {
  const order = columnOrder(dir);
  const rows = table.rows.map((row) =>
    order(
      row.map((c) => ({
        text: c.runs.map((run) => ({
          text: run.text,
          options: {
            ...(run.bold ? { bold: true } : {}),
            ...(run.italic ? { italic: true } : {}),
            ...(run.code ? { fontFace: 'Consolas' } : {}),
            ...(run.strike ? { strike: 'sngStrike' as const } : {}),
            ...(run.link ? { hyperlink: { url: run.link } } : {}),
          },
        })),
        options: {
          ...(c.header ? { bold: true, color: hex(p.accent) } : {}),
          ...(c.align ? { align: c.align } : {}),
        },
      })),
    ),
  );
  slide.addTable(rows, {
    x: box.x,
    y: box.y,
    w: box.w,
    fontFace: FONT,
    fontSize: Math.round(size * 2) / 2,
    color: hex(p.ink),
    border: { type: 'solid', pt: 0.75, color: hex(p.rule) },
    valign: 'top',
    margin: 0.05,
    autoPage: false,
  });
}

/** Paragraphs as pptxgenjs text runs: bullets and the author's numbers on list items, bold and italic kept, quotes and code styled. */
function textRuns(paragraphs: readonly Paragraph[], p: Palette, size: number): PptxGenJS.TextProps[] {
  const out: PptxGenJS.TextProps[] = [];
  const numberIndent = numberedIndent(paragraphs, size);
  paragraphs.forEach((para, pi) => {
    // A blank line of code is an empty run: a paragraph without runs would not be written at all.
    const runs = para.runs.length > 0 ? para.runs : [{ text: '' }];
    runs.forEach((run, ri) => {
      const options: PptxGenJS.TextPropsOptions = { fontSize: para.role === 'code' ? size * 0.85 : size };
      // Paragraph properties are read from the paragraph's first run.
      if (ri === 0) {
        const last = pi === paragraphs.length - 1 || paragraphs[pi + 1]?.role !== para.role;
        options.paraSpaceAfter = para.list ? 6 : para.role === 'code' && !last ? 0 : 12;
        if (para.task) options.bullet = false;
        else if (para.list)
          options.bullet =
            para.list === 'number'
              ? { type: 'number', indent: numberIndent, numberStartAt: para.start ?? 1 }
              : { indent: 22 };
        if (para.level > 1) options.indentLevel = para.level - 1;
        if (para.role === 'quote' || para.role === 'attribution') options.indentLevel = 1;
      }
      if (run.bold) options.bold = true;
      if (run.italic || para.role === 'quote') options.italic = true;
      if (run.code || para.role === 'code') options.fontFace = 'Consolas';
      if (run.strike) options.strike = 'sngStrike';
      if (run.link) options.hyperlink = { url: run.link };
      if (ri === runs.length - 1 && pi < paragraphs.length - 1) options.breakLine = true;
      const colour = para.role === 'attribution' ? p.muted : p.ink;
      out.push({ text: run.text, options: { color: hex(colour), ...options } });
    });
  });
  return out;
}

/**
 * The hanging indent (points) of a box's numbered items: room for its widest number ("10." is
 * 1.4 em in Arial: digits 0.556 em, the period 0.278 em) and a gap of 0.4 em, so that "10." does
 * not run into its text; 22 pt at least, as bullets have.
 */
export function numberedIndent(paragraphs: readonly Paragraph[], size: number): number {
  let highest = 0;
  let n = 0;
  paragraphs.forEach((para, i) => {
    const prev = paragraphs[i - 1];
    if (para.list !== 'number') return;
    n = prev?.list === 'number' && prev.level === para.level ? n + 1 : (para.start ?? 1);
    highest = Math.max(highest, n);
  });
  const digits = String(Math.max(1, highest)).length;
  return Math.max(22, Math.ceil(size * (0.556 * digits + 0.278 + 0.4)));
}

function drawOutlook(
  pptx: PptxGenJS,
  slide: Slide,
  { c, view }: PptxInput,
  p: Palette,
  caption: string | undefined,
): void {
  const { labels } = view;
  // The deck's one number format (render/locale.ts), the views' too.
  const locale = deckLocale(c.deck);
  // "12 %" where the language puts a space before the sign (de, fr): PowerPoint's number format.
  const space = /^\d+(\s)%$/u.exec(locale.percent(12))?.[1] ?? '';
  // One series, a bar per role named on the axis beside it (not only by colour in a legend, which
  // greyscale printing loses), each bar in its role's colour; listed last to first, since a
  // horizontal chart draws its first category at the bottom.
  const bars = [...c.outlook].reverse();
  const data = [
    { name: labels.outlookSeries, labels: bars.map((bar) => bar.role), values: bars.map((bar) => bar.growth) },
  ];
  slide.addChart(pptx.ChartType.bar, data, {
    x: BODY.x,
    y: BODY.y,
    w: BODY.w,
    h: 4.2,
    barDir: 'bar',
    barGrouping: 'clustered',
    chartColors: bars.map((bar) => hex(roleColour(p, bar.index))),
    showValue: true,
    dataLabelFormatCode: `+0"${space}%";-0"${space}%";0"${space}%"`,
    dataLabelColor: hex(p.ink),
    dataLabelFontFace: FONT,
    dataLabelFontSize: 14,
    showLegend: false,
    catAxisLabelColor: hex(p.ink),
    catAxisLabelFontFace: FONT,
    catAxisLabelFontSize: 14,
    // The roles' names beside the axis's low end, not at zero where a decline's bar is drawn.
    catAxisLabelPos: 'low',
    valAxisLabelFormatCode: `0"${space}%"`,
    valAxisLabelColor: hex(p.muted),
    valAxisLabelFontFace: FONT,
    // A decline draws left of zero: the axis starts at the next multiple of 5 below the lowest value.
    valAxisMinVal: Math.floor(Math.min(0, ...c.outlook.map((b) => b.growth)) / 5) * 5,
    valGridLine: { color: hex(p.rule), size: 0.75 },
    showTitle: false,
    // A role without a figure has no bar (PowerPoint would draw a zero): the text says so, as the caption does.
    altText: `${labels.outlookChartTitle}: ${[
      ...c.outlook.map(
        (b) => `${b.role} ${locale.growth(b.growth)}${b.growth < 0 ? ` (${labels.outlookDecline})` : ''}`,
      ),
      ...c.noOutlook.map((m) => `${m.role}: ${labels.outlookNoFigure}`),
    ].join(', ')}`,
  });
  if (caption)
    slide.addText(caption, {
      x: BODY.x,
      y: 5.7,
      w: BODY.w,
      h: 0.9,
      fontFace: FONT,
      fontSize: 15,
      color: hex(p.muted),
      valign: 'top',
      margin: 0,
      fit: 'shrink',
    });
}

function drawOverlap(
  pptx: PptxGenJS,
  slide: Slide,
  { c, view }: PptxInput,
  p: Palette,
  caption: string | undefined,
): void {
  const text = view.labels;
  const many = c.roles.length > 2;
  const sections = c.sections.filter(
    (s) => s.overlap.shared.length + s.overlap.partial.length + s.overlap.unique.flat().length > 0,
  );
  if (sections.length === 0) return;
  const labels = sections.map((s) => s.title);
  const data = [
    { name: many ? text.allRoles : text.bothRoles, labels, values: sections.map((s) => s.overlap.shared.length) },
    ...(many ? [{ name: text.someRoles, labels, values: sections.map((s) => s.overlap.partial.length) }] : []),
    ...c.roles.map((role, i) => ({
      name: deckLocale(c.deck).fill(text.onlyRole, { role: role.short }),
      labels,
      values: sections.map((s) => s.overlap.unique[i]?.length ?? 0),
    })),
  ];
  slide.addChart(pptx.ChartType.bar, data, {
    x: BODY.x,
    y: BODY.y,
    w: BODY.w,
    h: 4.5,
    barDir: 'bar',
    barGrouping: 'stacked',
    chartColors: [
      hex(p.overlapAll),
      ...(many ? [hex(p.overlapSome)] : []),
      ...c.roles.map((_, i) => hex(roleColour(p, i))),
    ],
    // Sections top to bottom in the deck's order.
    // The types list only 'minMax', but pptxgenjs writes whichever is given into c:orientation.
    catAxisOrientation: 'maxMin' as 'minMax',
    catAxisLabelColor: hex(p.ink),
    catAxisLabelFontFace: FONT,
    catAxisLabelFontSize: 13,
    valAxisHidden: true,
    valGridLine: { style: 'none' },
    showValue: true,
    // Ink on a paper-coloured box (chart-patterns.ts), readable on every texture; the format's
    // empty third section prints nothing for a zero, which would be a "0" on no bar at all.
    dataLabelColor: hex(p.ink),
    dataLabelFontFace: FONT,
    dataLabelFontSize: 11,
    dataLabelFormatCode: '#,##0;-#,##0;;',
    showLegend: true,
    legendPos: 't',
    legendFontFace: FONT,
    legendFontSize: 13,
    legendColor: hex(p.ink),
    altText: fillLabel(text.overlapAltText, {
      sections: sections
        .map((s) => `${s.title}: ${fillLabel(text.sharedCount, { count: s.overlap.shared.length })}`)
        .join('; '),
    }),
  });
  if (caption)
    slide.addText(caption, {
      x: BODY.x,
      y: 5.95,
      w: BODY.w,
      h: 0.6,
      fontFace: FONT,
      fontSize: 15,
      color: hex(p.muted),
      valign: 'top',
      margin: 0,
    });
}

// 1.9 in is about 180 px on the 1280 px slide: scannable from the back of a room (see the docs).
const QR_SIZE = 1.9;

function drawQr(slide: Slide, qr: NonNullable<PptxInput['qr']>, cover: boolean): void {
  const x = W - MARGIN - QR_SIZE;
  const y = cover ? 3.3 : 4.55;
  slide.addImage({ data: dataUrl(qr.picture), x, y, w: QR_SIZE, h: QR_SIZE, altText: `QR code linking to ${qr.url}` });
  slide.addText(qr.url, {
    x: x - 1.6,
    y: y + QR_SIZE + 0.05,
    w: QR_SIZE + 1.6,
    h: 0.35,
    fontFace: FONT,
    fontSize: 12,
    align: 'right',
    margin: 0,
    valign: 'top',
    fit: 'shrink',
  });
}

type ColumnOrder = <T>(cells: T[]) => T[];

/**
 * A right-to-left table's first column at the right. The cells are reversed here rather than the
 * table marked rtl (<a:tblPr rtl>), which LibreOffice ignores; mirror.ts does the rest.
 */
function columnOrder(dir: string): ColumnOrder {
  return dir === 'rtl' ? (cells) => [...cells].reverse() : (cells) => cells;
}

function roleColour(p: Palette, role: number): string {
  return p.roles[role % p.roles.length] ?? p.accent;
}

/** `#1d2433` -> `1D2433`, as pptxgenjs wants colours. */
function hex(colour: string): string {
  const c = colour.replace('#', '');
  return (c.length === 3 ? [...c].map((d) => d + d).join('') : c).toUpperCase();
}

function dataUrl(picture: Picture): string {
  // pptxgenjs takes "type;base64,..." without the leading "data:".
  return `${picture.type};base64,${Buffer.from(picture.data).toString('base64')}`;
}
