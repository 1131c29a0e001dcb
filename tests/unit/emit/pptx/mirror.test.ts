import { describe, expect, it } from 'vitest';
import { mirrorChart, mirrorSlide } from '../../../../src/emit/pptx/mirror.js';

describe('a right-to-left PowerPoint', () => {
  it('moves a shape to the other side of the 13.333 in slide', () => {
    const xml = '<a:xfrm><a:off x="548640" y="100"/><a:ext cx="2000000" cy="500"/></a:xfrm>';
    expect(mirrorSlide(xml)).toBe('<a:xfrm><a:off x="9643360" y="100"/><a:ext cx="2000000" cy="500"/></a:xfrm>');
  });

  it("leaves a group's own frame, which only maps its children", () => {
    const xml =
      '<a:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/><a:chOff x="0" y="0"/><a:chExt cx="0" cy="0"/></a:xfrm>';
    expect(mirrorSlide(xml)).toBe(xml);
  });

  it('sets every paragraph right to left and swaps its alignment', () => {
    expect(mirrorSlide('<a:p><a:pPr algn="l" indent="0"><a:buNone/></a:pPr><a:r><a:t>x</a:t></a:r></a:p>')).toBe(
      '<a:p><a:pPr rtl="1" algn="r" indent="0"><a:buNone/></a:pPr><a:r><a:t>x</a:t></a:r></a:p>',
    );
    expect(mirrorSlide('<a:p><a:r><a:t>x</a:t></a:r></a:p>')).toBe(
      '<a:p><a:pPr rtl="1" algn="r"/><a:r><a:t>x</a:t></a:r></a:p>',
    );
    expect(mirrorSlide('<a:lvl1pPr marL="0" algn="r" rtl="0" eaLnBrk="1">')).toBe(
      '<a:lvl1pPr rtl="1" marL="0" algn="l" eaLnBrk="1">',
    );
  });

  it('reverses the value axis only, so bars grow from the right', () => {
    const chart =
      '<c:catAx><c:scaling><c:orientation val="maxMin"/></c:scaling></c:catAx><c:valAx><c:scaling><c:orientation val="minMax"/></c:scaling></c:valAx>';
    expect(mirrorChart(chart)).toBe(
      '<c:catAx><c:scaling><c:orientation val="maxMin"/></c:scaling></c:catAx><c:valAx><c:scaling><c:orientation val="maxMin"/></c:scaling></c:valAx>',
    );
  });
});
