import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import path from 'node:path';
import { PACKAGE_ROOT } from '../config/defaults.js';
import { writeFileAtomic } from '../emit/atomic.js';
import { outputOfFile } from '../emit/names.js';
import { fillLabel } from '../model/labels.js';
import { OUTPUTS } from '../model/outputs.js';
import { qrSvg } from '../render/qr.js';
import { EventHub } from '../serve/events.js';
import { forAttendees, picturesOf } from './access.js';
import type { Journal } from './journal.js';
import type { AudienceView, Download } from './pages.js';
import { slideArticle } from './pages.js';
import type { DeckPage } from './slides.js';
import { type Refusal, refused, type Room, type RoomRecord } from './state.js';
import type { PageTiming } from './timing.js';

export type AudienceEvent = 'slide' | 'poll' | 'questions' | 'mine';
export type PresenterEvent = 'state';

/** How often at most poll results are pushed while votes pour in (300 votes are then a few pushes). */
const RESULTS_EVERY_MS = 100;

/** The files the room's pages load, from the package (never from the content). */
const ASSETS: Record<string, string> = {
  'audience.js': 'text/javascript; charset=utf-8',
  'stream.js': 'text/javascript; charset=utf-8',
  'remote.js': 'text/javascript; charset=utf-8',
  'panels.js': 'text/javascript; charset=utf-8',
  'presenter.js': 'text/javascript; charset=utf-8',
  'unlock.js': 'text/javascript; charset=utf-8',
  'room.css': 'text/css; charset=utf-8',
  'presenter.css': 'text/css; charset=utf-8',
};

export interface CoreParts {
  room: Room;
  deck: DeckPage;
  slug: string;
  key: string;
  outDir: string;
  journal: Journal;
  /** Where the session record is written when the room closes. */
  recordFile: string;
  /** `host:port` names the pages may be asked by. */
  hosts: Set<string>;
  audienceUrl: string;
  /** The remote's address with its key: drawn as a QR code for the speaker view only. */
  remoteUrl: string;
  /** Open audience streams before the "room full" page. */
  maxAudience: number;
  /** What the pages' scripts wait, written into them (timing.ts). */
  pageTiming: PageTiming;
}

/**
 * The room's state joined to its streams and its journal: what the HTTP layer calls. A change is
 * journaled (on disk) first, then applied, then told to the pages.
 */
export class RoomCore {
  readonly audience: EventHub<AudienceEvent>;
  readonly presenters: EventHub<PresenterEvent>;
  readonly room: Room;
  readonly deck: DeckPage;
  readonly key: string;
  readonly outDir: string;
  readonly slug: string;
  readonly hosts: Set<string>;
  readonly maxAudience: number;
  readonly pageTiming: PageTiming;
  private assets = new Map<string, { type: string; body: string }>();
  private downloads: Download[] = [];
  /** Each of the author's pictures (`assets/content/...` in the deck) and the first slide showing it. */
  private pictures: ReadonlyMap<string, number> = new Map();
  /**
   * The output folder's real path, found once: files are resolved to real paths (serve/files.ts),
   * and a link on the way to the folder (macOS's /tmp) must not turn each of them into `../`.
   */
  private realOutDir = '';
  private resultsTimer: NodeJS.Timeout | undefined;
  private closed = false;
  /** How many times the room's slide has changed: the presenter's deck orders states by it. */
  private moves = 0;

  private constructor(private readonly parts: CoreParts) {
    this.room = parts.room;
    this.deck = parts.deck;
    this.key = parts.key;
    this.outDir = parts.outDir;
    this.slug = parts.slug;
    this.hosts = parts.hosts;
    this.maxAudience = parts.maxAudience;
    this.pageTiming = parts.pageTiming;
    this.audience = new EventHub<AudienceEvent>(() => this.audienceHello(), { max: parts.maxAudience, retryMs: 1000 });
    this.presenters = new EventHub<PresenterEvent>(() => this.presenterState(), { retryMs: 1000 });
  }

  static async create(parts: CoreParts): Promise<RoomCore> {
    const core = new RoomCore(parts);
    const dir = path.join(PACKAGE_ROOT, 'templates', 'room');
    for (const [name, type] of Object.entries(ASSETS))
      core.assets.set(name, { type, body: await readFile(path.join(dir, name), 'utf8') });
    const base = await readFile(path.join(PACKAGE_ROOT, 'templates', 'partials', 'base.css'), 'utf8');
    core.assets.set('theme.css', { type: 'text/css; charset=utf-8', body: `${parts.deck.themeCss}\n${base}` });
    core.assets.set('join.svg', {
      type: 'image/svg+xml',
      body: qrSvg(parts.audienceUrl, fillLabel(parts.deck.text.labels.qrCode, { url: parts.audienceUrl })),
    });
    core.downloads = await downloadsOf(parts.outDir, parts.slug);
    core.pictures = picturesOf(parts.deck.slides);
    core.realOutDir = await realpath(parts.outDir).catch(() => parts.outDir);
    return core;
  }

  /** The remote's QR code (the key is in it: served only past the key check). */
  remoteQr(): string {
    const { labels } = this.deck.text;
    return qrSvg(this.parts.remoteUrl, fillLabel(labels.qrCode, { url: labels.roomRemote }));
  }

  /** Whether an attendee may have a file of the deck's folder, by its real path (access.ts). */
  forAttendees(realFile: string): boolean {
    const file = path.relative(this.realOutDir, realFile).split(path.sep).join('/');
    return forAttendees(file, { slug: this.slug, pictures: this.pictures, furthest: this.room.furthest });
  }

  asset(name: string): { type: string; body: string } | undefined {
    return this.assets.get(name);
  }

  /** Journals a checked record, applies it and tells the pages; a refusal is passed back untouched. */
  async commit(outcome: RoomRecord | Refusal): Promise<RoomRecord | Refusal> {
    if (refused(outcome)) return outcome;
    if (this.closed) return { refused: this.deck.text.labels.roomSessionEnded, status: 503 };
    await this.parts.journal.append(outcome);
    this.room.apply(outcome);
    if (outcome.t === 'vote' || outcome.t === 'poll') this.pushResults(outcome.t === 'poll');
    else this.pushQuestions();
    return outcome;
  }

  /** The presenter's commands (`/api/slide`, `/api/command`), already past the key. */
  async command(
    path: string,
    fields: Record<string, unknown>,
  ): Promise<RoomRecord | Refusal | { ok: true; move?: number }> {
    if (path === '/api/slide') {
      if (typeof fields.index !== 'number') return { refused: 'index: a slide number', status: 400 };
      this.show(fields.index, 'deck');
      // The deck learns which move its own was: a state it held back while asking is newer only
      // if its move number is higher (presenter.js).
      return { ok: true, move: this.moves };
    }
    if (path !== '/api/command') return { refused: 'not found', status: 404 };
    switch (fields.action) {
      case 'next':
        this.show(this.room.current + 1, 'remote');
        return { ok: true };
      case 'prev':
        this.show(this.room.current - 1, 'remote');
        return { ok: true };
      case 'goto':
        if (typeof fields.index !== 'number') return { refused: 'index: a slide number', status: 400 };
        this.show(fields.index, 'remote');
        return { ok: true };
      case 'close-poll':
      case 'open-poll':
        return this.commit(this.room.setPoll(fields.poll, fields.action === 'close-poll'));
      case 'mark':
        return this.commit(this.room.mark(fields.id, { answered: fields.answered, hidden: fields.hidden }));
      default:
        return { refused: 'action: next, prev, goto, close-poll, open-poll or mark', status: 400 };
    }
  }

  /**
   * Shows a slide: every phone and the remotes follow, and the deck when the remote moved (`by`):
   * a deck that moved itself is not told back, or two quick key presses would bounce it.
   */
  show(index: number, by: 'deck' | 'remote'): void {
    if (!this.room.goto(index)) return;
    this.moves += 1;
    this.audience.send('slide', this.currentSlide());
    this.presenters.send('state', this.presenterState(by));
  }

  /** The first events of a phone's stream: its own votes, so its page shows them after a reconnect. */
  greet(res: ServerResponse, device: string): void {
    const mine = Object.fromEntries(
      this.room.reachedResults().flatMap((r) => {
        const choice = this.room.choice(r.id, device);
        return choice === undefined ? [] : [[r.id, choice]];
      }),
    );
    res.write(`event: mine\ndata: ${JSON.stringify(mine)}\n\n`);
  }

  audienceView(device: string): AudienceView {
    const slide = this.room.slides[this.room.current]!;
    return {
      deck: this.deck,
      slide,
      results: slide.poll ? this.room.results(slide.poll.id) : undefined,
      mine: slide.poll ? this.room.choice(slide.poll.id, device) : undefined,
      questions: this.room.publicQuestions(),
      downloads: this.downloads,
      timing: this.pageTiming,
    };
  }

  /** Ends the streams, writes the session record and closes the journal. */
  async close(slug: string): Promise<string> {
    this.closed = true;
    clearTimeout(this.resultsTimer);
    this.audience.close();
    this.presenters.close();
    this.parts.journal.close();
    await writeFileAtomic(this.parts.recordFile, `${JSON.stringify(this.room.record(slug), null, 2)}\n`);
    return this.parts.recordFile;
  }

  private currentSlide(): { index: number; furthest: number; total: number; title: string; html: string } {
    const slide = this.room.slides[this.room.current]!;
    return {
      index: slide.index,
      furthest: this.room.furthest,
      total: this.room.slides.length,
      title: slide.title,
      html: slideArticle(this.deck.text, slide, slide.poll ? this.room.results(slide.poll.id) : undefined, undefined),
    };
  }

  private audienceHello(): unknown {
    return { ...this.currentSlide(), questions: this.room.publicQuestions(), results: this.room.reachedResults() };
  }

  presenterState(by?: 'deck' | 'remote'): unknown {
    return {
      by,
      move: this.moves,
      audienceUrl: this.parts.audienceUrl,
      current: this.room.current,
      total: this.room.slides.length,
      startedAt: this.room.startedAt,
      slides: this.room.slides.map((s) => ({ title: s.title, notes: s.notes, minutes: s.minutes, poll: s.poll })),
      results: this.room.allResults(),
      questions: this.room.allQuestions(),
      audience: this.audience.size,
    };
  }

  private pushResults(now: boolean): void {
    const push = () => {
      this.resultsTimer = undefined;
      this.audience.send('poll', this.room.reachedResults());
      this.presenters.send('state', this.presenterState());
    };
    if (now) return push();
    this.resultsTimer ??= setTimeout(push, RESULTS_EVERY_MS);
  }

  private pushQuestions(): void {
    this.audience.send('questions', this.room.publicQuestions());
    this.presenters.send('state', this.presenterState());
  }
}

/** The deck's outputs an attendee may take home (the table of outputs says which, and in what order). */
async function downloadsOf(outDir: string, slug: string): Promise<Download[]> {
  const names = await readdir(outDir).catch(() => [] as string[]);
  const wanted: (Omit<Download, 'bytes'> & { rank: number })[] = [];
  for (const file of names) {
    const output = outputOfFile(slug, file);
    const room = output && OUTPUTS[output.kind].room;
    if (!output || !room || !('takeHome' in room)) continue;
    const role = output.roleSlug?.replace(/-/g, ' ');
    wanted.push({ file, kind: output.kind, label: room.takeHome.label, role, rank: room.takeHome.rank });
  }
  wanted.sort((a, b) => a.rank - b.rank || a.file.localeCompare(b.file));
  return Promise.all(
    wanted.map(async ({ rank: _, ...w }) => ({ ...w, bytes: (await stat(path.join(outDir, w.file))).size })),
  );
}
