/** Markdown reduced to the text a reader sees, for fitting estimates. */
export function plain(markdown: string): string {
  return markdown.replace(/!(?=\[)|[*_`~]|\[|\]\([^)]*\)/g, '');
}
