/**
 * The printed documents' running header, page numbers and footer sit in @page margin boxes,
 * which have physical names (@top-left, @bottom-right) and do not follow `<html dir>`. A
 * right-to-left document gets them mirrored here, after its template has run, so the templates
 * and print-page.css keep one set of rules: left and right swapped in every box name, never
 * inside a quoted string (a title is written there), and each box set right to left.
 */
const BOX = /@(top|bottom)-(left|right)(-corner)?(?=\s*\{)/y;

export function mirrorPageBoxes(html: string): string {
  return html.replace(/(<style>)([\s\S]*?)(<\/style>)/g, (_, open: string, css: string, close: string) =>
    css.includes('@page') ? `${open}${mirrorCss(css)}${RTL_BOXES}${close}` : `${open}${css}${close}`,
  );
}

/** Margin boxes lay out their text in the page context, which does not inherit `<html dir>`. */
const RTL_BOXES = `\n@page { ${['top-left', 'top-right', 'bottom-left', 'bottom-right'].map((box) => `@${box} { direction: rtl; }`).join(' ')} }\n`;

function mirrorCss(css: string): string {
  let out = '';
  let i = 0;
  while (i < css.length) {
    const ch = css[i] ?? '';
    if (ch === '"' || ch === "'") {
      // A string to its closing quote; a backslash escapes the next character.
      let j = i + 1;
      while (j < css.length && css[j] !== ch) j += css[j] === '\\' ? 2 : 1;
      out += css.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (ch === '/' && css[i + 1] === '*') {
      const end = css.indexOf('*/', i + 2);
      const stop = end === -1 ? css.length : end + 2;
      out += css.slice(i, stop);
      i = stop;
      continue;
    }
    BOX.lastIndex = i;
    const box = BOX.exec(css);
    if (box) {
      out += `@${box[1]}-${box[2] === 'left' ? 'right' : 'left'}${box[3] ?? ''}`;
      i += box[0].length;
      continue;
    }
    out += ch;
    i += 1;
  }
  return out;
}
