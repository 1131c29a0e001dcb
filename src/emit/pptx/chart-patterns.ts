/**
 * pptxgenjs 4.0.1 fills chart series with solid colours only (pattern fills are an open pull
 * request upstream, PptxGenJS #1305), and printed in greyscale the roles' colours of the overlap
 * chart come out as near-identical greys. So the stacked chart's series get DrawingML pattern
 * fills here, in the written chart part: the first series (what every role shares) stays solid,
 * each other series a texture of its own in its colour on the paper's, so that the legend and the
 * bars stay apart without colour. The numbers on the bars sit in a paper-coloured box, readable
 * on any texture.
 */

/** Presets of <a:pattFill prst>, chosen to differ in direction and grain, not only in darkness. */
export const SERIES_PATTERNS = [
  'solid',
  'wdUpDiag',
  'wdDnDiag',
  'lgCheck',
  'horz',
  'vert',
  'diagCross',
  'openDmnd',
  'smConfetti',
] as const;

/** Whether a chart part is the overlap chart (the deck's one stacked bar chart). */
export function isStackedChart(name: string, xml: string): boolean {
  return /^ppt\/charts\/chart\d+\.xml$/.test(name) && xml.includes('<c:grouping val="stacked"/>');
}

/**
 * Every series' solid fill as its pattern (SERIES_PATTERNS, by series order), drawn in the series'
 * colour on `paper`; every data label boxed in `paper`. Colours as pptxgenjs writes them (RRGGBB).
 */
export function patternSeries(xml: string, paper: string): string {
  return xml.replace(/<c:ser>[\s\S]*?<\/c:ser>/g, (ser) => {
    const order = Number(/<c:order val="(\d+)"\/>/.exec(ser)?.[1] ?? '0');
    const prst = SERIES_PATTERNS[order % SERIES_PATTERNS.length] ?? 'solid';
    const filled =
      prst === 'solid'
        ? ser
        : ser.replace(
            /(<c:spPr>\s*)<a:solidFill><a:srgbClr val="([0-9A-Fa-f]{6})"\/><\/a:solidFill>/,
            (_, open: string, colour: string) =>
              `${open}<a:pattFill prst="${prst}"><a:fgClr><a:srgbClr val="${colour}"/></a:fgClr><a:bgClr><a:srgbClr val="${paper}"/></a:bgClr></a:pattFill><a:ln w="9525"><a:solidFill><a:srgbClr val="${colour}"/></a:solidFill></a:ln>`,
          );
    // CT_DLbls: numFmt, then spPr (the label's box), then txPr.
    return filled.replace(
      /(<c:dLbls>(?:<c:numFmt [^>]*\/>)?)(?!<c:spPr>)/,
      `$1<c:spPr><a:solidFill><a:srgbClr val="${paper}"/></a:solidFill></c:spPr>`,
    );
  });
}
