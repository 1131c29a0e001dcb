/** A PDF text string in UTF-16BE with a byte-order mark, as hex: safe for any character. */
export function pdfText(value: string): string {
  let hex = 'FEFF';
  for (let i = 0; i < value.length; i++) hex += value.charCodeAt(i).toString(16).padStart(4, '0').toUpperCase();
  return `<${hex}>`;
}
