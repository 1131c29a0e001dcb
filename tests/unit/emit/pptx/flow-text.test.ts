import { describe, expect, it } from 'vitest';
import { flowParagraphs, flowText } from '../../../../src/emit/pptx/flow-text.js';
import { markdownFlow } from '../../../../src/render/flow.js';

describe('flowText (speaker notes)', () => {
  it('writes items with their bullet or number, nested ones indented, task boxes without a bullet', () => {
    expect(flowText(markdownFlow('Say this.\n\n3. three\n4. four\n   - under\n\n- [x] done\n- plain'))).toBe(
      ['Say this.', '3. three', '4. four', '  • under', '\u2611 done', '• plain'].join('\n'),
    );
  });

  it('writes a table as "cell | cell" lines and a picture as its alt text', () => {
    const images = [{ src: 'a.png', asset: 'assets/a.png' }];
    const flow = markdownFlow('| A | B |\n|---|---|\n| **1** | 2 |\n\n![A chart](a.png)', images);
    expect(flowText(flow)).toBe('A | B\n1 | 2\n[A chart]');
    expect(flowParagraphs(flow)[1]?.runs).toEqual([{ text: '1', bold: true }, { text: ' | ' }, { text: '2' }]);
  });
});
