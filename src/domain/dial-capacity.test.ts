import { describe, expect, it } from 'vitest';
import {
  advancePacing,
  dialCapacity,
  nextPacingTokenAt,
  pacingTokens,
  shouldPauseForBalance,
} from './dial-capacity.js';

const facts = {
  maxConcurrentCalls: 5,
  inFlight: 0,
  cpsTokens: 10,
  availableMinor: 1000,
  minuteCostMinor: 10,
};

describe('dialCapacity = min(slots, pacing tokens, balance headroom)', () => {
  it.each([
    ['free slots', { ...facts }, 5, null],
    ['slots taken', { ...facts, inFlight: 5 }, 0, 'concurrency_full'],
    ['pacing', { ...facts, cpsTokens: 0 }, 0, 'calls_per_second'],
    ['one minute per call must be covered', { ...facts, availableMinor: 25 }, 2, null],
    ['less than a minute left', { ...facts, availableMinor: 9 }, 0, 'insufficient_balance'],
    ['free calls need no money', { ...facts, availableMinor: 0, minuteCostMinor: 0 }, 5, null],
  ] as const)('%s', (_name, input, capacity, blocked) => {
    expect(dialCapacity(input)).toEqual({ capacity, blocked });
  });
});

describe('pacing per caller id (GCRA)', () => {
  const now = 1_000_000;

  it('allows a burst of one second of calls, then one per interval', () => {
    expect(pacingTokens(0, now, 3)).toBe(3);
    const after = advancePacing(0, now, 3, 3);
    expect(pacingTokens(after, now, 3)).toBe(0);
    expect(pacingTokens(after, now + 334, 3)).toBe(1);
    expect(nextPacingTokenAt(after, 3)).toBe(now + 334);
  });

  it.each([1, 2, 3, 7, 30, 100, 999])(
    'at %i calls per second a token is always there at the next-token time',
    (cps) => {
      let paceAt = 0;
      let now = 1_765_000_000_000;
      for (let call = 0; call < 50; call++) {
        const tokens = pacingTokens(paceAt, now, cps);
        expect(tokens).toBeGreaterThan(0);
        paceAt = advancePacing(paceAt, now, cps, tokens);
        now = Math.max(now, nextPacingTokenAt(paceAt, cps));
        expect(Number.isInteger(now) && Number.isInteger(paceAt)).toBe(true);
      }
    },
  );

  it('at 1 call per second, the next token is one second after the last call', () => {
    const after = advancePacing(0, now, 1, 1);
    expect(pacingTokens(after, now + 999, 1)).toBe(0);
    expect(pacingTokens(after, now + 1000, 1)).toBe(1);
    expect(nextPacingTokenAt(after, 1)).toBe(now + 1000);
  });
});

describe('shouldPauseForBalance', () => {
  it('pauses only when nothing is in flight on the account and one minute is not affordable', () => {
    const idle = { minuteCostMinor: 10, callsInFlightOnAccount: false };
    expect(shouldPauseForBalance({ ...idle, availableMinor: 9 })).toBe(true);
    expect(shouldPauseForBalance({ ...idle, availableMinor: 9, callsInFlightOnAccount: true })).toBe(false);
    expect(shouldPauseForBalance({ ...idle, availableMinor: 10 })).toBe(false);
  });
});
