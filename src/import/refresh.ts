import { isMap, isScalar, type Document } from 'yaml';
import { parseFrontMatter } from '../load/front-matter.js';
import type { SourceFile } from '../load/source.js';
import type { SourceRef } from '../model/index.js';
import { type Projection, socOf } from './projections.js';

/** One figure that changes: which role file, which key, from what to what. */
export interface FigureChange {
  file: string;
  slug: string;
  field: string;
  old: string;
  new: string;
}

/** A role file whose figures change: its new text, every comment and the body kept as they were. */
export interface RefreshedFile {
  file: string;
  text: string;
  changes: FigureChange[];
}

export interface RefreshSources {
  projections?: ReadonlyMap<string, Projection> | undefined;
  /** The O*NET release's source entry (onetSource), when --onet is given. */
  onet?: Required<SourceRef> | undefined;
}

const OUTLOOK_KEYS = ['growth', 'period', 'source'] as const;
const PAY_KEYS = ['amount', 'currency', 'year', 'area', 'source'] as const;

/**
 * New figures for every role that names a `soc:` code. Only figures are touched (outlook growth,
 * period and source; pay; the O*NET source entry), never prose: the edit goes through the yaml
 * package's Document, so comments, key order and quoting of everything else stay as written.
 */
export function refreshRoles(files: readonly SourceFile[], sources: RefreshSources): RefreshedFile[] {
  const refreshed: RefreshedFile[] = [];
  for (const source of files.filter((f) => f.kind === 'role')) {
    const outcome = parseFrontMatter(source);
    if (!outcome.ok) continue;
    const doc = outcome.file.yaml;
    const soc = doc.get('soc');
    if (typeof soc !== 'string' && typeof doc.get('esco') !== 'string') continue;
    const changes: FigureChange[] = [];
    const set = (path: (string | number)[], value: unknown) => {
      const old = doc.getIn(path);
      if (value === undefined || old === value) return;
      changes.push({ file: source.path, slug: source.slug, field: path.join('.'), old: show(old), new: show(value) });
      // The scalar keeps its quoting and any comment beside it; only its value changes.
      const node = doc.getIn(path, true);
      if (isScalar(node)) node.value = value;
      else doc.setIn(path, value);
    };
    const figures = typeof soc === 'string' ? sources.projections?.get(socOf(soc)) : undefined;
    if (figures) {
      for (const key of OUTLOOK_KEYS) set(['outlook', key], figures.outlook[key]);
      // An outlook dated by asOf is now dated by the new period: a stale asOf would contradict it.
      if (doc.hasIn(['outlook', 'asOf']) && changes.length > 0) doc.deleteIn(['outlook', 'asOf']);
      if (figures.pay) for (const key of PAY_KEYS) set(['pay', key], figures.pay[key]);
    }
    if (sources.onet)
      refreshOnetSource(doc, sources.onet, (field, old, value) =>
        changes.push({ file: source.path, slug: source.slug, field, old, new: value }),
      );
    if (changes.length === 0) continue;
    refreshed.push({ file: source.path, text: withFrontMatter(source, outcome.file.yamlFirstLine, doc), changes });
  }
  return refreshed;
}

/** The `sources:` entry of an older O*NET release, brought to the given one. */
function refreshOnetSource(
  doc: Document.Parsed,
  onet: Required<SourceRef>,
  changed: (field: string, old: string, value: string) => void,
): void {
  const list = doc.get('sources');
  if (!list || typeof list !== 'object' || !('items' in list)) return;
  (list.items as unknown[]).forEach((item, index) => {
    if (!isMap(item)) return;
    const title = item.get('title');
    if (typeof title !== 'string' || !title.startsWith('O*NET ') || title === onet.title) return;
    changed(`sources.${index}.title`, title, onet.title);
    for (const key of ['title', 'date', 'licence'] as const) item.set(key, onet[key]);
  });
}

/** The file with its front matter replaced: the fences and the body byte for byte as they were. */
function withFrontMatter(source: SourceFile, yamlFirstLine: number, doc: Document.Parsed): string {
  const text = new TextDecoder().decode(source.bytes);
  const lines = text.split(/(?<=\n)/);
  const close = lines.findIndex((line, i) => i >= yamlFirstLine - 1 && /^(---|\.\.\.)[ \t]*\r?$/.test(line.trimEnd()));
  return [...lines.slice(0, yamlFirstLine - 1), doc.toString({ lineWidth: 0 }), ...lines.slice(close)].join('');
}

function show(value: unknown): string {
  return value === undefined ? '(none)' : String(value);
}
