import { describe, expect, it } from 'vitest';
import { deckPage, paced, readingHtml } from '../../../src/room/slides.js';
import type { RoomSlide } from '../../../src/room/state.js';

const deck = (lang: string, dir = 'ltr') =>
  `<!doctype html><html lang="${lang}" dir="${dir}" data-theme="dark"><head><title>T</title></head>` +
  '<body data-duration="10"><div class="reveal"><div class="slides">' +
  '<section data-kind="title"><h1>One</h1><div class="slide-body"><p>a</p></div><aside class="notes"><p>say <b>it</b></p></aside></section>' +
  '<section data-minutes="4"><h2>Two</h2><div class="slide-body"><p>b</p></div></section>' +
  '</div></div></body></html>';

describe('readingHtml', () => {
  it('keeps the content, drops scripts, styles and links out (their text stays)', () => {
    const html = readingHtml(
      '<p>see <a href="https://elsewhere.example">this</a></p><script>x()</script><style>p{}</style><ol start="3" onclick="x()"><li>z</li></ol>',
    );
    expect(html).toBe('<p>see this</p><ol start="3"><li>z</li></ol>');
  });

  it("shows the deck's own pictures from /deck/assets and no picture from anywhere else", () => {
    const html = readingHtml(
      '<p><img src="assets/images/team.png" alt="The team">' +
        '<img src="https://elsewhere.example/t.png" alt="out">' +
        '<img src="//elsewhere.example/t.png" alt="protocol-relative">' +
        '<img src="data:image/png;base64,AA" alt="inline">' +
        '<img src="/etc/x.png" alt="absolute"></p>',
    );
    expect(html).toBe('<p><img src="/deck/assets/images/team.png" alt="The team" /></p>');
  });
});

describe('deckPage', () => {
  it("reads the slides, their notes and pacing, and the room's words in the deck's language", () => {
    const page = deckPage(deck('de'));
    expect(page).toMatchObject({ lang: 'de', dir: 'ltr', theme: 'dark', title: 'T' });
    expect(page.slides.map((s) => [s.title, s.minutes])).toEqual([
      ['One', 6],
      ['Two', 4],
    ]);
    expect(page.slides[0]!.notes).toBe('<p>say it</p>');
    expect(page.text.labels.roomBackToLive).toBe('Zurück zur Live-Folie');
    expect(page.text.fill(page.text.labels.roomVotes, { count: 1234 })).toBe('Stimmen: 1.234');
  });

  it("takes the deck's own wording over the catalogue, and the language's digits", () => {
    const page = deckPage(deck('ar-EG', 'rtl'), { roomBackToLive: 'إلى البث' });
    expect(page.dir).toBe('rtl');
    expect(page.text.labels.roomBackToLive).toBe('إلى البث');
    expect(page.text.labels.roomQuestions).toBe('الأسئلة');
    expect(page.text.number(12)).toBe('١٢');
  });
});

describe('paced', () => {
  const slide = (minutes?: number): RoomSlide => ({ index: 0, kind: 'prose', title: '', html: '', notes: '', minutes });

  it('shares the rest of the duration among the slides without a time of their own', () => {
    expect(paced([slide(5), slide(), slide()], 45).map((s) => s.minutes)).toEqual([5, 20, 20]);
  });

  it('leaves the slides as they are without a duration', () => {
    expect(paced([slide(5), slide()], NaN).map((s) => s.minutes)).toEqual([5, undefined]);
  });
});
