import type { SessionRecord } from './state.js';

/** A session record as text for the terminal: each poll's counts with a bar, then the questions. */
export function resultsSummary(record: SessionRecord): string {
  const lines = [`${record.deck}: session from ${record.startedAt} to ${record.endedAt}`];
  for (const poll of record.polls) {
    lines.push(
      '',
      `Poll: ${poll.question} (${poll.voters} vote${poll.voters === 1 ? '' : 's'}${poll.closed ? ', closed' : ''})`,
    );
    const width = Math.max(...poll.options.map((o) => [...o.label].length));
    for (const o of poll.options) {
      const share = poll.voters === 0 ? 0 : o.votes / poll.voters;
      lines.push(
        `  ${o.label.padEnd(width)}  ${'#'.repeat(Math.round(share * 30)).padEnd(30)} ${o.votes} (${Math.round(share * 100)}%)`,
      );
    }
  }
  const questions = record.questions.filter((q) => !q.hidden);
  lines.push(
    '',
    `Questions: ${questions.length}${record.questions.length > questions.length ? ` (${record.questions.length - questions.length} hidden)` : ''}`,
  );
  for (const q of questions)
    lines.push(`  [${q.upvotes}]${q.answered ? ' (answered)' : ''} ${q.text.replace(/\s+/g, ' ')}`);
  return lines.join('\n');
}
