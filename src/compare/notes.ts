import type { DeckNote, Section } from '../model/index.js';

/**
 * A role's section as this deck shows it: the role's note with the deck's notes for it applied.
 * A note for the whole section that replaces clears every role's note there (the deck's own
 * note, from sectionNotes, takes their place). The role's file is not changed: other decks keep
 * its note as written.
 */
export function withDeckNotes(
  cell: Section | undefined,
  notes: readonly DeckNote[],
  role: string,
): Section | undefined {
  if (cell === undefined) return undefined;
  const mine = notes.filter(
    (n) => n.section === cell.id && (n.role === undefined ? n.mode === 'replace' : n.role === role),
  );
  if (mine.length === 0) return cell;
  let text = cell.notes;
  for (const note of mine) {
    if (note.role === undefined) text = [];
    else text = note.mode === 'replace' ? note.markdown : [...text, ...note.markdown];
  }
  return { ...cell, notes: text };
}

/** The deck's own note for a compared section as a whole (not for one role), as Markdown. */
export function sectionNotes(notes: readonly DeckNote[], section: string): string[] {
  return notes.filter((n) => n.section === section && n.role === undefined).flatMap((n) => n.markdown);
}
