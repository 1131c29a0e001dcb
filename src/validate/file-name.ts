/**
 * File names that Windows cannot hold. Presenters copy projects between Windows, macOS and Linux,
 * so a name that works here but not there is refused (content) or made safe (outputs).
 * Case is not an issue: content file names are lower case, so case-insensitive file systems
 * (Windows, macOS) never see two names that differ only in case.
 */

/** Device names, reserved with any extension too (`nul.txt`) and in any case; COM0/LPT0 and the superscript digits since Windows 11. */
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)$/i;
// Control characters included: Windows forbids them too.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const FORBIDDEN = /[<>:"/\\|?*\u0000-\u001f]/g;

/** Why Windows cannot hold a file or folder named `name`, or undefined when it can. */
export function windowsNameProblem(name: string): string | undefined {
  if (name === '' || name === '.' || name === '..') return 'is not a file name';
  const forbidden = name.match(FORBIDDEN);
  if (forbidden)
    return `holds ${[...new Set(forbidden)].map((c) => (c < ' ' ? `control character ${JSON.stringify(c)}` : `"${c}"`)).join(', ')}, which Windows forbids in file names`;
  if (/[. ]$/.test(name)) return 'ends in a dot or a space, which Windows drops from file names';
  // Windows reads only what comes before the first dot, trailing spaces dropped.
  const base = name.split('.')[0]!.trimEnd();
  if (RESERVED.test(base))
    return `"${base}" is a device name that Windows reserves (such as con, nul, com1), even with an extension`;
  return undefined;
}

/**
 * `name` changed as little as possible so that Windows can hold it: forbidden characters become
 * "-", trailing dots and spaces go, and a device name gets "-" appended to its first part.
 */
export function windowsSafeName(name: string): string {
  let safe = name.replace(FORBIDDEN, '-').replace(/[. ]+$/, '');
  if (safe === '') return '-';
  const dot = safe.indexOf('.');
  const base = dot < 0 ? safe : safe.slice(0, dot);
  if (RESERVED.test(base.trimEnd())) safe = `${base.trimEnd()}-${dot < 0 ? '' : safe.slice(dot)}`;
  return safe;
}
