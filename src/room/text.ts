import { fillLabel, type Labels } from '../model/labels.js';
import type { DeckLocale } from '../render/locale.js';

/**
 * The room's words in the deck's language: its labels (src/model/catalogues/, the deck's
 * `labels:` over them) and its numbers through Intl, as the deck writes them.
 */
export class RoomText {
  readonly labels: Labels;
  readonly lang: string;

  /** The deck's locale (render/locale.ts), the same the views and the PowerPoint write with. */
  constructor(private readonly locale: DeckLocale) {
    this.labels = locale.labels;
    this.lang = locale.lang;
  }

  /** A number as the deck's language writes it (`1,234`, `1.234`, `١٬٢٣٤` for ar-EG). */
  number(n: number): string {
    return this.locale.number(n);
  }

  /** A label with its slots filled; numbers among the values are written in the deck's way. */
  fill(text: string, values: Readonly<Record<string, string | number>>): string {
    return fillLabel(
      text,
      Object.fromEntries(Object.entries(values).map(([k, v]) => [k, typeof v === 'number' ? this.number(v) : v])),
    );
  }

  /** What the audience page's script says by itself (it fills the slots with the same Intl numbers). */
  audienceScript(): Record<string, string> {
    const { labels } = this;
    return {
      live: labels.roomLive,
      liveAt: labels.roomLiveAt,
      pagedBack: labels.roomPagedBack,
      reconnecting: labels.roomReconnecting,
      yourVote: labels.roomYourVote,
      yourVoteOpen: labels.roomYourVoteOpen,
      votes: labels.roomVotes,
      upvote: labels.roomUpvote,
      answered: labels.roomAnswered,
      questionSent: labels.roomQuestionSent,
      notSent: labels.roomNotSent,
      offline: labels.roomOffline,
    };
  }

  /** What the remote's and the presenter deck's scripts say (the speaker view is drawn by the deck's). */
  presenterScript(): Record<string, string> {
    const { labels } = this;
    return {
      connected: labels.roomConnected,
      reconnecting: labels.roomReconnecting,
      wrongKey: labels.roomWrongKey,
      noKey: labels.roomNoKey,
      upNext: labels.roomUpNext,
      end: labels.roomEnd,
      following: labels.roomFollowing,
      timeLeft: labels.roomTimeLeft,
      ahead: labels.roomAhead,
      behind: labels.roomBehind,
      poll: labels.roomPoll,
      votes: labels.roomVotes,
      closePoll: labels.roomClosePoll,
      pollClosed: labels.roomPollClosed,
      reopenPoll: labels.roomReopenPoll,
      questions: labels.roomQuestions,
      noQuestions: labels.roomNoQuestions,
      answered: labels.roomAnswered,
      hidden: labels.roomHidden,
      markAnswered: labels.roomMarkAnswered,
      markUnanswered: labels.roomMarkUnanswered,
      hide: labels.roomHide,
      show: labels.roomShow,
      remote: labels.roomRemote,
      join: labels.roomJoin,
      joinKey: labels.roomJoinKey,
      notesFailed: labels.roomNotesFailed,
      qrCode: labels.qrCode,
    };
  }
}

/**
 * Words for a page's script, as a JSON data block: never run (so the pages' policy, which allows
 * no inline script, lets it be) and read by the script with JSON.parse. `<` is escaped so that no
 * label can end the block.
 */
export function scriptTextBlock(words: Record<string, string>): string {
  return `<script type="application/json" id="room-text">${JSON.stringify(words).replace(/</g, '\\u003c')}</script>`;
}
