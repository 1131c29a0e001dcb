/**
 * Schema fixes for what pptxgenjs 4.0.1 writes, which PowerPoint answers with its "found a
 * problem with content... repair" dialog (LibreOffice opens such files silently, so it cannot
 * tell). Each fix is small, textual, and says which upstream report it answers.
 */
export function fixPart(name: string, xml: string): string {
  if (/^ppt\/notesSlides\/[^/]+\.xml$/.test(name)) return notesParagraphs(xml);
  if (!/^ppt\/(slides|slideLayouts|slideMasters)\/[^/]+\.xml$/.test(name)) return xml;
  return withTextBody(withEffectList(onePprPerParagraph(xml)));
}

/**
 * pptxgenjs writes the notes as one run whose text holds the line breaks, which PowerPoint's
 * notes pane shows as one long line: each line becomes a paragraph of its own.
 */
export function notesParagraphs(xml: string): string {
  return xml.replace(
    /<a:p>(<a:r><a:rPr lang="[^"]*" dirty="0"\/>)<a:t>([^<]*)<\/a:t><\/a:r>(<a:endParaRPr[^>]*\/>)<\/a:p>/,
    (whole, rPr: string, text: string, end: string) =>
      text.includes('\n')
        ? text
            .split('\n')
            .map((line) => `<a:p>${line ? `${rPr}<a:t>${line}</a:t></a:r>` : ''}${end}</a:p>`)
            .join('')
        : whole,
  );
}

/** A shape drawn without text (the rule under a column heading) gets an empty text body (PptxGenJS #1441). */
export function withTextBody(xml: string): string {
  return xml.replace(
    /<\/p:spPr><\/p:sp>/g,
    '</p:spPr><p:txBody><a:bodyPr/><a:lstStyle/><a:p><a:endParaRPr lang="en-US"/></a:p></p:txBody></p:sp>',
  );
}

/**
 * A paragraph may start with one <a:pPr> and no other (CT_P); pptxgenjs writes one before every
 * run, and the later ones turn bullets off mid-paragraph (PptxGenJS #1083). The first is kept.
 */
export function onePprPerParagraph(xml: string): string {
  return xml.replace(/<a:p>([\s\S]*?)<\/a:p>/g, (_, inner: string) => {
    const firstRun = inner.search(/<a:(r|br|fld)>/);
    if (firstRun < 0) return `<a:p>${inner}</a:p>`;
    const tail = inner.slice(firstRun).replace(/<a:pPr\b[^>]*\/>|<a:pPr\b[^>]*>[\s\S]*?<\/a:pPr>/g, '');
    return `<a:p>${inner.slice(0, firstRun)}${tail}</a:p>`;
  });
}

/** A solid background needs its (empty) effect list (CT_BackgroundProperties; PptxGenJS #1442). */
export function withEffectList(xml: string): string {
  return xml.replace(/<p:bgPr>([\s\S]*?)<\/p:bgPr>/g, (whole, inner: string) =>
    inner.includes('<a:effectLst') ? whole : `<p:bgPr>${inner}<a:effectLst/></p:bgPr>`,
  );
}
