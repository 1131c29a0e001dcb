import { describe, expect, it } from 'vitest';
import { outputName, outputOfFile } from '../../../src/emit/names.js';
import { OUTPUT_KINDS, OUTPUTS } from '../../../src/model/outputs.js';

describe('outputOfFile', () => {
  it('reads back every output name the table makes', () => {
    for (const kind of OUTPUT_KINDS) {
      const roleSlug = OUTPUTS[kind].perRole ? 'ai-scientist' : undefined;
      expect(outputOfFile('workshop', outputName('workshop', kind, roleSlug))).toEqual(
        roleSlug ? { kind, roleSlug } : { kind },
      );
    }
  });

  it('knows nothing of other files, nor of another deck', () => {
    for (const file of ['index.html', 'assets/deck.css', 'workshop-', 'workshop--factsheet.pdf', 'talk-report.pdf'])
      expect(outputOfFile('workshop', file)).toBeUndefined();
    expect(outputOfFile('workshop', 'workshop-a/b-factsheet.pdf')).toBeUndefined();
  });

  it('gives the room the notes to withhold and the rest to offer, in the order it lists them', () => {
    const room = (file: string) => {
      const o = outputOfFile('workshop', file);
      return o && OUTPUTS[o.kind].room;
    };
    expect(room('workshop-notes.pdf')).toEqual({ never: true });
    const ranks = [
      'workshop-handout.pdf',
      'workshop-report.pdf',
      'workshop-slides.pdf',
      'workshop-ml-factsheet.pdf',
    ].map((f) => {
      const r = room(f);
      return r && 'takeHome' in r ? r.takeHome.rank : undefined;
    });
    expect(ranks).toEqual([1, 2, 3, 4]);
    // What carries the speaker notes besides the notes PDF.
    expect(room('workshop.pptx')).toEqual({ never: true });
    expect(room('workshop.html')).toEqual({ never: true });
    expect(room('images/thumbnail.png')).toBeUndefined();
  });
});
