import type { ContentModel } from './validate/model.js';
import { readContentDir } from './load/read.js';
import { type DeckSettings, validateContent } from './validate/validate.js';

/** Reads and validates the content folder: load, then validate. Throws ContentError. */
export async function loadModel(contentDir: string, settings: DeckSettings = {}): Promise<ContentModel> {
  const { files, diagnostics } = await readContentDir(contentDir);
  return validateContent(files, diagnostics, contentDir, settings);
}
