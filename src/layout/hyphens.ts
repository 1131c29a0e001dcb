import type { Page } from 'puppeteer-core';

/**
 * Keeps only the soft hyphens (render/hyphenate.ts) where a line ends, where the printed hyphen
 * needs them. Chromium writes every soft hyphen into the PDF's text, drawn or not, so a word
 * left whole would carry an invisible U+00AD that splits it for a search or a screen reader
 * ("ma\u00ADchine"). Removing a hyphenation point the line breaker did not use changes no line:
 * it took the last point that fitted, and the others are before it on the same line or did not
 * fit. Every point is measured first, then changed, so the page is laid out once. Call it with
 * the page at its print width.
 */
export async function dropUnusedHyphens(page: Page): Promise<number> {
  return page.evaluate(() => {
    const SHY = '\u00ad';
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    // A soft hyphen takes width only where Chromium draws it: at the end of a line.
    const drawn = (node: Text, at: number) => {
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + 1);
      return [...range.getClientRects()].some((r) => r.width > 0.5);
    };
    // Every soft hyphen that is not where a line ends: its node and offset.
    const unused: { node: Text; at: number }[] = [];
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      const { data } = node;
      for (let at = data.indexOf(SHY); at >= 0; at = data.indexOf(SHY, at + 1)) {
        if (!drawn(node, at)) unused.push({ node, at });
      }
    }
    // From the end of each text node, so that earlier offsets stay right.
    for (const { node, at } of unused.reverse()) node.deleteData(at, 1);
    return unused.length;
  });
}
