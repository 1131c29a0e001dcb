// Importers of the occupation databases a user downloaded: files in, role drafts out, no network.
import { CareerdeckError } from '../errors.js';
import type { RoleDraft } from './draft.js';
import { escoDraft } from './esco.js';
import { onetDraft } from './onet.js';
import { readProjections, socOf } from './projections.js';

export type { RoleDraft } from './draft.js';
export { onetDraft, onetVersion, ONET_FILES } from './onet.js';
export { type Projection, readProjections, socOf } from './projections.js';

export interface ImportRequest {
  /** `onet:15-2051.00` */
  from?: string | undefined;
  /** The unpacked database folder. */
  data?: string | undefined;
  /** The BLS projections table (CSV), for outlook and pay. */
  projections?: string | undefined;
  /** ESCO: the language of the CSV files to read (`occupations_<lang>.csv`). */
  lang?: string | undefined;
}

/** A draft from `--from <source>:<code> --data <folder>`, with the BLS figures when a table is given. */
export async function importDraft(request: ImportRequest): Promise<RoleDraft> {
  const match = request.from?.match(/^(onet|esco):(.+)$/);
  if (!match)
    throw new CareerdeckError(
      'USAGE',
      `--from must be onet:<O*NET-SOC code> or esco:<ESCO code, ISCO-08 code or URI> (such as onet:15-2051.00); got "${request.from ?? ''}"`,
    );
  if (!request.data)
    throw new CareerdeckError(
      'USAGE',
      `--from ${request.from} needs --data <folder>: the database you downloaded and unpacked (see docs/data.md)`,
    );
  const [, kind, code] = match;
  const draft =
    kind === 'esco'
      ? await escoDraft(request.data, code!.trim(), request.lang)
      : await onetDraft(request.data, code!.trim());
  if (request.projections && draft.soc) {
    const figures = (await readProjections(request.projections)).get(socOf(draft.soc));
    if (figures) {
      draft.outlook = figures.outlook;
      draft.pay = figures.pay;
    }
  }
  return draft;
}
export { type FigureChange, type RefreshedFile, refreshRoles } from './refresh.js';
export { onetSource } from './onet.js';
