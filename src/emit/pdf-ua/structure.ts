import type { PdfObject } from '../pdf-outline.js';
import type { PdfObjects } from './objects.js';
import { dict, entry, name, nameOf, type PdfValue, ref, writeValue } from './values.js';

/** The standard structure types of PDF 1.7 (ISO 32000-1, 14.8.4), on which PDF/UA-1 builds. */
export const STANDARD_TYPES = new Set(
  (
    'Document Part Art Sect Div BlockQuote Caption TOC TOCI Index NonStruct Private P H H1 H2 H3 H4 H5 H6 ' +
    'L LI Lbl LBody Table TR TH TD THead TBody TFoot Span Quote Note Reference BibEntry Code Link Annot ' +
    'Ruby RB RT RP Warichu WT WP Figure Formula Form'
  ).split(' '),
);

/** What a non-standard type that Chromium writes means in standard terms; anything else is a Span. */
const ROLES: Record<string, string> = {
  Strong: 'Span',
  Em: 'Span',
  Title: 'H1',
  Aside: 'Sect',
  FENote: 'Note',
  Sub: 'Span',
};

/** Keys that give a NonStruct element a meaning of its own, so that it is kept. */
const MEANINGFUL = ['Alt', 'ActualText', 'ID', 'A', 'C', 'Lang', 'E', 'T'];

/**
 * The structure tree, made conformant and readable:
 * - every non-standard type is role-mapped (PDF/UA-1 7.1; Chromium writes /Strong for <strong>);
 * - NonStruct wrappers without a meaning of their own are removed, their kids given to their
 *   parent, so that a screen reader's tree is the document's outline (Chromium wraps every run of
 *   text in one: half of a slides PDF's elements). The parent tree and outline items that pointed
 *   at a removed element point at the element that took its kids.
 */
export function structureObjects(pdf: PdfObjects): PdfObject[] {
  const catalog = pdf.get(pdf.root() ?? -1);
  const rootRef = entry(catalog, 'StructTreeRoot');
  const root = pdf.resolve(rootRef);
  if (rootRef?.t !== 'ref' || root?.t !== 'dict') return [];
  const elems = new Map<number, Map<string, PdfValue>>();
  for (const n of pdf.numbers()) {
    if (!pdf.looksLike(n, '/StructElem')) continue;
    const value = pdf.get(n);
    if (value?.t === 'dict' && nameOf(value.entries.get('Type')) === 'StructElem') elems.set(n, value.entries);
  }
  const parentOf = (n: number) => {
    const p = elems.get(n)?.get('P');
    return p?.t === 'ref' ? p.n : undefined;
  };
  const removable = (n: number) => {
    const e = elems.get(n)!;
    const parent = parentOf(n);
    return (
      nameOf(e.get('S')) === 'NonStruct' &&
      parent !== undefined &&
      elems.has(parent) &&
      !MEANINGFUL.some((k) => e.has(k))
    );
  };
  const removed = new Set([...elems.keys()].filter(removable));
  const survivor = (n: number): number => {
    let at = n;
    for (let i = 0; removed.has(at) && i < 64; i++) at = parentOf(at)!;
    return at;
  };

  const changed = new Set<number>();
  const roleMap = new Map<string, PdfValue>();
  for (const [n, e] of elems) {
    if (removed.has(n)) continue;
    const type = nameOf(e.get('S'));
    if (type && !STANDARD_TYPES.has(type)) roleMap.set(type, name(ROLES[type] ?? 'Span'));
    const kids = listOf(e.get('K'));
    if (!kids.some((k) => k.t === 'ref' && removed.has(k.n))) continue;
    // An element that held only wrappers takes the page of the first one, so that its marked
    // content stays plain MCIDs (those on another page become marked-content references).
    const firstLifted = kids.find((k) => k.t === 'ref' && removed.has(k.n));
    const pg = e.get('Pg') ?? (firstLifted?.t === 'ref' ? elems.get(firstLifted.n)!.get('Pg') : undefined);
    if (pg && !e.has('Pg')) e.set('Pg', pg);
    const flat = kids.flatMap((k) => (k.t === 'ref' && removed.has(k.n) ? lifted(k.n, pg) : [k]));
    e.set('K', flat.length === 1 ? flat[0]! : { t: 'array', items: flat });
    changed.add(n);
    for (const kid of flat) {
      if (kid.t !== 'ref' || !elems.has(kid.n) || parentOf(kid.n) === n) continue;
      elems.get(kid.n)!.set('P', ref(n));
      changed.add(kid.n);
    }
  }

  /** The kids of removed element `n`, ready to sit in an element whose page is `targetPg`. */
  function lifted(n: number, targetPg: PdfValue | undefined): PdfValue[] {
    const e = elems.get(n)!;
    const pg = e.get('Pg');
    const samePage = pg !== undefined && targetPg !== undefined && writeValue(pg) === writeValue(targetPg);
    return listOf(e.get('K')).flatMap((k): PdfValue[] => {
      if (k.t === 'ref' && removed.has(k.n)) return lifted(k.n, targetPg);
      if (k.t === 'num' && pg && !samePage) return [dict({ Type: name('MCR'), Pg: pg, MCID: k })];
      if (k.t === 'dict' && pg && !samePage && !k.entries.has('Pg')) {
        const copy = new Map(k.entries);
        copy.set('Pg', pg);
        return [{ t: 'dict', entries: copy }];
      }
      return [k];
    });
  }

  const out: PdfObject[] = [...changed]
    .sort((a, b) => a - b)
    .map((n) => ({ number: n, body: writeValue({ t: 'dict', entries: elems.get(n)! }) }));
  out.push(...parentTreeObjects(pdf, entry(root, 'ParentTree'), removed, survivor));
  out.push(...outlineItemObjects(pdf, catalog, removed, survivor));
  if (roleMap.size > 0) {
    const entries = new Map(root.entries);
    const existing = pdf.resolve(entries.get('RoleMap'));
    entries.set('RoleMap', {
      t: 'dict',
      entries: new Map([...(existing?.t === 'dict' ? existing.entries : []), ...roleMap]),
    });
    out.push({ number: rootRef.n, body: writeValue({ t: 'dict', entries }) });
  }
  return out;
}

function listOf(value: PdfValue | undefined): PdfValue[] {
  if (value === undefined) return [];
  return value.t === 'array' ? value.items : [value];
}

/** Rewrites the parent tree's nodes and arrays that name a removed element. */
function parentTreeObjects(
  pdf: PdfObjects,
  treeRef: PdfValue | undefined,
  removed: ReadonlySet<number>,
  survivor: (n: number) => number,
): PdfObject[] {
  const out: PdfObject[] = [];
  const swap = (v: PdfValue): { value: PdfValue; hit: boolean } => {
    if (v.t === 'ref' && removed.has(v.n)) return { value: ref(survivor(v.n)), hit: true };
    if (v.t === 'array') {
      const items = v.items.map(swap);
      return { value: { t: 'array', items: items.map((i) => i.value) }, hit: items.some((i) => i.hit) };
    }
    return { value: v, hit: false };
  };
  const visit = (nodeRef: PdfValue | undefined, depth: number) => {
    if (nodeRef?.t !== 'ref' || depth > 16) return;
    const node = pdf.get(nodeRef.n);
    if (node?.t !== 'dict') return;
    for (const kid of listOf(node.entries.get('Kids'))) visit(kid, depth + 1);
    const nums = node.entries.get('Nums');
    if (nums?.t !== 'array') return;
    let hit = false;
    const items = nums.items.map((item, i) => {
      if (i % 2 === 0) return item;
      if (item.t === 'ref' && !removed.has(item.n)) {
        // An indirect array of the elements of one page's marked content.
        const target = pdf.get(item.n);
        if (target?.t === 'array') {
          const swapped = swap(target);
          if (swapped.hit) out.push({ number: item.n, body: writeValue(swapped.value) });
        }
        return item;
      }
      const swapped = swap(item);
      hit ||= swapped.hit;
      return swapped.value;
    });
    if (hit) {
      const entries = new Map(node.entries);
      entries.set('Nums', { t: 'array', items });
      out.push({ number: nodeRef.n, body: writeValue({ t: 'dict', entries }) });
    }
  };
  visit(treeRef, 0);
  return out;
}

/** Outline items whose /SE (the structure element they open) was removed. */
function outlineItemObjects(
  pdf: PdfObjects,
  catalog: PdfValue | undefined,
  removed: ReadonlySet<number>,
  survivor: (n: number) => number,
): PdfObject[] {
  const out: PdfObject[] = [];
  const seen = new Set<number>();
  const visit = (itemRef: PdfValue | undefined) => {
    for (let at = itemRef; at?.t === 'ref' && !seen.has(at.n);) {
      seen.add(at.n);
      const item = pdf.get(at.n);
      if (item?.t !== 'dict') return;
      const se = item.entries.get('SE');
      if (se?.t === 'ref' && removed.has(se.n)) {
        const entries = new Map(item.entries);
        entries.set('SE', ref(survivor(se.n)));
        out.push({ number: at.n, body: writeValue({ t: 'dict', entries }) });
      }
      visit(item.entries.get('First'));
      at = item.entries.get('Next');
    }
  };
  const outlines = pdf.resolve(entry(catalog, 'Outlines'));
  visit(entry(outlines, 'First'));
  return out;
}
