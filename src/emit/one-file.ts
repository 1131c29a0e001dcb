import { type Asset, contentType } from './assets.js';

/**
 * The deck as one HTML file: every style sheet, script, font and image it loads from beside it
 * (`assets/...`) inlined, so that it opens from any folder or an email attachment with no
 * request at all. The speaker view keeps working: reveal's notes plugin writes its window from
 * a template inside notes.js and loads the deck's own address in it, which is this file again.
 *
 * The deck HTML is ours (rendered from templates; content is escaped before it gets there), so
 * the references to rewrite are the ones the templates write: `<link rel="stylesheet">`,
 * `<script src>`, `src="assets/..."` and CSS `url('assets/...')`.
 */
export function oneFileDeck(deckHtml: string, assets: readonly Asset[]): string {
  const byPath = new Map(assets.map((a) => [a.path, a]));
  const find = (href: string): Asset | undefined => byPath.get(decodeURIComponent(href.replace(/^\.\//, '')));
  const text = (asset: Asset) => new TextDecoder().decode(asset.bytes);
  const dataUrl = (asset: Asset) =>
    `data:${contentType(asset.path).replace(/; charset=utf-8$/, '')};base64,${Buffer.from(asset.bytes).toString('base64')}`;
  const missing = (href: string): never => {
    throw new Error(`one-file deck: "${href}" is not among the build's assets`);
  };
  const inlineUrls = (css: string) =>
    css.replace(
      /url\((['"]?)(assets\/[^'")]+)\1\)/g,
      (_, _q: string, href: string) => `url('${dataUrl(find(href) ?? missing(href))}')`,
    );

  return (
    deckHtml
      .replace(
        /<link rel="stylesheet" href="([^"]+)">/g,
        (_, href: string) =>
          `<style>${inlineUrls(text(find(href) ?? missing(href))).replace(/<\/style/gi, '<\\/style')}</style>`,
      )
      .replace(/<style>([\s\S]*?)<\/style>/g, (_, css: string) => `<style>${inlineUrls(css)}</style>`)
      .replace(
        /(<img\b[^>]*?\ssrc=")(assets\/[^"]+)"/g,
        (_, attr: string, href: string) => `${attr}${dataUrl(find(href) ?? missing(href))}"`,
      )
      // Fonts now come as data: URLs; nothing else changes in what the page may load.
      .replace(/font-src 'self'/, "font-src 'self' data:")
      // Scripts last, so that nothing above rewrites their text. A script's text may not contain
      // "</script": written as "<\/script", which JavaScript reads the same.
      .replace(
        /<script src="([^"]+)"><\/script>/g,
        (_, href: string) =>
          `<script>${text(find(href) ?? missing(href)).replace(/<\/script/gi, '<\\/script')}</script>`,
      )
  );
}
