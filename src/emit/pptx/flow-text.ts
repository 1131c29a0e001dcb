import type { FlowBlock, FlowImage, Paragraph } from '../../model/flow.js';

/** A picture where only text can go: its alt text in brackets. */
export function altParagraph(image: Pick<FlowImage, 'alt'>): Paragraph {
  return { runs: [{ text: image.alt ? `[${image.alt}]` : '[image]' }], level: 1 };
}

/** A flow as paragraphs only: a table's rows as "cell | cell" lines, a picture as its alt text. */
export function flowParagraphs(blocks: readonly FlowBlock[]): Paragraph[] {
  return blocks.flatMap((block): Paragraph[] => {
    if (block.kind === 'text') return block.paragraphs;
    if (block.kind === 'image') return [altParagraph(block)];
    return block.rows.map((row) => ({
      runs: row.flatMap((c, i) => [...(i > 0 ? [{ text: ' | ' }] : []), ...c.runs]),
      level: 1,
    }));
  });
}

/** Plain text of a flow, paragraphs on their own lines, items with their bullet or number (speaker notes). */
export function flowText(blocks: readonly FlowBlock[]): string {
  const counts: number[] = [];
  return flowParagraphs(blocks)
    .map((p) => {
      counts.length = p.list ? p.level : 0;
      const n = p.list === 'number' ? (counts[p.level - 1] ?? (p.start ?? 1) - 1) + 1 : undefined;
      if (n !== undefined) counts[p.level - 1] = n;
      const indent = '  '.repeat(Math.max(0, p.level - 1));
      const mark = p.task ? '' : p.list === 'bullet' ? '• ' : n !== undefined ? `${n}. ` : '';
      return `${indent}${mark}${p.runs.map((r) => r.text).join('')}`;
    })
    .join('\n');
}
