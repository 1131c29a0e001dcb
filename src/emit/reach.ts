import { performance } from 'node:perf_hooks';
import type { Comparison } from '../compare/compare.js';
import type { RenderedDeck } from '../render/render.js';
import type { Diagnostic } from '../errors.js';
import { assetHref, blockImages, type OutputChoice } from '../model/index.js';
import type { Asset } from './assets.js';
import { outputName } from './names.js';
import { oneFileDeck } from './one-file.js';
import type { ContentPicture, Picture } from './pptx/pptx.js';
import type { SlideImage } from './slide-images.js';

/** What the browser makes for outputs other than PDFs: slide pictures, the logo as a PNG for the PowerPoint. */
export interface BrowserExtras {
  images: SlideImage[];
  logo?: Picture | undefined;
  /** The pictures the slides show, by their `<img src>`, for the PowerPoint. */
  pictures?: ReadonlyMap<string, ContentPicture> | undefined;
}

export interface ReachFile {
  name: string;
  bytes: Uint8Array | string;
  ms: number;
}

/**
 * The outputs beyond the browser that are wanted, made from the deck as fitted: the PowerPoint,
 * the one-file deck, and the slide pictures the browser took (see printDeck).
 */
export async function reachFiles(
  c: Comparison,
  r: RenderedDeck,
  wanted: ReadonlySet<OutputChoice>,
  assets: readonly Asset[],
  date: Date,
  extras: BrowserExtras | undefined,
  warn: (warning: Diagnostic) => void = () => undefined,
): Promise<ReachFile[]> {
  const files: ReachFile[] = [];
  const slug = c.deck.slug;
  if (wanted.has('pptx')) {
    const started = performance.now();
    // pptxgenjs, JSZip and the QR encoder are loaded only by a build that makes a PowerPoint.
    const [{ qrPicture }, { buildPptx }] = await Promise.all([import('./pptx/pictures.js'), import('./pptx/pptx.js')]);
    const qr = c.deck.url && c.deck.qr ? { picture: await qrPicture(c.deck.url), url: c.deck.url } : undefined;
    const said = new Set<string>();
    const bytes = await buildPptx({
      c,
      view: r.view,
      logo: extras?.logo,
      pictures: extras?.pictures,
      // Said once per picture, at the line that shows it.
      warn: (src, message) => {
        if (said.has(src)) return;
        said.add(src);
        const use = c.roles
          .flatMap((role) => role.sections.flatMap((s) => s.blocks.flatMap(blockImages)))
          .concat(c.deck.sections.flatMap((s) => s.blocks.flatMap(blockImages)))
          .find((image) => assetHref(image.asset) === src);
        warn({ file: use?.file ?? c.deck.file, line: use?.line, severity: 'warning', message });
      },
      qr,
      date,
    });
    files.push({ name: outputName(slug, 'pptx'), bytes, ms: performance.now() - started });
    performance.measure(`${outputName(slug, 'pptx')}: made (with its imports)`, { start: started });
  }
  if (wanted.has('html')) {
    const started = performance.now();
    files.push({ name: outputName(slug, 'html'), bytes: oneFileDeck(r.deck, assets), ms: performance.now() - started });
  }
  // The thumbnail last: it is the one the build state records, so it is written after the slides.
  const images = [...(extras?.images ?? [])].sort(
    (a, b) => Number(a.name === outputName(slug, 'images')) - Number(b.name === outputName(slug, 'images')),
  );
  for (const image of images) files.push({ name: image.name, bytes: image.bytes, ms: 0 });
  return files;
}
