import { CLIENT_PATH } from './client.js';

const CSP_META = /(<meta\s+http-equiv="Content-Security-Policy"\s+content=")([^"]*)(")/gi;

/**
 * The served copy of a page: its Content-Security-Policy lets it reach the dev server (scripts
 * and the event stream from the same origin, nothing else), and the live-reload client is
 * loaded at the end of the body, told which build the page comes from. The file on disk is
 * never changed.
 */
export function withLiveReload(html: string, build: number): string {
  const page = html.replace(
    CSP_META,
    (_, open: string, policy: string, close: string) => open + devPolicy(policy) + close,
  );
  const tag = `<script src="${CLIENT_PATH}?build=${build}"></script>`;
  const end = page.lastIndexOf('</body>');
  return end === -1 ? page + tag : page.slice(0, end) + tag + page.slice(end);
}

/** A policy with `connect-src 'self'` and `'self'` among the script sources; the rest kept. */
export function devPolicy(policy: string): string {
  const directives = policy
    .split(';')
    .map((d) => d.trim())
    .filter(Boolean);
  const named = (name: string) => directives.findIndex((d) => d.split(/\s+/)[0]?.toLowerCase() === name);
  const allowSelf = (name: string) => {
    const i = named(name);
    if (i === -1) return directives.push(`${name} 'self'`);
    const sources = directives[i]!.split(/\s+/)
      .slice(1)
      .filter((s) => s !== "'none'");
    if (!sources.includes("'self'")) sources.unshift("'self'");
    directives[i] = [name, ...sources].join(' ');
  };
  allowSelf('script-src');
  allowSelf('connect-src');
  return directives.join('; ');
}
