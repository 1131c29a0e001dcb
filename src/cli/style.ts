/** ANSI styles for the terminal, or plain text when colour is off. */
export interface Style {
  red: (s: string) => string;
  green: (s: string) => string;
  yellow: (s: string) => string;
  dim: (s: string) => string;
  bold: (s: string) => string;
}

/**
 * Colour only on a terminal that can show it: never when NO_COLOR is set and not empty
 * (no-color.org), when TERM is "dumb" or the stream is not a TTY; FORCE_COLOR turns it on.
 */
export function styleFor(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): Style {
  const forced = env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  const on = !env.NO_COLOR && (forced || (stream.isTTY === true && env.TERM !== 'dumb'));
  const sgr = (open: number, close: number) => (s: string) => (on ? `\u001b[${open}m${s}\u001b[${close}m` : s);
  return { red: sgr(31, 39), green: sgr(32, 39), yellow: sgr(33, 39), dim: sgr(2, 22), bold: sgr(1, 22) };
}
