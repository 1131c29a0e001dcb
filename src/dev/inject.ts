import { CLIENT_PATH } from './client.js';
import { devPolicy } from '../serve/policy.js';

export { devPolicy };

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
