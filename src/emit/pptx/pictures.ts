import { type BrowserSession, ORIGIN, type Site } from '../../browser/session.js';
import type { SlideView } from '../../render/deck-view.js';
import type { ContentPicture, Picture } from './pptx.js';

/** Logo pictures are drawn this tall: sharp at the 0.32 in they take on a slide, even projected. */
const LOGO_HEIGHT = 160;

/**
 * The brand's logo as a PNG that PowerPoint shows anywhere. The browser draws it (an SVG logo
 * included: pptxgenjs can embed SVG only with a PNG copy that it makes with a browser canvas),
 * so its size and aspect are those the deck shows.
 */
export async function logoPicture(
  session: BrowserSession,
  site: Site,
  assetPath: string,
  timeoutMs: number,
): Promise<Picture> {
  return session.withPage(site, async (page) => {
    await page.goto(`${ORIGIN}/${assetPath.split('/').map(encodeURIComponent).join('/')}`, {
      waitUntil: 'load',
      timeout: timeoutMs,
    });
    const { url, aspect } = await page.evaluate(async (height) => {
      const img = new Image();
      img.src = location.href;
      await img.decode();
      // An SVG without width and height has no natural size: the browser's 300 x 150 default.
      const aspect = img.naturalWidth > 0 && img.naturalHeight > 0 ? img.naturalWidth / img.naturalHeight : 2;
      // The page is the image itself; an SVG one is an SVG document, where createElement makes SVG elements.
      const canvas = document.createElementNS('http://www.w3.org/1999/xhtml', 'canvas') as HTMLCanvasElement;
      canvas.height = height;
      canvas.width = Math.round(height * aspect);
      canvas.getContext('2d')?.drawImage(img, 0, 0, canvas.width, canvas.height);
      return { url: canvas.toDataURL('image/png'), aspect };
    }, LOGO_HEIGHT);
    return { data: Buffer.from(url.replace(/^data:image\/png;base64,/, ''), 'base64'), type: 'image/png', aspect };
  });
}

/** Content pictures wider than this are drawn smaller for the PowerPoint: sharp on any projector. */
const MAX_SIDE = 1600;

/**
 * The pictures the slides show (`<img src>` as the HTML writes it), in a format PowerPoint
 * reads: the browser decodes each one (WebP included, which PowerPoint does not read everywhere)
 * and writes it as a PNG, or a JPEG for a JPEG photo, so its pixels are those the deck shows.
 */
export async function contentPictures(
  session: BrowserSession,
  site: Site,
  srcs: readonly string[],
  timeoutMs: number,
): Promise<Map<string, ContentPicture>> {
  const pictures = new Map<string, ContentPicture>();
  for (const src of new Set(srcs)) {
    // A picture the browser cannot decode is left out here: the PowerPoint shows its alt text and says so.
    const picture = await session
      .withPage(site, async (page) => {
        await page.goto(`${ORIGIN}/${src}`, { waitUntil: 'load', timeout: timeoutMs });
        return page.evaluate(
          async (maxSide, jpeg) => {
            const img = new Image();
            img.src = location.href;
            await img.decode();
            const width = img.naturalWidth || 300;
            const height = img.naturalHeight || 150;
            const scale = Math.min(1, maxSide / Math.max(width, height));
            const canvas = document.createElementNS('http://www.w3.org/1999/xhtml', 'canvas') as HTMLCanvasElement;
            canvas.width = Math.round(width * scale);
            canvas.height = Math.round(height * scale);
            canvas.getContext('2d')?.drawImage(img, 0, 0, canvas.width, canvas.height);
            const type = jpeg ? 'image/jpeg' : 'image/png';
            return { url: canvas.toDataURL(type, 0.9), type, width, height };
          },
          MAX_SIDE,
          /\.jpe?g$/i.test(src),
        );
      })
      .catch(() => undefined);
    if (!picture) continue;
    pictures.set(src, {
      data: Buffer.from(picture.url.replace(/^data:image\/\w+;base64,/, ''), 'base64'),
      type: picture.type,
      aspect: picture.width / picture.height,
      width: picture.width,
      height: picture.height,
    });
  }
  return pictures;
}

/** Every picture the slides show, by its address (the HTML's `<img src>`): the deck's own files only. */
export function picturesIn(slides: readonly Pick<SlideView, 'flow' | 'columns'>[]): string[] {
  return slides
    .flatMap((s) => [...(s.flow ?? []), ...(s.columns ?? []).flatMap((col) => col.flow)])
    .flatMap((block) => (block.kind === 'image' ? [block.src] : []));
}

/** The QR code to `url` as a PNG for the PowerPoint (the HTML outputs draw it as SVG). */
export async function qrPicture(url: string): Promise<Picture> {
  // Loaded here: every printing build loads this file for the logo, few decks have a QR code.
  const { default: QRCode } = await import('qrcode');
  const data = await QRCode.toBuffer(url, { type: 'png', errorCorrectionLevel: 'M', margin: 4, width: 512 });
  return { data, type: 'image/png', aspect: 1 };
}
