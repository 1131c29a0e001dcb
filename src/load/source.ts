/** A content file as read: its path for messages, its kind and slug, and its bytes. */
export interface SourceFile {
  /** Path shown in messages, relative to the working directory when inside it. */
  path: string;
  kind: 'role' | 'deck';
  /** The file name without `.md`: how decks refer to roles and how outputs are named. */
  slug: string;
  bytes: Uint8Array;
}
