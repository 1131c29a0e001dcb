import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildPptx } from '../../../../src/emit/pptx/pptx.js';
import { deckView, type DeckView } from '../../../../src/render/deck-view.js';
import { deckFile, lines, roleFile } from '../../source-files.js';
import { comparison, deckText, scientistText } from '../../render/model.js';

// Content is untrusted: what the HTML deck refuses (unsafe links, pictures from elsewhere) the
// PowerPoint refuses too, and raw HTML is the text the HTML deck shows, never markup.
const engineer = lines(
  '---',
  'title: Machine Learning Engineer',
  'short: ML Engineer',
  '---',
  '## Skills',
  '',
  '- **Python** with <script>alert(1)</script> and [bad](javascript:alert(1)) and [good](https://example.org/ok)',
  '- tracked from [far](https://evil.example/x.png) and [data](data:text/html,hi)',
  '  - nested [mail](mailto:a@example.org) and [rel](../../etc/passwd)',
  '',
  '| Tool | Cost |',
  '|:--|--:|',
  '| [x](javascript:alert(2)) | [fine](https://example.org/cell) |',
  '',
  '> Quote with [vb](vbscript:x)',
  '> — Someone',
  '',
  'Note: Say <img src=x onerror=alert(3)> [notes](javascript:alert(4))',
);

let view: DeckView;
let zip: JSZip;
const all = async (pattern: RegExp) =>
  (
    await Promise.all(
      Object.keys(zip.files)
        .filter((n) => pattern.test(n))
        .map((n) => zip.file(n)!.async('string')),
    )
  ).join('\n');

beforeAll(async () => {
  const c = comparison([
    roleFile('engineer', engineer),
    roleFile('scientist', scientistText),
    deckFile('deck', deckText('[skills]')),
  ]);
  view = deckView(c);
  zip = await JSZip.loadAsync(await buildPptx({ c, view, date: new Date('2026-01-01T00:00:00Z') }));
});

describe('buildPptx from hostile content', () => {
  it('links only to what the HTML deck links to: the web and mail', async () => {
    const rels = await all(/^ppt\/(slides|notesSlides)\/_rels\/.*\.rels$/);
    const targets = [...rels.matchAll(/Type="[^"]*\/hyperlink" Target="([^"]*)"/g)].map((m) => m[1]);
    expect(new Set(targets)).toEqual(
      new Set([
        'https://example.org/ok',
        'https://evil.example/x.png',
        'mailto:a@example.org',
        'https://example.org/cell',
      ]),
    );
    const html = view.slides.map((s) => [s.html ?? '', ...(s.columns ?? []).map((c) => c.html)].join('')).join('');
    const hrefs = [...html.matchAll(/<a href="([^"]*)"/g)].map((m) => m[1]);
    expect(new Set(targets)).toEqual(new Set(hrefs));
    const everything = await all(/\.(xml|rels)$/);
    for (const scheme of ['javascript:', 'vbscript:', 'data:text', 'passwd']) expect(everything).not.toContain(scheme);
  });

  it('shows raw HTML as escaped text only, as the HTML deck does', async () => {
    const slides = await all(/^ppt\/slides\/slide\d+\.xml$/);
    expect(slides).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(slides).not.toMatch(/<script|onerror/);
    const notes = await all(/^ppt\/notesSlides\/notesSlide\d+\.xml$/);
    expect(notes).toContain('Say &lt;img src=x onerror=alert(3)&gt; notes');
  });
});
