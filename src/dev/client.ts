/** Where the dev server serves the live-reload client and its event stream (same origin). */
export const CLIENT_PATH = '/__careerdeck/client.js';
export const EVENTS_PATH = '/__careerdeck/events';
/** Id of the element that shows a build's problems over the page. */
const OVERLAY_ID = 'careerdeck-dev-overlay';
/** Id of the panel that lists a build's warnings beside the page, without covering it. */
const WARNINGS_ID = 'careerdeck-dev-warnings';

/** What the server sends about the last build that failed; `undefined` when it succeeded. */
export interface Problem {
  title: string;
  /** One `file:line:column: message` per diagnostic, or the error's message. */
  lines: string[];
}

/** What the dev server's pages are told. */
export type DevEvent = 'reload' | 'problem' | 'warnings';

/** The first message of every event stream: the build the page should show, its problem and its warnings. */
export interface Hello {
  build: number;
  problem?: Problem | undefined;
  /** The last good build's warnings (`file:line: warning: ...`), shown in a corner panel. */
  warnings?: Problem | undefined;
}

/**
 * Runs in the browser, served as CLIENT_PATH (its source is sent, so it must use nothing from
 * this module's scope but its parameters). Reloads the page when the server says a build
 * finished, keeps the slide (reveal.js keeps it in the URL hash; the indices are also kept in
 * sessionStorage for a page without one), draws a build's problems over the page as text, and
 * lists its warnings in a corner panel that leaves the deck usable (the build did succeed).
 */
function liveReload(eventsPath: string, overlayId: string, warningsId: string): void {
  const KEY = 'careerdeck-dev:indices';
  type Indices = { h: number; v?: number; f?: number };
  type RevealApi = {
    getIndices(): Indices;
    slide(h: number, v?: number, f?: number): void;
    isReady(): boolean;
    on(event: string, fn: () => void): void;
  };
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
    // The server's own English text, over a deck that may be Arabic or Hebrew (dir="rtl").
    box.lang = 'en';
    box.dir = 'ltr';
    Object.assign(box.style, {
      position: 'fixed',
      inset: '0',
      zIndex: '2147483647',
      overflow: 'auto',
      padding: '32px 40px',
      background: 'rgba(24, 8, 8, 0.97)',
      color: '#fff',
      font: '16px/1.5 system-ui, sans-serif',
      textAlign: 'left',
    });
    const title = document.createElement('h1');
    title.textContent = problem.title;
    Object.assign(title.style, { font: '600 22px/1.3 system-ui, sans-serif', color: '#ff9c9c', margin: '0 0 16px' });
    const lines = document.createElement('pre');
    // Text only: a diagnostic quotes content, which is never parsed as HTML.
    lines.textContent = problem.lines.join('\n');
    Object.assign(lines.style, {
      font: '15px/1.6 ui-monospace, monospace',
      whiteSpace: 'pre-wrap',
      margin: '0 0 16px',
      color: '#fff',
    });
    const hint = document.createElement('p');
    hint.textContent = 'Fix it and save: the page reloads by itself. The server keeps running.';
    Object.assign(hint.style, { color: '#ccc', margin: '0' });
    box.append(title, lines, hint);
    (document.body ?? document.documentElement).append(box);
  };

  // Amber, bottom left (reveal's controls are bottom right), closable, never over the slide's
  // middle: warnings must not block the page.
  const showWarnings = (warnings: { title: string; lines: string[] } | undefined | null) => {
    document.getElementById(warningsId)?.remove();
    if (!warnings || warnings.lines.length === 0) return;
    const panel = document.createElement('aside');
    panel.id = warningsId;
    panel.setAttribute('role', 'status');
    panel.lang = 'en';
    panel.dir = 'ltr';
    panel.setAttribute('aria-label', warnings.title);
    Object.assign(panel.style, {
      position: 'fixed',
      left: '12px',
      bottom: '12px',
      zIndex: '2147483646',
      maxWidth: 'min(640px, 45vw)',
      maxHeight: '35vh',
      overflow: 'auto',
      padding: '10px 14px',
      background: 'rgba(52, 38, 0, 0.94)',
      color: '#ffe7a8',
      border: '2px solid #f5b700',
      borderRadius: '6px',
      font: '13px/1.45 system-ui, sans-serif',
      textAlign: 'left',
      boxShadow: '0 2px 12px rgba(0, 0, 0, 0.4)',
    });
    const head = document.createElement('div');
    Object.assign(head.style, {
      display: 'flex',
      gap: '12px',
      alignItems: 'baseline',
      justifyContent: 'space-between',
    });
    const title = document.createElement('strong');
    title.textContent = `\u26a0 ${warnings.title}`;
    const hide = document.createElement('button');
    hide.type = 'button';
    hide.textContent = 'Hide';
    Object.assign(hide.style, {
      font: 'inherit',
      color: '#ffe7a8',
      background: 'transparent',
      border: '1px solid #f5b700',
      borderRadius: '4px',
      cursor: 'pointer',
    });
    hide.addEventListener('click', () => panel.remove());
    head.append(title, hide);
    const lines = document.createElement('pre');
    // Text only, like the problems: a warning quotes content.
    lines.textContent = warnings.lines.join('\n');
    Object.assign(lines.style, { font: '12px/1.5 ui-monospace, monospace', whiteSpace: 'pre-wrap', margin: '8px 0 0' });
    panel.append(head, lines);
    (document.body ?? document.documentElement).append(panel);
  };

  source.addEventListener('hello', (event) => {
    const hello = JSON.parse((event as MessageEvent<string>).data) as {
      build: number;
      problem?: { title: string; lines: string[] };
      warnings?: { title: string; lines: string[] };
    };
    // A build finished after this page was served (while the stream was down, or before it
    // opened): this page is old.
    if (!Number.isNaN(served) && hello.build !== served) return reload();
    show(hello.problem);
    showWarnings(hello.problem ? undefined : hello.warnings);
  });
  source.addEventListener('warnings', (event) =>
    showWarnings(JSON.parse((event as MessageEvent<string>).data) as { title: string; lines: string[] } | null),
  );
  source.addEventListener('reload', reload);
  source.addEventListener('problem', (event) => {
    show(JSON.parse((event as MessageEvent<string>).data) as { title: string; lines: string[] });
    // The problem's lines list the warnings too.
    showWarnings(undefined);
  });
}

/** The client's source, as served. */
export const CLIENT_SOURCE = `// careerdeck dev: live reload (served by the dev server only, never written to disk)\n(${liveReload.toString()})(${JSON.stringify(EVENTS_PATH)}, ${JSON.stringify(OVERLAY_ID)}, ${JSON.stringify(WARNINGS_ID)});\n`;
