import type { BrowserSession, Site } from '../browser/session.js';
import type { Comparison } from '../compare/compare.js';
import type { Diagnostic } from '../errors.js';
import type { OutputChoice } from '../model/outputs.js';
import type { RenderedDeck } from '../render/render.js';
import type { Asset } from './assets.js';
import { contentPictures, logoPicture, picturesIn } from './pptx/pictures.js';
import type { BrowserExtras, ReachFile } from './reach.js';
import { slideImages } from './slide-images.js';

/**
 * What is made from the fitted deck in the browser besides PDFs: the slide pictures, the pictures
 * the PowerPoint embeds (the logo, SVG and oversized content images as PNG), then the PowerPoint
 * and the one-file deck themselves. Run while the other PDFs still print.
 */
export async function fittedExtras(
  browser: { session: BrowserSession; site: Site; timeoutMs: number },
  c: Comparison,
  fitted: RenderedDeck,
  wanted: ReadonlySet<OutputChoice>,
  assets: readonly Asset[],
  date: Date,
  warn: (d: Diagnostic) => void,
): Promise<{ extras: BrowserExtras; reach: ReachFile[] }> {
  const { session, site, timeoutMs } = browser;
  const logo = c.deck.brand?.logo;
  const shown = picturesIn(fitted.view.slides);
  const [images, logoPng, pictures] = await Promise.all([
    wanted.has('images') ? slideImages(session, site, timeoutMs) : Promise.resolve([]),
    wanted.has('pptx') && logo ? logoPicture(session, site, logo.asset, timeoutMs) : Promise.resolve(undefined),
    wanted.has('pptx') && shown.length > 0
      ? contentPictures(session, site, shown, timeoutMs)
      : Promise.resolve(undefined),
  ]);
  const kinds = new Set([...wanted].filter((kind) => kind === 'pptx' || kind === 'html'));
  const { reachFiles } = await import('./reach.js');
  const reach = await reachFiles(c, fitted, kinds, assets, date, { images: [], logo: logoPng, pictures }, warn);
  return { extras: { images, logo: logoPng }, reach };
}
