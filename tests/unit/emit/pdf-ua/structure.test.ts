import { describe, expect, it } from 'vitest';
import { PdfObjects } from '../../../../src/emit/pdf-ua/objects.js';
import { structureObjects } from '../../../../src/emit/pdf-ua/structure.js';
import { readValue, writeValue } from '../../../../src/emit/pdf-ua/values.js';

/** A PDF's objects as Chromium writes them: one per `N 0 obj`, then a trailer naming the catalog. */
const pdf = (objects: Record<number, string>) =>
  new PdfObjects(
    `%PDF-1.7\n${Object.entries(objects)
      .map(([n, body]) => `${n} 0 obj\n${body}\nendobj\n`)
      .join('')}trailer\n<< /Root 1 0 R /Size 20 >>\nstartxref\n0\n%%EOF\n`,
  );

describe('values', () => {
  it('reads and writes dictionaries, arrays, references, names and strings unchanged in meaning', () => {
    const source = '<</Type /StructElem /S /P /K [0 <</Type /MCR /MCID 3>> 12 0 R] /Alt (a \\) b) /ID <00ff>>>';
    const { value } = readValue(source);
    expect(writeValue(readValue(writeValue(value)).value)).toBe(writeValue(value));
    expect(writeValue(value)).toContain('12 0 R');
    expect(writeValue(value)).toContain('(a \\) b)');
  });
});

describe('structureObjects', () => {
  const objects = {
    1: '<</Type /Catalog /Pages 2 0 R /StructTreeRoot 3 0 R>>',
    2: '<</Type /Pages /Kids [10 0 R] /Count 1>>',
    3: '<</Type /StructTreeRoot /K 4 0 R /ParentTree 9 0 R>>',
    4: '<</Type /StructElem /S /Document /P 3 0 R /K [5 0 R 7 0 R]>>',
    5: '<</Type /StructElem /S /H1 /P 4 0 R /K 6 0 R>>',
    6: '<</Type /StructElem /S /NonStruct /P 5 0 R /Pg 10 0 R /K 0>>',
    7: '<</Type /StructElem /S /P /P 4 0 R /K [8 0 R 11 0 R]>>',
    8: '<</Type /StructElem /S /Strong /P 7 0 R /K 12 0 R>>',
    11: '<</Type /StructElem /S /NonStruct /P 7 0 R /Pg 10 0 R /K [2 3]>>',
    12: '<</Type /StructElem /S /NonStruct /P 8 0 R /Pg 10 0 R /K 1>>',
    9: '<</Nums [0 [6 0 R 12 0 R 11 0 R 11 0 R]]>>',
    10: '<</Type /Page /Parent 2 0 R /StructParents 0>>',
  };
  const rewritten = new Map(structureObjects(pdf(objects)).map((o) => [o.number, o.body]));

  it("gives the kids of NonStruct wrappers to their parents, on the wrapper's page", () => {
    expect(rewritten.get(5)).toMatch(/\/K 0\b/);
    expect(rewritten.get(5)).toContain('/Pg 10 0 R');
    expect(rewritten.get(7)).toMatch(/\/K \[8 0 R 2 3\]/);
    expect(rewritten.get(8)).toMatch(/\/K 1\b/);
  });

  it('points the parent tree at the elements that took the marked content', () => {
    expect(rewritten.get(9)).toContain('[5 0 R 8 0 R 7 0 R 7 0 R]');
  });

  it('role-maps the types that are not standard', () => {
    expect(rewritten.get(3)).toMatch(/\/RoleMap <<\/Strong \/Span>>/);
  });
});
