import { sectionNotes, withDeckNotes } from './notes.js';
import type { ContentModel, Deck, Keyword, Outlook, Role, Section } from '../model/index.js';

/** A keyword some but not all roles share, with the indexes of those roles. */
export interface PartialShare {
  keyword: Keyword;
  roles: number[];
}

export interface Overlap {
  /** Keywords every role of the deck has. */
  shared: Keyword[];
  /** Keywords two or more roles have, but not all (only with three roles or more). */
  partial: PartialShare[];
  /** For each role, in deck order, the keywords no other role has. */
  unique: Keyword[][];
}

export interface AlignedSection {
  id: string;
  title: string;
  /** One cell per deck role, in deck order; undefined where a role lacks the section. */
  cells: (Section | undefined)[];
  /** The deck's own speaker note for the section as a whole, as Markdown (role notes are in the cells). */
  notes: string[];
  overlap: Overlap;
}

export interface OutlookBar extends Outlook {
  /** The role's short label. */
  role: string;
  /** The role's position in the deck, which picks its colour. */
  index: number;
}

/** What render needs for one deck: its roles and sections aligned, and what they share. */
export interface Comparison {
  deck: Deck;
  roles: Role[];
  sections: AlignedSection[];
  /** Outlook figures of the roles that have them, in deck order. */
  outlook: OutlookBar[];
  /**
   * The roles without an outlook figure when others have one: every comparison view names them
   * ("no figure") rather than leave them out without a word (issue 23). Empty when no role has one.
   */
  noOutlook: { role: string; index: number }[];
  /** The section the outlook chart follows: `outlook` when compared, else the last section. */
  chartAfter: string | undefined;
  /** The deck's own prose split by place: after the agenda, after the comparison, at the end. */
  prose: { opening: Section | undefined; middle: Section[]; closing: Section | undefined };
}

export function compareDeck(deck: Deck, model: ContentModel): Comparison {
  const roles = deck.roles.map((slug) => {
    const role = model.roles.get(slug);
    if (!role) throw new Error(`deck ${deck.slug} names role ${slug}, which validation should have rejected`);
    return role;
  });
  const sections = deck.sectionIds.map((id) => {
    const cells = roles.map((role) =>
      withDeckNotes(
        role.sections.find((s) => s.id === id),
        deck.notes,
        role.slug,
      ),
    );
    const title = cells.find((c) => c !== undefined)?.title ?? id;
    return { id, title, cells, notes: sectionNotes(deck.notes, id), overlap: overlap(cells.map(sectionKeywords)) };
  });
  const outlook = roles.flatMap((role, index) => (role.outlook ? [{ ...role.outlook, role: role.short, index }] : []));
  const noOutlook =
    outlook.length === 0 ? [] : roles.flatMap((role, index) => (role.outlook ? [] : [{ role: role.short, index }]));
  const chartAfter =
    outlook.length === 0 ? undefined : sections.some((s) => s.id === 'outlook') ? 'outlook' : sections.at(-1)?.id;
  const [opening, ...middle] = deck.sections;
  const closing = middle.length > 0 ? middle.pop() : undefined;
  return { deck, roles, sections, outlook, noOutlook, chartAfter, prose: { opening, middle, closing } };
}

export function sectionKeywords(section: Section | undefined): Keyword[] {
  const found = new Map<string, Keyword>();
  for (const block of section?.blocks ?? []) {
    if (block.kind !== 'list') continue;
    for (const item of block.items) for (const k of item.keywords) if (!found.has(k.key)) found.set(k.key, k);
  }
  return [...found.values()];
}

/** Splits keyword sets, one per role, into shared by all, shared by some, and unique to one. */
export function overlap(perRole: Keyword[][]): Overlap {
  const holders = new Map<string, { keyword: Keyword; roles: number[] }>();
  perRole.forEach((keywords, index) => {
    for (const keyword of keywords) {
      const entry = holders.get(keyword.key) ?? { keyword, roles: [] };
      if (!entry.roles.includes(index)) entry.roles.push(index);
      holders.set(keyword.key, entry);
    }
  });
  const entries = [...holders.values()];
  return {
    shared: entries.filter((e) => e.roles.length === perRole.length && perRole.length > 1).map((e) => e.keyword),
    partial: entries.filter((e) => e.roles.length > 1 && e.roles.length < perRole.length),
    unique: perRole.map((_, index) =>
      entries.filter((e) => e.roles.length === 1 && e.roles[0] === index).map((e) => e.keyword),
    ),
  };
}

/** Every deck of the model, or only the one asked for. */
export function compareAll(model: ContentModel, only?: string): Comparison[] {
  return model.decks.filter((d) => only === undefined || d.slug === only).map((deck) => compareDeck(deck, model));
}
