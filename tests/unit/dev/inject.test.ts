import { Script } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { CLIENT_PATH, CLIENT_SOURCE, EVENTS_PATH } from '../../../src/dev/client.js';
import { devPolicy, withLiveReload } from '../../../src/dev/inject.js';

const DECK_POLICY =
  "default-src 'none'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; font-src 'self'; img-src 'self' data:; frame-src 'self'; connect-src 'none'; form-action 'none'; base-uri 'none'";
const PRINT_POLICY =
  "default-src 'none'; script-src 'none'; style-src 'unsafe-inline'; font-src 'self'; img-src 'self' data:; connect-src 'none'; form-action 'none'; base-uri 'none'";

describe('devPolicy', () => {
  it('lets the deck reach its own origin and nothing else', () => {
    expect(devPolicy(DECK_POLICY)).toBe(DECK_POLICY.replace("connect-src 'none'", "connect-src 'self'"));
  });

  it('lets a page without scripts load the client', () => {
    expect(devPolicy(PRINT_POLICY)).toBe(
      PRINT_POLICY.replace("script-src 'none'", "script-src 'self'").replace(
        "connect-src 'none'",
        "connect-src 'self'",
      ),
    );
  });

  it('adds the directives a policy lacks', () => {
    expect(devPolicy("default-src 'none'")).toBe("default-src 'none'; script-src 'self'; connect-src 'self'");
  });
});

describe('withLiveReload', () => {
  const page = `<!doctype html><html><head><meta http-equiv="Content-Security-Policy" content="${DECK_POLICY}"></head><body><p>connect-src 'none'</p></body></html>`;

  it('rewrites the policy and loads the client at the end of the body, leaving the content alone', () => {
    const served = withLiveReload(page, 7);
    expect(served).toContain(`content="${devPolicy(DECK_POLICY)}"`);
    expect(served).toContain("<p>connect-src 'none'</p>");
    expect(served.endsWith(`<script src="${CLIENT_PATH}?build=7"></script></body></html>`)).toBe(true);
  });

  it('appends the client to a page without a body end tag', () => {
    expect(withLiveReload('<p>x', 0)).toBe(`<p>x<script src="${CLIENT_PATH}?build=0"></script>`);
  });
});

describe('the client', () => {
  it('is a script that compiles on its own and listens on the events path', () => {
    expect(() => new Script(CLIENT_SOURCE)).not.toThrow();
    expect(CLIENT_SOURCE).toContain(JSON.stringify(EVENTS_PATH));
    // Diagnostics quote content: they are drawn as text, never parsed as HTML.
    expect(CLIENT_SOURCE).not.toMatch(/innerHTML|insertAdjacentHTML|document\.write/);
  });
});
