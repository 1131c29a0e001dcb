import { describe, expect, it } from 'vitest';
import { keywordKey } from '../../../src/validate/keys.js';
import { closeHeadings, nearKeywords } from '../../../src/validate/similar.js';

const kw = (label: string) => ({ label, key: keywordKey(label) });

describe('closeHeadings', () => {
  it.each([
    ['Skills', 'Required skills'],
    ['Tools', 'Tools and software'],
    ['Responsibilites', 'Responsibilities'],
    ['Industry', 'Industries'],
    ['Education', 'Education and training'],
  ])('takes "%s" and "%s" for one heading renamed', (a, b) => {
    expect(closeHeadings(a, b)).toBe(true);
    expect(closeHeadings(b, a)).toBe(true);
  });

  it.each([
    ['Skills', 'Education'],
    ['Definition', 'Industries'],
    ['Outlook', 'Getting started'],
    ['Required skills', 'Required education'],
    ['Tools', 'Roles'],
  ])('takes "%s" and "%s" for different sections', (a, b) => {
    expect(closeHeadings(a, b)).toBe(false);
  });

  it('does not call a heading close to itself or to the same id written otherwise', () => {
    expect(closeHeadings('Skills', 'Skills')).toBe(false);
    expect(closeHeadings('Required skills', 'Required Skills')).toBe(false);
  });
});

describe('nearKeywords', () => {
  it.each([
    ["Bachelor's", "Bachelor's degree"],
    ['Libraries', 'Library'],
    ['Kubernetes', 'Kubernets'],
    ['Processes', 'Process'],
    ['Machine learning', 'Machine learning engineering'],
  ])('takes **%s** and **%s** for one term written two ways', (a, b) => {
    expect(nearKeywords(kw(a), kw(b))).toBe(true);
    expect(nearKeywords(kw(b), kw(a))).toBe(true);
  });

  it.each([
    ['C', 'C++'],
    ['C++', 'C#'],
    ['Go', 'Go modules'],
    ['Python 2', 'Python 3'],
    ['Java', 'JavaScript'],
    ['SQL', 'NoSQL'],
    ['Python', 'PyTorch'],
    ['Docker', 'Kubernetes'],
  ])('takes **%s** and **%s** for different terms', (a, b) => {
    expect(nearKeywords(kw(a), kw(b))).toBe(false);
  });

  it('leaves keywords that already match (case, a plain plural) to the comparison', () => {
    expect(nearKeywords(kw('GPUs'), kw('gpu'))).toBe(false);
    expect(nearKeywords(kw('Python'), kw('python'))).toBe(false);
  });
});
