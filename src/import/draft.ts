import type { Outlook, Pay, SourceRef } from '../model/index.js';

/** What an importer read for one occupation: a role file's parts, before they are written. */
export interface RoleDraft {
  title: string;
  summary?: string | undefined;
  soc?: string | undefined;
  esco?: string | undefined;
  outlook?: Outlook | undefined;
  pay?: Pay | undefined;
  sections: DraftSection[];
  sources: SourceRef[];
}

export interface DraftSection {
  heading: string;
  paragraphs: string[];
  /** List items as Markdown, key terms already in bold. */
  items: string[];
}

/** Markdown emphasis characters in imported text would change its meaning: escape them. */
export function markdownText(text: string): string {
  return text.replace(/([\\`*_[\]<>#|])/g, '\\$1').trim();
}

/** A key term in bold: what the comparison matches across roles. */
export function bold(term: string): string {
  return `**${markdownText(term)}**`;
}

/** The first sentence of a description: the role's one-line summary. */
export function firstSentence(text: string): string {
  return (text.match(/^.*?[.!?](?=\s|$)/)?.[0] ?? text).trim();
}
