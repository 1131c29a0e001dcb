import type { AlignedSection, Comparison } from '../compare/compare.js';
import type { Section, TextDirection } from '../model/index.js';
import { fillLabel, type Labels } from '../model/labels.js';
import { type FigureRow, outlookChart, outlookFigureRows } from './chart.js';
import { deckLocale, type DeckLocale } from './locale.js';
import { escapeHtml as escape } from './markdown.js';
import { estimateLines, paginateColumns } from './paginate.js';
import { overlapChart, overlapFigureRows } from './overlap-chart.js';
import { MATRIX_FROM_ROLES, overlapMatrix, type OverlapMatrix, splitMatrix } from './overlap-matrix.js';
import { overlapTable } from './overlap-table.js';
import { deckSources, outlookDate, payText } from './provenance.js';
import { type QrView, qrView } from './qr.js';
import type { Diagnostic } from '../errors.js';
import type { FlowBlock } from '../model/flow.js';
import { plainFlow } from './flow.js';
import { piecesToFlow } from './flow-pieces.js';
import { notesFlow, notesHtml, type Piece, pieceLines, piecesToHtml, sectionPieces } from './pieces.js';
import { type BrandView, brandView, type ThemeView, themeView } from './themes.js';
import {
  CHAR_WIDTH,
  COLUMN_GAP,
  COLUMN_LINES,
  type FitBudgets,
  MATRIX_LINES,
  PROSE_CHARS,
  type Shrinkable,
  SLIDE_TEXT_WIDTH,
  type SlideSource,
  TABLE_LINES,
} from '../model/slide-budgets.js';

/** A slide as the deck template draws it; every field is optional markup or text. */
export interface SlideView {
  kind: 'title' | 'prose' | 'compare' | 'overlap' | 'chart';
  title: string;
  /** The title slide's own parts. */
  cover?: CoverView;
  /** "2/3" on a continuation slide. */
  part?: string;
  html?: string;
  /** What `html` shows, as structure: what the PowerPoint draws (model/flow.ts). */
  flow?: FlowBlock[];
  agenda?: string[];
  columns?: { heading: string; role: number; html: string; flow: FlowBlock[] }[];
  table?: { head: string[]; rows: string[][] };
  /** The overlap of 4-6 roles: one row per term, one column per role. */
  matrix?: OverlapMatrix;
  /** Type scale below 1 when the slide's content was shrunk to fit (see layout/slides.ts). */
  zoom?: number;
  chart?: string;
  /** Which figure a chart slide draws, for outputs that draw it natively (the PowerPoint). */
  figure?: 'outlook' | 'overlap';
  caption?: string;
  /** The chart's values as rows of text, for outputs too small to draw it (the handout's text cells). */
  rows?: FigureRow[];
  notes?: NoteView[];
  /** A QR code to the deck's url (title and last slides), with the url printed beside it. */
  qr?: QrView;
  /** Where the slide's content comes from, to name it when it does not fit. */
  source?: SlideSource;
  /** Planned minutes (`## Introduction {time=5m}`), for the room's pacing. */
  minutes?: number;
}

/** Speaker notes of a slide, grouped by whose file they come from. */
export interface NoteView {
  label?: string | undefined;
  html: string;
  flow: FlowBlock[];
}

export interface CoverView {
  title: string;
  subtitle: string | undefined;
  event: string | undefined;
  presenter: string | undefined;
  date: string | undefined;
  roles: { title: string; role: number }[];
}

export interface DeckView {
  lang: string;
  /** The built-in labels in the deck's language, under its `labels:` overrides. */
  labels: Labels;
  /** `<html dir>`: mirrors the layout for right-to-left languages (render/direction.ts). */
  dir: TextDirection;
  title: string;
  /** The deck's theme on screen (its print variant is in the same CSS). */
  theme: ThemeView;
  brand: BrandView;
  /** Every slide in order, the title slide first. */
  slides: SlideView[];
  /** What the slides show differently from what was written (a table too wide, drawn smaller or split), at its line. */
  warnings: Diagnostic[];
  /** The talk's planned minutes (`duration:`), for the room's pacing. */
  duration: number | undefined;
}

export function deckView(c: Comparison, budgets: FitBudgets = new Map()): DeckView {
  const { deck } = c;
  const locale = deckLocale(deck);
  const { labels } = locale;
  const { opening, middle: rest, closing } = c.prose;
  const warnings = new Map<string, Diagnostic>();
  const warn = (d: Diagnostic) => warnings.set(`${d.file}:${d.line ?? 0}:${d.message}`, d);
  const overlapSlides = overlapSlidesFor(c, budgets, locale);
  const agenda = [
    opening?.title,
    ...c.sections.map((s) => s.title),
    overlapSlides[0]?.title,
    ...rest.map((s) => s.title),
    closing?.title,
  ].filter((t): t is string => t !== undefined);

  const cover: CoverView = {
    title: deck.title,
    subtitle: deck.subtitle,
    event: deck.event,
    presenter: deck.presenter,
    date: locale.date(deck.date),
    roles: c.roles.map((r, role) => ({ title: r.title, role })),
  };
  const slides: SlideView[] = [
    slide({ kind: 'title', title: deck.title, cover, source: fixed(deck.file, 1, 'title') }),
    slide({ kind: 'prose', title: labels.agenda, agenda, source: fixed(deck.file, 1, 'agenda') }),
    ...(opening ? [proseSlide(opening, deck.file, c, warn)] : []),
    ...c.sections.flatMap((section) => [
      ...compareSlides(section, c, budgets.get(`section:${section.id}`) ?? COLUMN_LINES, labels, warn),
      ...(section.id === c.chartAfter ? chartSlides(c, locale) : []),
    ]),
    ...overlapSlides,
    ...rest.map((section) => proseSlide(section, deck.file, c, warn)),
    ...(closing ? [proseSlide(closing, deck.file, c, warn)] : []),
    ...sourcesSlides(c, labels),
  ];
  if (deck.url && deck.qr) {
    const qr = qrView(deck.url, labels.qrCode);
    for (const at of new Set([slides[0], slides.at(-1)])) if (at) at.qr = qr;
  }
  // Unset in the front matter and not filled by a config file: the light theme.
  const theme = themeView(deck.theme ?? 'light', deck.brand?.accent);
  const zoomed = slides.map((s) => ({ ...s, zoom: slideZoom(s.source, budgets) }));
  return {
    lang: deck.lang,
    labels,
    dir: locale.dir ?? 'ltr',
    title: deck.title,
    theme,
    brand: brandView(deck.brand),
    slides: zoomed,
    warnings: [...warnings.values()],
    duration: deck.duration,
  };
}

/** The smallest type scale measured for anything on the slide; undefined at full size. */
function slideZoom(source: SlideSource | undefined, budgets: FitBudgets): number | undefined {
  const zoom = Math.min(1, ...(source?.shrink.flat() ?? []).map((s) => budgets.get(s.key) ?? 1));
  return zoom < 1 ? zoom : undefined;
}

/** Every field present (undefined when unused): templates compile in strict mode. */
function slide(fields: Pick<SlideView, 'kind' | 'title'> & Partial<SlideView>): Required<SlideView> {
  return {
    cover: undefined,
    source: undefined,
    part: undefined,
    html: undefined,
    flow: undefined,
    agenda: undefined,
    columns: undefined,
    table: undefined,
    matrix: undefined,
    chart: undefined,
    figure: undefined,
    caption: undefined,
    rows: undefined,
    notes: undefined,
    zoom: undefined,
    qr: undefined,
    minutes: undefined,
    ...fields,
  } as Required<SlideView>;
}

/** A slide that is not split: when it overflows, its type is shrunk (and a warning names it). */
function fixed(file: string, line: number, what: string): SlideSource {
  return { budget: 'fixed', file, line, shrink: [[{ key: `zoom:${what}:${file}:${line}`, file, line }]] };
}

function pieceShrink(file: string, pieces: readonly Piece[]): Shrinkable[] {
  return pieces.map((p) => ({ key: `zoom:${file}:${p.line}`, file, line: p.line }));
}

/** The Sources slide: every source the deck and its figures name, with its date (render/provenance.ts). */
function sourcesSlides(c: Comparison, labels: Labels): SlideView[] {
  const sources = deckSources(c);
  if (sources.length === 0) return [];
  const items = sources.map(
    (s) =>
      `<li><bdi>${escape(s.title)}</bdi>${s.publisher ? `, <bdi>${escape(s.publisher)}</bdi>` : ''}${s.date ? ` (<bdi>${escape(s.date)}</bdi>)` : ''}${s.licence ? `. <bdi>${escape(s.licence)}</bdi>` : ''}</li>`,
  );
  return [
    slide({
      kind: 'prose',
      title: labels.sources,
      html: `<ol class="sources">${items.join('')}</ol>`,
      flow: plainFlow(
        sources.map((s) =>
          [
            s.title,
            s.publisher ? `, ${s.publisher}` : '',
            s.date ? ` (${s.date})` : '',
            s.licence ? `. ${s.licence}` : '',
          ].join(''),
        ),
        'number',
      ),
      notes: [],
      source: fixed(c.deck.file, 1, 'sources'),
    }),
  ];
}

function proseSlide(section: Section, file: string, c: Comparison, warn: (d: Diagnostic) => void): SlideView {
  const source = fixed(file, section.line, `prose:${section.id}`);
  const pieces = section.poll ? [] : sectionPieces(section, { chars: PROSE_CHARS, file, warn });
  return slide({
    kind: 'prose',
    title: section.title,
    minutes: section.minutes,
    html: section.poll ? pollHtml(section.id, section.poll, c) : piecesToHtml(pieces),
    // A poll's options, numbered: what every printed output shows of it.
    flow: section.poll ? plainFlow(pollOptions(section.poll, c), 'number') : piecesToFlow(pieces),
    notes: section.notes.length > 0 ? [{ html: notesHtml(section.notes), flow: notesFlow(section.notes) }] : [],
    source,
  });
}

function compareSlides(
  section: AlignedSection,
  c: Comparison,
  budget: number,
  labels: Labels,
  warn: (d: Diagnostic) => void,
): SlideView[] {
  const groups = roleGroups(c.roles.length);
  const charsPerLine = columnChars(Math.max(...groups.map((g) => g.length)));
  const lines = (p: Piece) => pieceLines(p, charsPerLine);
  const laidOut = groups.flatMap((group) =>
    paginateColumns(
      group.map((role) =>
        sectionPieces(section.cells[role], { chars: charsPerLine, file: c.roles[role]?.file ?? '', warn }),
      ),
      lines,
      budget,
    ).map((page) => page.map((pieces, i) => ({ role: group[i] ?? 0, pieces }))),
  );
  // A slide of roles none of which has the section (four to six roles, a group without it) would
  // only say "Not covered for this role." in every column: it is left out, and said (issue 23).
  const empty = (page: (typeof laidOut)[number]) => page.every(({ pieces }) => pieces.length === 0);
  const pages = laidOut.some((page) => !empty(page)) ? laidOut.filter((page) => !empty(page)) : laidOut;
  const dropped = laidOut.filter((page) => !pages.includes(page)).flatMap((page) => page.map(({ role }) => role));
  if (dropped.length > 0)
    warn({
      file: c.deck.file,
      // Where the fix goes: the section in the deck's list, else the roles it compares.
      line: c.deck.lines?.sections[section.id] ?? c.deck.lines?.roles ?? 1,
      severity: 'warning',
      message: `no slide of "${section.title}" for ${dropped.map((r) => c.roles[r]?.short ?? '').join(', ')}: none of them has this section, so their slide would only say "${labels.notCovered}"; add the section to their files, or compare it in another deck`,
    });
  return pages.map((page, index) =>
    slide({
      kind: 'compare',
      title: section.title,
      part: pages.length > 1 ? `${index + 1}/${pages.length}` : undefined,
      columns: page.map(({ role, pieces }) => {
        const empty = section.cells[role] ? labels.seePreviousSlide : labels.notCovered;
        return {
          heading: c.roles[role]?.short ?? '',
          role,
          html: pieces.length > 0 ? piecesToHtml(pieces) : `<p class="muted">${escape(empty)}</p>`,
          flow: pieces.length > 0 ? piecesToFlow(pieces) : plainFlow([empty]),
        };
      }),
      notes: [
        ...page.flatMap(({ role }) => {
          const cell = section.cells[role];
          return cell && cell.notes.length > 0
            ? [{ label: c.roles[role]?.short, html: notesHtml(cell.notes), flow: notesFlow(cell.notes) }]
            : [];
        }),
        // The deck's own note for the section (`## Notes: <section>` in the deck file).
        ...(section.notes.length > 0
          ? [{ label: labels.thisDeck, html: notesHtml(section.notes), flow: notesFlow(section.notes) }]
          : []),
      ],
      source: {
        budget: `section:${section.id}`,
        file: c.roles[page[0]?.role ?? 0]?.file ?? c.deck.file,
        line: section.cells[page[0]?.role ?? 0]?.line ?? 1,
        columns: page.map(({ role, pieces }) => ({
          file: c.roles[role]?.file ?? '',
          lines: pieces.map((p) => p.line),
        })),
        shrink: page.map(({ role, pieces }) => pieceShrink(c.roles[role]?.file ?? '', pieces)),
      },
    }),
  );
}

/**
 * A poll's options as the slide draws them: a list (what every printed output shows) with an
 * empty bar and count per option that the room server's script fills while presenting.
 */
function pollHtml(id: string, poll: NonNullable<Section['poll']>, c: Comparison): string {
  const items = pollOptions(poll, c)
    .map(
      (label, i) =>
        `<li data-option="${i}"><span class="poll-label">${escape(label)}</span><span class="poll-bar" aria-hidden="true"><span class="poll-fill"></span></span><span class="poll-count"></span></li>`,
    )
    .join('');
  return `<ol class="poll-options" data-poll="${escape(id)}">${items}</ol>`;
}

function pollOptions(poll: NonNullable<Section['poll']>, c: Comparison): string[] {
  return poll.options === 'roles' ? c.roles.map((r) => r.title) : poll.options;
}

/** Up to three roles side by side; more are split into groups of near-equal size (4 -> 2 + 2). */
export function roleGroups(count: number): number[][] {
  const groups = Math.ceil(count / 3);
  const indexes = Array.from({ length: count }, (_, i) => i);
  return Array.from({ length: groups }, (_, g) =>
    indexes.slice(Math.round((g * count) / groups), Math.round(((g + 1) * count) / groups)),
  );
}

function chartSlides(c: Comparison, locale: DeckLocale): SlideView[] {
  if (c.outlook.length === 0) return [];
  const { labels } = locale;
  const pay = (index: number) => {
    const p = c.roles[index]?.pay;
    return p ? `${labels.medianPay} ${payText(p, locale.lang)}` : undefined;
  };
  const caption = [
    ...c.outlook.map((b) => ({
      index: b.index,
      text: locale.list(
        [`${b.role}: ${locale.growth(b.growth)}`, outlookDate(b), b.group, pay(b.index)].filter(
          (s): s is string => !!s,
        ),
      ),
    })),
    ...c.noOutlook.map((m) => ({ index: m.index, text: `${m.role}: ${labels.outlookNoFigure}` })),
  ]
    .sort((a, b) => a.index - b.index)
    .map((entry) => entry.text)
    .join('. ');
  const sources = locale.groups([
    ...new Set(
      [...c.outlook.map((b) => b.source), ...c.roles.map((r) => r.pay?.source)].filter((s): s is string => !!s),
    ),
  ]);
  return [
    slide({
      kind: 'chart',
      title: labels.outlookTitle,
      source: fixed(c.roles.find((r) => r.outlook)?.file ?? c.deck.file, 1, 'outlook-chart'),
      chart: outlookChart(c.outlook, locale, c.noOutlook),
      rows: outlookFigureRows(c.outlook, locale, c.noOutlook),
      figure: 'outlook',
      caption: `${caption}.${sources ? ` ${fillLabel(labels.outlookSource, { sources })}` : ''}`,
      notes: [textNote(fillLabel(labels.outlookNotes, { caption }))],
    }),
  ];
}

function overlapSlidesFor(c: Comparison, budgets: FitBudgets, locale: DeckLocale): SlideView[] {
  const { labels } = locale;
  const sharedCount = new Set(c.sections.flatMap((s) => s.overlap.shared.map((k) => k.key))).size;
  const tables =
    c.roles.length >= MATRIX_FROM_ROLES
      ? matrixSlides(c, budgets.get('overlap-matrix') ?? MATRIX_LINES)
      : tableSlides(c, budgets.get('overlap') ?? TABLE_LINES, locale);
  if (tables.length === 0) return [];
  const chart = slide({
    kind: 'chart',
    title: labels.overlapTitle,
    source: fixed(c.deck.file, 1, 'overlap-chart'),
    chart: overlapChart(c, locale),
    rows: overlapFigureRows(c, locale),
    figure: 'overlap',
    caption: labels.overlapSlideCaption,
    notes: [textNote(fillLabel(labels.overlapChartNotes, { count: sharedCount }))],
  });
  const tableNotes = c.roles.length > 2 ? labels.overlapTableNotesAll : labels.overlapTableNotesBoth;
  const notes = [textNote(fillLabel(tableNotes, { count: sharedCount }))];
  return [
    chart,
    ...tables.map((t, index) =>
      slide({
        ...t,
        kind: 'overlap',
        title: labels.overlapTitle,
        part: tables.length > 1 ? `${index + 1}/${tables.length}` : undefined,
        notes,
      }),
    ),
  ];
}

/** Where a section's terms come from: its heading in the first role that has it. */
function sectionPlace(c: Comparison, title: string): { file: string; line: number } {
  const section = c.sections.find((s) => s.title === title);
  const role = section?.cells.findIndex((cell) => cell !== undefined) ?? -1;
  return { file: c.roles[role]?.file ?? c.deck.file, line: section?.cells[role]?.line ?? 1 };
}

/** Two or three roles: one row per section, its terms listed by who has them. */
function tableSlides(c: Comparison, budget: number, locale: DeckLocale): Partial<SlideView>[] {
  const { head, rows } = overlapTable(c, locale);
  if (rows.length === 0) return [];
  const cellChars = Math.floor((SLIDE_TEXT_WIDTH - 200) / (head.length - 1) / 9);
  const rowLines = (row: string[]) => Math.max(...row.slice(1).map((cell) => estimateLines(cell, cellChars))) + 0.6;
  const pages = paginateColumns([rows], rowLines, budget).map((p) => p[0] ?? []);
  return pages.map((page) => ({
    table: { head, rows: page },
    source: {
      budget: 'overlap',
      file: c.deck.file,
      line: 1,
      shrink: [page.map((row) => ({ key: `zoom:overlap:${row[0] ?? ''}`, ...sectionPlace(c, row[0] ?? '') }))],
    },
  }));
}

/** Four to six roles: a matrix of terms by role, split over slides by rows. */
function matrixSlides(c: Comparison, budget: number): Partial<SlideView>[] {
  const matrix = overlapMatrix(c);
  const cells = matrix.groups.flatMap((g, group) => [
    { group, row: -1, text: g.title },
    ...g.rows.map((r, row) => ({ group, row, text: r.term })),
  ]);
  const termChars = Math.floor((SLIDE_TEXT_WIDTH - 130 * c.roles.length) / 9);
  // A section heading is not left alone at the foot of a slide: it counts one row more.
  const pages = paginateColumns(
    [cells],
    (cell) => estimateLines(cell.text, termChars) + (cell.row < 0 ? 1.25 : 0),
    budget,
  ).map((p) => (p[0] ?? []).filter((cell) => cell.row >= 0));
  return splitMatrix(matrix, pages).flatMap((m, index) =>
    m.groups.length === 0
      ? []
      : [
          {
            matrix: m,
            source: {
              budget: 'overlap-matrix',
              file: c.deck.file,
              line: 1,
              shrink: [
                (pages[index] ?? []).map((cell) => ({
                  key: `zoom:overlap:${cell.group}:${cell.row}`,
                  ...sectionPlace(c, matrix.groups[cell.group]?.title ?? ''),
                })),
              ],
            },
          },
        ],
  );
}

/** A note of plain text (a label filled in). */
function textNote(text: string): NoteView {
  return { html: `<p>${escape(text)}</p>`, flow: plainFlow([text]) };
}

function columnChars(columns: number): number {
  return Math.floor((SLIDE_TEXT_WIDTH - COLUMN_GAP * (columns - 1)) / columns / CHAR_WIDTH);
}
