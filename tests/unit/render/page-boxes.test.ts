import { describe, expect, it } from 'vitest';
import { mirrorPageBoxes } from '../../../src/render/page-boxes.js';

describe('printed margin boxes right to left', () => {
  it('swaps left and right in the box names, sets them right to left, and leaves other styles', () => {
    const html =
      '<style>@page { @top-left { content: "T"; } @bottom-right { content: counter(page); } }</style><style>p { left: 0 }</style>';
    const out = mirrorPageBoxes(html);
    expect(out).toContain('@top-right { content: "T"; } @bottom-left { content: counter(page); }');
    expect(out).toContain('@top-left { direction: rtl; }');
    expect(out).toContain('<style>p { left: 0 }</style>');
  });

  it('never changes a title that quotes a box name, nor a comment', () => {
    const out = mirrorPageBoxes('<style>/* @top-left {} */ @page { @top-left { content: "@top-left {"; } }</style>');
    expect(out).toContain('/* @top-left {} */ @page { @top-right { content: "@top-left {"; } }');
  });
});
