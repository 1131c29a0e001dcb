import type { Block, ImageUse } from './content.js';

/** Walking the blocks of a section the same way in every stage that reads them. */

/** Every image a block shows, nested list items included. */
export function blockImages(block: Block): ImageUse[] {
  switch (block.kind) {
    case 'list':
      return block.items.flatMap((i) => [...i.images, ...(i.children ? blockImages(i.children) : [])]);
    case 'code':
      return [];
    default:
      return block.images;
  }
}

/** Each piece of inline Markdown a block shows, with its line (for checks on the text). */
export function blockTexts(block: Block): { markdown: string; line: number }[] {
  switch (block.kind) {
    case 'list':
      return block.items.flatMap((i) => [
        { markdown: i.markdown, line: i.line },
        ...(i.children ? blockTexts(i.children) : []),
      ]);
    case 'table':
      return [
        { markdown: block.head.join(' | '), line: block.line },
        ...block.rows.map((r) => ({ markdown: r.cells.join(' | '), line: r.line })),
      ];
    case 'code':
      return [];
    default:
      return [{ markdown: block.markdown, line: block.line }];
  }
}
