/**
 * The room's state in one place, with plain functions that tests call directly: which slide is
 * shown, the polls and their votes, the questions. The HTTP layer is thin over it; everything an
 * attendee sends reaches here already size-checked, and is checked again here for meaning.
 */

/** A slide as the room knows it (derived from the built deck: slides.ts). */
export interface RoomSlide {
  index: number;
  kind: string;
  title: string;
  /** The slide's content as sanitized HTML, for the audience's reading view. */
  html: string;
  /** The speaker notes as sanitized HTML (the remote only). */
  notes: string;
  poll?: { id: string; question: string; options: string[] } | undefined;
  /** The planned minutes of the section this slide opens or belongs to (pacing). */
  minutes?: number | undefined;
}

export interface Question {
  id: number;
  text: string;
  at: string;
  upvotes: number;
  answered: boolean;
  hidden: boolean;
}

/** What the journal records, one per line; replaying them gives the same room (journal.ts). */
export type RoomRecord =
  | { t: 'vote'; poll: string; device: string; option: number; at: string }
  | { t: 'poll'; poll: string; closed: boolean; at: string }
  | { t: 'ask'; id: number; device: string; text: string; at: string }
  | { t: 'upvote'; id: number; device: string; at: string }
  | { t: 'mark'; id: number; answered?: boolean | undefined; hidden?: boolean | undefined; at: string };

export type Refusal = { refused: string; status: number };

/** At most this many characters in a question. */
export const QUESTION_MAX = 280;

interface PollState {
  id: string;
  question: string;
  options: string[];
  votes: Map<string, number>;
  closed: boolean;
}

export class Room {
  /** The slide the presenter shows. */
  current = 0;
  /** The furthest slide shown so far: attendees may page back, never ahead of it. */
  furthest = 0;
  readonly startedAt: number;
  private readonly polls = new Map<string, PollState>();
  /** Each poll's slide: a poll exists for attendees once the talk has reached it. */
  private readonly pollSlides = new Map<string, number>();
  private readonly questions: (Question & { device: string; voters: Set<string> })[] = [];

  constructor(
    readonly slides: readonly RoomSlide[],
    now = Date.now(),
  ) {
    this.startedAt = now;
    for (const s of slides)
      if (s.poll) {
        this.polls.set(s.poll.id, { ...s.poll, votes: new Map(), closed: false });
        this.pollSlides.set(s.poll.id, s.index);
      }
  }

  /** Whether the talk has reached the slide of a poll (the presenter's view knows every poll from the start). */
  reached(poll: string): boolean {
    const slide = this.pollSlides.get(poll);
    return slide !== undefined && slide <= this.furthest;
  }

  /** Shows slide `index` (clamped); true when that changed the current slide. */
  goto(index: number): boolean {
    const next = Math.max(0, Math.min(this.slides.length - 1, Math.trunc(index)));
    if (!Number.isFinite(next) || next === this.current) return false;
    this.current = next;
    this.furthest = Math.max(this.furthest, next);
    return true;
  }

  /** Checks a vote; the record to journal and apply, or why it is refused. */
  vote(device: string, poll: unknown, option: unknown, at = new Date()): RoomRecord | Refusal {
    const state = typeof poll === 'string' ? this.polls.get(poll) : undefined;
    // A poll not shown yet is not there for attendees: its id (the question slugged) would say
    // what comes, and votes cast ahead of it would be counted before anyone saw it.
    if (!state || !this.reached(state.id)) return { refused: 'no such poll', status: 404 };
    if (state.closed) return { refused: 'this poll is closed', status: 409 };
    const n = typeof option === 'string' && /^\d{1,3}$/.test(option) ? Number(option) : option;
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 0 || n >= state.options.length)
      return { refused: 'no such option', status: 400 };
    return { t: 'vote', poll: state.id, device, option: n, at: at.toISOString() };
  }

  /** Checks a question: plain text, trimmed, 1 to 280 characters. */
  ask(device: string, text: unknown, at = new Date()): RoomRecord | Refusal {
    if (typeof text !== 'string') return { refused: 'a question is text', status: 400 };
    // Control characters other than line breaks have no place in a question.
    const clean = text
      .replace(/\r\n?/g, '\n')
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0009\u000b-\u001f\u007f]/g, '')
      .trim();
    if (clean.length === 0) return { refused: 'the question is empty', status: 400 };
    if ([...clean].length > QUESTION_MAX)
      return { refused: `a question has at most ${QUESTION_MAX} characters`, status: 413 };
    return { t: 'ask', id: this.questions.length + 1, device, text: clean, at: at.toISOString() };
  }

  upvote(device: string, id: unknown, at = new Date()): RoomRecord | Refusal {
    const q = this.question(id);
    if (!q || q.hidden) return { refused: 'no such question', status: 404 };
    return { t: 'upvote', id: q.id, device, at: at.toISOString() };
  }

  mark(id: unknown, change: { answered?: unknown; hidden?: unknown }, at = new Date()): RoomRecord | Refusal {
    const q = this.question(id);
    if (!q) return { refused: 'no such question', status: 404 };
    const flag = (v: unknown) => (typeof v === 'boolean' ? v : undefined);
    return { t: 'mark', id: q.id, answered: flag(change.answered), hidden: flag(change.hidden), at: at.toISOString() };
  }

  setPoll(poll: unknown, closed: boolean, at = new Date()): RoomRecord | Refusal {
    const state = typeof poll === 'string' ? this.polls.get(poll) : undefined;
    if (!state) return { refused: 'no such poll', status: 404 };
    return { t: 'poll', poll: state.id, closed, at: at.toISOString() };
  }

  /** Applies a checked (or replayed) record. */
  apply(r: RoomRecord): void {
    switch (r.t) {
      case 'vote': {
        const poll = this.polls.get(r.poll);
        if (poll && !poll.closed && r.option >= 0 && r.option < poll.options.length) poll.votes.set(r.device, r.option);
        return;
      }
      case 'poll': {
        const poll = this.polls.get(r.poll);
        if (poll) poll.closed = r.closed;
        return;
      }
      case 'ask':
        if (r.id === this.questions.length + 1)
          this.questions.push({
            id: r.id,
            text: r.text,
            at: r.at,
            device: r.device,
            upvotes: 0,
            answered: false,
            hidden: false,
            voters: new Set(),
          });
        return;
      case 'upvote': {
        const q = this.question(r.id);
        // One upvote per device, and not for one's own question.
        if (q && q.device !== r.device && !q.voters.has(r.device)) {
          q.voters.add(r.device);
          q.upvotes = q.voters.size;
        }
        return;
      }
      case 'mark': {
        const q = this.question(r.id);
        if (!q) return;
        if (r.answered !== undefined) q.answered = r.answered;
        if (r.hidden !== undefined) q.hidden = r.hidden;
        return;
      }
    }
  }

  /** The counts per option of a poll, and whether it is closed. */
  results(poll: string): { id: string; counts: number[]; total: number; closed: boolean } | undefined {
    const state = this.polls.get(poll);
    if (!state) return undefined;
    const counts = state.options.map(() => 0);
    for (const option of state.votes.values()) counts[option] = (counts[option] ?? 0) + 1;
    return { id: poll, counts, total: state.votes.size, closed: state.closed };
  }

  /** Which option a device chose in a poll, if any. */
  choice(poll: string, device: string): number | undefined {
    return this.polls.get(poll)?.votes.get(device);
  }

  /** The questions attendees see: not hidden, most upvoted first, then oldest first. */
  publicQuestions(): Question[] {
    return this.allQuestions().filter((q) => !q.hidden);
  }

  /** Every question, hidden ones too (the presenter's). */
  allQuestions(): Question[] {
    return this.questions
      .map(({ id, text, at, upvotes, answered, hidden }) => ({ id, text, at, upvotes, answered, hidden }))
      .sort((a, b) => Number(a.answered) - Number(b.answered) || b.upvotes - a.upvotes || a.id - b.id);
  }

  /** Every poll's results, in slide order (the presenter's). */
  allResults(): NonNullable<ReturnType<Room['results']>>[] {
    return [...this.polls.keys()].map((id) => this.results(id)!);
  }

  /** The results of the polls the talk has reached, in slide order (what attendees are sent). */
  reachedResults(): NonNullable<ReturnType<Room['results']>>[] {
    return this.allResults().filter((r) => this.reached(r.id));
  }

  /** The session record written when the server stops (and by `present --results` from a journal). */
  record(deck: string, endedAt = new Date()): SessionRecord {
    return {
      deck,
      startedAt: new Date(this.startedAt).toISOString(),
      endedAt: endedAt.toISOString(),
      polls: [...this.polls.values()].map((p) => ({
        id: p.id,
        question: p.question,
        options: p.options.map((label, i) => ({ label, votes: this.results(p.id)!.counts[i] ?? 0 })),
        voters: p.votes.size,
        closed: p.closed,
      })),
      questions: this.allQuestions(),
    };
  }

  private question(id: unknown): (typeof this.questions)[number] | undefined {
    const n = typeof id === 'string' && /^\d{1,6}$/.test(id) ? Number(id) : id;
    return typeof n === 'number' && Number.isInteger(n) ? this.questions[n - 1] : undefined;
  }
}

export interface SessionRecord {
  deck: string;
  startedAt: string;
  endedAt: string;
  polls: {
    id: string;
    question: string;
    options: { label: string; votes: number }[];
    voters: number;
    closed: boolean;
  }[];
  questions: Question[];
}

export function refused(x: RoomRecord | Refusal): x is Refusal {
  return 'refused' in x;
}
