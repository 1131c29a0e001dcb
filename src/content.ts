import { ContentError } from './errors.js';
import type { Asset } from './emit/assets.js';
import type { ContentModel } from './model/index.js';
import { readContentDir } from './load/read.js';
import type { DeckSettings } from './model/index.js';
import { type BuildScope, validateContent } from './validate/validate.js';

/**
 * Reads and validates the content folder: load, then validate. Throws ContentError. A build
 * passes its scope: only the decks it builds and the roles they use can fail it.
 */
export async function loadModel(contentDir: string, settings: DeckSettings = {}, scope?: BuildScope): Promise<ContentModel> {
  const { files, diagnostics } = await readContentDir(contentDir);
  return validateContent(files, diagnostics, contentDir, settings, scope);
}

/** The images the content shows, read and checked; a missing or outside one is a content error. */
export async function loadImages(model: ContentModel, contentDir: string): Promise<Asset[]> {
  const { readImages } = await import('./load/images.js');
  const { assets, diagnostics } = await readImages(model.images, contentDir);
  if (diagnostics.length > 0) throw new ContentError(diagnostics);
  return assets;
}
