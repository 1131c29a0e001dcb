import { describe, expect, it } from 'vitest';
import { causeChain } from '../../../src/cli/main.js';
import { CareerdeckError } from '../../../src/errors.js';

describe('causeChain (--debug)', () => {
  it('lists every cause an error keeps, innermost last, with its stack', () => {
    const root = new Error('socket hang up');
    const middle = new Error('Protocol error: Target closed', { cause: root });
    const top = new CareerdeckError('BROWSER', 'the browser failed while printing', { cause: middle });
    const lines = causeChain(top);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^caused by: Error: Protocol error: Target closed\n\s+at /);
    expect(lines[1]).toMatch(/^caused by: Error: socket hang up/);
  });

  it('prints nothing for an error without a cause, and stops at a cycle', () => {
    expect(causeChain(new CareerdeckError('USAGE', 'two decks named'))).toEqual([]);
    const a = new Error('a');
    const b = new Error('b', { cause: a });
    (a as { cause?: unknown }).cause = b;
    expect(causeChain(new Error('top', { cause: a }))).toHaveLength(2);
  });
});
