import { ContentError, failOnWarnings, partition } from './errors.js';
import type { Asset } from './emit/assets.js';
import type { ContentModel, DeckSettings } from './model/index.js';
import { DEFAULT_LIMITS, type Limits } from './load/limits.js';
import { readContentDir } from './load/read.js';
import { type BuildScope, checkContent } from './validate/validate.js';

// The images read while a model was checked, so that loadImages does not read them again.
const imagesOf = new WeakMap<ContentModel, Asset[]>();

/**
 * Reads and validates the content folder and the images it shows: load, validate, then read the
 * images. Every problem of every kind (YAML, schema, a missing image, a link out of the folder)
 * is thrown together in one ContentError, so that one run lists them all. A build passes its
 * scope: only the decks it builds and the roles they use can fail it.
 */
export async function loadModel(
  contentDir: string,
  settings: DeckSettings = {},
  scope?: BuildScope,
  limits: Limits = DEFAULT_LIMITS,
): Promise<ContentModel> {
  const { files, diagnostics: unread } = await readContentDir(contentDir, process.cwd(), limits.fileBytes);
  const { model, diagnostics } = checkContent(files, unread, contentDir, settings, scope, limits);
  const { readImages } = await import('./load/images.js');
  const images = await readImages(model.images, contentDir);
  const all = [...diagnostics, ...images.diagnostics];
  const { errors, warnings } = partition(all);
  if (errors.length > 0) throw new ContentError(all);
  const checked = { ...model, warnings };
  imagesOf.set(checked, images.assets);
  return checked;
}

/**
 * `careerdeck check`: the content folder and the images it shows, read and validated as a build
 * would read them; with `strict`, warnings fail as errors, as they fail a build.
 */
export async function checkModel(
  contentDir: string,
  settings: DeckSettings = {},
  options: { strict?: boolean | undefined } = {},
): Promise<ContentModel> {
  const model = await loadModel(contentDir, settings);
  failOnWarnings(model.warnings, options.strict);
  return model;
}

/** The images the content shows, as loadModel read and checked them (read again for a model made elsewhere). */
export async function loadImages(model: ContentModel, contentDir: string): Promise<Asset[]> {
  const known = imagesOf.get(model);
  if (known) return known;
  const { readImages } = await import('./load/images.js');
  const { assets, diagnostics } = await readImages(model.images, contentDir);
  if (partition(diagnostics).errors.length > 0) throw new ContentError(diagnostics);
  return assets;
}
