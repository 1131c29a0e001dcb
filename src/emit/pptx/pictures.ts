import { type BrowserSession, ORIGIN, type Site } from '../../browser/session.js';
import type { Picture } from './pptx.js';

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

/** The QR code to `url` as a PNG for the PowerPoint (the HTML outputs draw it as SVG). */
export async function qrPicture(url: string): Promise<Picture> {
  // Loaded here: every printing build loads this file for the logo, few decks have a QR code.
  const { default: QRCode } = await import('qrcode');
  const data = await QRCode.toBuffer(url, { type: 'png', errorCorrectionLevel: 'M', margin: 4, width: 512 });
  return { data, type: 'image/png', aspect: 1 };
}
