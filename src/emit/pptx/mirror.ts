import JSZip from 'jszip';

/** LAYOUT_WIDE: 13.333 x 7.5 in, in EMU. */
const SLIDE_WIDTH = 12192000;

/**
 * A right-to-left deck's PowerPoint, mirrored after pptxgenjs wrote it left to right: cheaper and
 * more complete than a mirrored copy of every coordinate in pptx.ts. Every shape, picture, table
 * and chart frame changes sides; every paragraph is right to left (pptxgenjs's `rtlMode` only
 * reaches text boxes, not table cells, PptxGenJS #1291), its alignment swapped; horizontal bars
 * grow from the right. Tables come with their columns already reversed (pptx.ts).
 */
export async function mirrorPptx(bytes: Uint8Array): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  for (const name of Object.keys(zip.files)) {
    const file = zip.file(name);
    if (!file) continue;
    if (/^ppt\/(slides|slideLayouts|slideMasters)\/[^/]+\.xml$/.test(name))
      zip.file(name, mirrorSlide(await file.async('string')));
    else if (/^ppt\/charts\/[^/]+\.xml$/.test(name)) zip.file(name, mirrorChart(await file.async('string')));
    else if (name === 'ppt/presentation.xml') zip.file(name, rtlPresentation(await file.async('string')));
  }
  return zip.generateAsync({ type: 'uint8array' });
}

/** Shapes change sides; paragraphs run right to left. */
export function mirrorSlide(xml: string): string {
  return xml
    .replace(
      // Not a group's own frame (followed by its child offset): that maps children, it places nothing.
      /<a:off x="(-?\d+)" y="(-?\d+)"\/>(\s*)<a:ext cx="(\d+)" cy="(\d+)"\/>(?!\s*<a:chOff)/g,
      (_, x: string, y: string, space: string, cx: string, cy: string) =>
        `<a:off x="${SLIDE_WIDTH - Number(x) - Number(cx)}" y="${y}"/>${space}<a:ext cx="${cx}" cy="${cy}"/>`,
    )
    .replace(/<a:p>(?!<a:pPr)/g, '<a:p><a:pPr rtl="1"/>')
    .replace(/<a:(pPr|lvl\dpPr)\b([^>]*?)(\/?)>/g, (_, tag: string, attributes: string, close: string) => {
      // `algn` is physical; unset it means the left, so a right-to-left paragraph says "r".
      const swapped = (/\balgn=/.test(attributes) ? attributes : `${attributes} algn="l"`)
        .replace(/\s*rtl="[01]"\s*/g, ' ')
        .replace(/algn="(l|r)"/, (_a, side: string) => `algn="${side === 'l' ? 'r' : 'l'}"`)
        .trimEnd();
      return `<a:${tag} rtl="1"${swapped ? ` ${swapped.trimStart()}` : ''}${close}>`;
    });
}

/** The value axis reversed: bars grow from the right, the category labels stand at the right. */
export function mirrorChart(xml: string): string {
  return xml.replace(/<c:valAx>[\s\S]*?<\/c:valAx>/g, (axis) =>
    axis.replace(
      /<c:orientation val="(minMax|maxMin)"\/>/,
      (_, o: string) => `<c:orientation val="${o === 'minMax' ? 'maxMin' : 'minMax'}"/>`,
    ),
  );
}

function rtlPresentation(xml: string): string {
  return /<p:presentation\b[^>]*\brtl=/.test(xml) ? xml : xml.replace('<p:presentation ', '<p:presentation rtl="1" ');
}
