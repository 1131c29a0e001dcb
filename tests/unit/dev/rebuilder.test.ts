import { describe, expect, it } from 'vitest';
import type { BuildOptions, BuildResult } from '../../../src/build.js';
import type { BrowserSession } from '../../../src/browser/session.js';
import { Rebuilder } from '../../../src/dev/rebuilder.js';
import { CareerdeckError, ContentError } from '../../../src/errors.js';

const RESULT: BuildResult = { decks: [], browserLaunches: 0, blockedRequests: [], warnings: [] };

/** A stand-in for build(): each call waits until the test lets it finish (or its signal aborts it). */
function fakeBuild() {
  const calls: { options: BuildOptions; finish: (error?: Error) => void }[] = [];
  let running = 0;
  let most = 0;
  const build = (options: BuildOptions) =>
    new Promise<BuildResult>((resolve, reject) => {
      running += 1;
      most = Math.max(most, running);
      const done = (error?: Error) => {
        running -= 1;
        if (error) reject(error);
        else resolve(RESULT);
      };
      options.signal?.addEventListener('abort', () => done(new CareerdeckError('INTERRUPTED', 'stopped')));
      calls.push({ options, finish: (error) => done(error) });
    });
  return { build, calls, most: () => most };
}

function fakeSession() {
  const session = { closed: false, close: async () => void (session.closed = true) };
  return session;
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

function rebuilder(pdf = true, pdfDelayMs = 0) {
  const fake = fakeBuild();
  const sessions: ReturnType<typeof fakeSession>[] = [];
  const seen: string[] = [];
  const r = new Rebuilder({
    build: fake.build,
    pdfDelayMs,
    options: () => ({ contentDir: 'content' }),
    newSession: pdf
      ? () => {
          const s = fakeSession();
          sessions.push(s);
          return s as unknown as BrowserSession;
        }
      : undefined,
    onHtml: (_r, _ms, changes) => void seen.push(`html ${changes.join(',')}`),
    onPdf: () => void seen.push('pdf'),
    onError: (error, phase) => void seen.push(`error ${phase} ${(error as Error).name}`),
  });
  return { r, fake, sessions, seen };
}

describe('Rebuilder', () => {
  it('builds the HTML without a browser, then the PDFs with one session kept across builds', async () => {
    const { r, fake, sessions, seen } = rebuilder();
    void r.request(['a.md']);
    await tick();
    expect(fake.calls[0]!.options).toMatchObject({ pdf: false, session: undefined });
    fake.calls[0]!.finish();
    await tick();
    expect(fake.calls[1]!.options).toMatchObject({ pdf: true, session: sessions[0] });
    fake.calls[1]!.finish();
    await r.idle();
    void r.request(['b.md']);
    await tick();
    fake.calls[2]!.finish();
    await tick();
    fake.calls[3]!.finish();
    await r.idle();
    expect(seen).toEqual(['html a.md', 'pdf', 'html b.md', 'pdf']);
    expect(sessions).toHaveLength(1);
    expect(sessions[0]!.closed).toBe(false);
    await r.close();
    expect(sessions[0]!.closed).toBe(true);
  });

  it('stops the PDFs when something changes, closing their session, and starts over; never two builds at once', async () => {
    const { r, fake, sessions, seen } = rebuilder();
    void r.request(['a.md']);
    await tick();
    fake.calls[0]!.finish();
    await tick();
    expect(fake.calls[1]!.options.pdf).toBe(true);
    void r.request(['b.md']);
    expect(fake.calls[1]!.options.signal?.aborted).toBe(true);
    expect(sessions[0]!.closed).toBe(true);
    await tick();
    expect(fake.calls[2]!.options.pdf).toBe(false);
    fake.calls[2]!.finish();
    await tick();
    expect(fake.calls[3]!.options.session).toBe(sessions[1]);
    fake.calls[3]!.finish();
    await r.idle();
    expect(seen).toEqual(['html a.md', 'html b.md', 'pdf']);
    expect(fake.most()).toBe(1);
    await r.close();
  });

  it('gathers changes during an HTML build into one build after it', async () => {
    const { r, fake, seen } = rebuilder(false);
    void r.request(['a.md']);
    await tick();
    void r.request(['b.md']);
    void r.request(['c.md']);
    fake.calls[0]!.finish();
    await tick();
    fake.calls[1]!.finish();
    await r.idle();
    expect(seen).toEqual(['html a.md', 'html b.md,c.md']);
    expect(fake.calls).toHaveLength(2);
  });

  it('waits before the PDFs, and a change during that wait builds the HTML again without printing first', async () => {
    const { r, fake, seen } = rebuilder(true, 50);
    void r.request(['a.md']);
    await tick();
    fake.calls[0]!.finish();
    await tick();
    expect(fake.calls).toHaveLength(1);
    void r.request(['b.md']);
    await tick();
    expect(fake.calls[1]!.options.pdf).toBe(false);
    fake.calls[1]!.finish();
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(fake.calls[2]!.options.pdf).toBe(true);
    fake.calls[2]!.finish();
    await r.idle();
    expect(seen).toEqual(['html a.md', 'html b.md', 'pdf']);
    await r.close();
  });

  it('reports a failed HTML build and prints no PDFs for it', async () => {
    const { r, fake, seen } = rebuilder();
    void r.request(['a.md']);
    await tick();
    fake.calls[0]!.finish(new ContentError([{ file: 'a.md', line: 2, message: 'bad' }]));
    await r.idle();
    expect(seen).toEqual(['error html ContentError']);
    expect(fake.calls).toHaveLength(1);
    await r.close();
  });

  it('replaces a session whose browser failed', async () => {
    const { r, fake, sessions } = rebuilder();
    void r.request();
    await tick();
    fake.calls[0]!.finish();
    await tick();
    fake.calls[1]!.finish(new CareerdeckError('BROWSER', 'crashed'));
    await r.idle();
    expect(sessions[0]!.closed).toBe(true);
    void r.request();
    await tick();
    fake.calls[2]!.finish();
    await tick();
    expect(fake.calls[3]!.options.session).toBe(sessions[1]);
    fake.calls[3]!.finish();
    await r.close();
  });

  it('close() stops a running build and starts none after', async () => {
    const { r, fake, sessions } = rebuilder();
    void r.request();
    await tick();
    fake.calls[0]!.finish();
    await tick();
    await r.close();
    expect(fake.calls[1]!.options.signal?.aborted).toBe(true);
    expect(sessions.every((s) => s.closed)).toBe(true);
    await r.request(['late.md']);
    expect(fake.calls).toHaveLength(2);
  });
});
