/** Where the dev server serves the live-reload client and its event stream (same origin). */
export const CLIENT_PATH = '/__careerdeck/client.js';
export const EVENTS_PATH = '/__careerdeck/events';
/** Id of the element that shows a build's problems over the page. */
const OVERLAY_ID = 'careerdeck-dev-overlay';

/** What the server sends about the last build that failed; `undefined` when it succeeded. */
export interface Problem {
  title: string;
  /** One `file:line:column: message` per diagnostic, or the error's message. */
  lines: string[];
}

/** The first message of every event stream: the build the page should show, and its problem. */
export interface Hello {
  build: number;
  problem?: Problem | undefined;
}

/**
 * Runs in the browser, served as CLIENT_PATH (its source is sent, so it must use nothing from
 * this module's scope but its parameters). Reloads the page when the server says a build
 * finished, keeps the slide (reveal.js keeps it in the URL hash; the indices are also kept in
 * sessionStorage for a page without one), and draws a build's problems over the page as text.
 */
function liveReload(eventsPath: string, overlayId: string): void {
  const KEY = 'careerdeck-dev:indices';
  type Indices = { h: number; v?: number; f?: number };
  type RevealApi = { getIndices(): Indices; slide(h: number, v?: number, f?: number): void; isReady(): boolean; on(event: string, fn: () => void): void };
  const reveal = (): RevealApi | undefined => (window as unknown as { Reveal?: RevealApi }).Reveal;
  // The build this page came from, stamped on the script's address when the page was served.
  const script = document.currentScript as HTMLScriptElement | null;
  const served = script ? Number(new URL(script.src).searchParams.get('build')) : NaN;

  const saved = sessionStorage.getItem(KEY);
  sessionStorage.removeItem(KEY);
  const deck = reveal();
  if (saved && deck && !/^#\/./.test(location.hash)) {
    const i = JSON.parse(saved) as Indices;
    const go = () => deck.slide(i.h, i.v, i.f);
    if (deck.isReady()) go();
    else deck.on('ready', go);
  }

  const source = new EventSource(eventsPath);
  const reload = () => {
    try {
      const indices = reveal()?.getIndices();
      if (indices) sessionStorage.setItem(KEY, JSON.stringify(indices));
    } catch {
      // No position to keep: the page reloads at its hash.
    }
    source.close();
    location.reload();
  };

  const show = (problem: { title: string; lines: string[] } | undefined) => {
    document.getElementById(overlayId)?.remove();
    if (!problem) return;
    const box = document.createElement('div');
    box.id = overlayId;
    box.setAttribute('role', 'alert');
    Object.assign(box.style, {
      position: 'fixed', inset: '0', zIndex: '2147483647', overflow: 'auto', padding: '32px 40px',
      background: 'rgba(24, 8, 8, 0.97)', color: '#fff', font: '16px/1.5 system-ui, sans-serif', textAlign: 'left',
    });
    const title = document.createElement('h1');
    title.textContent = problem.title;
    Object.assign(title.style, { font: '600 22px/1.3 system-ui, sans-serif', color: '#ff9c9c', margin: '0 0 16px' });
    const lines = document.createElement('pre');
    // Text only: a diagnostic quotes content, which is never parsed as HTML.
    lines.textContent = problem.lines.join('\n');
    Object.assign(lines.style, { font: '15px/1.6 ui-monospace, monospace', whiteSpace: 'pre-wrap', margin: '0 0 16px', color: '#fff' });
    const hint = document.createElement('p');
    hint.textContent = 'Fix it and save: the page reloads by itself. The server keeps running.';
    Object.assign(hint.style, { color: '#ccc', margin: '0' });
    box.append(title, lines, hint);
    (document.body ?? document.documentElement).append(box);
  };

  source.addEventListener('hello', (event) => {
    const hello = JSON.parse((event as MessageEvent<string>).data) as { build: number; problem?: { title: string; lines: string[] } };
    // A build finished after this page was served (while the stream was down, or before it
    // opened): this page is old.
    if (!Number.isNaN(served) && hello.build !== served) return reload();
    show(hello.problem);
  });
  source.addEventListener('reload', reload);
  source.addEventListener('problem', (event) => show(JSON.parse((event as MessageEvent<string>).data) as { title: string; lines: string[] }));
}

/** The client's source, as served. */
export const CLIENT_SOURCE = `// careerdeck dev: live reload (served by the dev server only, never written to disk)\n(${liveReload.toString()})(${JSON.stringify(EVENTS_PATH)}, ${JSON.stringify(OVERLAY_ID)});\n`;
