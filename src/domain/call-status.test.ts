import { describe, expect, it } from 'vitest';
import { canAdvanceCallStatus } from './call-status.js';

describe('call status moves only forward (DESIGN §2.7)', () => {
  it.each([
    ['initiated', 'ringing', true],
    ['initiated', 'completed', true],
    ['ringing', 'in_progress', true],
    ['in_progress', 'ringing', false],
    ['ringing', 'ringing', false],
    ['completed', 'failed', false],
    ['busy', 'completed', false],
  ] as const)('%s → %s: %s', (from, to, expected) => {
    expect(canAdvanceCallStatus(from, to)).toBe(expected);
  });
});
