import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareAll } from '../../../src/compare/compare.js';
import { loadModel } from '../../../src/content.js';
import { PROJECT_ROOT } from '../../support/content.js';

// The three- and four-role fixtures were written with known overlaps: these pin the analysis.
const fixture = (name: string) => path.join(PROJECT_ROOT, 'tests/fixtures', name, 'content');
const labels = (keywords: { label: string }[]) => keywords.map((k) => k.label).sort();

describe('comparison of the multi-role fixtures', () => {
  it('three roles: what all share, what two share and with whom, what one has', async () => {
    const [c] = compareAll(await loadModel(fixture('three-roles')));
    const responsibilities = c?.sections.find((s) => s.id === 'responsibilities')?.overlap;
    expect(labels(responsibilities?.shared ?? [])).toEqual(['Python', 'code review']);
    const partial = Object.fromEntries(
      (responsibilities?.partial ?? []).map((p) => [p.keyword.label, p.roles.map((i) => c?.roles[i]?.slug)]),
    );
    expect(partial).toEqual({
      Kubernetes: ['data-engineer', 'ml-platform-engineer'],
      'model training': ['research-engineer', 'ml-platform-engineer'],
    });
    expect(labels(responsibilities?.unique[1] ?? [])).toEqual(['experiments', 'paper reproduction']);
  });

  it('four roles: a keyword the fourth role lacks drops from all to some', async () => {
    const [c] = compareAll(await loadModel(fixture('four-roles')));
    expect(c?.roles).toHaveLength(4);
    const responsibilities = c?.sections.find((s) => s.id === 'responsibilities')?.overlap;
    expect(labels(responsibilities?.shared ?? [])).toEqual(['code review']);
    const python = responsibilities?.partial.find((p) => p.keyword.label === 'Python');
    expect(python?.roles.map((i) => c?.roles[i]?.slug)).toEqual([
      'data-engineer',
      'research-engineer',
      'ml-platform-engineer',
    ]);
    const analytics = c?.roles.findIndex((r) => r.slug === 'analytics-engineer') ?? -1;
    expect(labels(responsibilities?.unique[analytics] ?? [])).toEqual([
      'business metrics',
      'dashboards',
      'semantic layer',
    ]);
  });
});
