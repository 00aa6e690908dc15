import { describe, expect, it } from 'vitest';
import type { CallingWindow } from './calling-window.js';
import { diagnoseDialing, type DialingFacts } from './dialing-diagnosis.js';

const window: CallingWindow = {
  startTime: '09:00',
  endTime: '18:00',
  days: ['mon', 'tue', 'wed', 'thu', 'fri'],
  timezone: 'UTC',
};
// Wednesday 2026-03-04 12:00 UTC: inside the window.
const NOON = Date.UTC(2026, 2, 4, 12);
const facts = (over: Partial<DialingFacts> = {}): DialingFacts => ({
  status: 'active',
  pauseReason: null,
  window,
  now: NOON,
  inFlight: 0,
  maxConcurrentCalls: 5,
  nextDueAt: NOON - 1000,
  availableMinor: 1000,
  minuteCostMinor: 10,
  ...over,
});

describe('diagnoseDialing', () => {
  it('says a campaign with due leads, free slots and money inside its window is dialing', () => {
    expect(diagnoseDialing(facts())).toEqual({ state: 'dialing', reason: null, nextDialAt: NOON });
  });

  it.each([
    ['draft', null, 'draft'],
    ['completed', null, 'completed'],
    ['paused', 'manual', 'paused'],
    ['paused', 'insufficient_balance', 'insufficient_balance'],
  ] as const)('a %s campaign (%s) is stopped: %s', (status, pauseReason, reason) => {
    expect(diagnoseDialing(facts({ status, pauseReason }))).toEqual({
      state: 'stopped',
      reason,
      nextDialAt: null,
    });
  });

  it('outside the window names the next opening', () => {
    const evening = Date.UTC(2026, 2, 4, 19);
    expect(diagnoseDialing(facts({ now: evening, nextDueAt: evening }))).toEqual({
      state: 'waiting',
      reason: 'outside_window',
      nextDialAt: Date.UTC(2026, 2, 5, 9),
    });
  });

  it('a retry due on Saturday is dialed on Monday at the opening', () => {
    const saturday = Date.UTC(2026, 2, 7, 10);
    expect(diagnoseDialing(facts({ nextDueAt: saturday }))).toEqual({
      state: 'waiting',
      reason: 'no_due_leads',
      nextDialAt: Date.UTC(2026, 2, 9, 9),
    });
  });

  it('with nothing waiting it cannot say when (calls in flight may bring retries)', () => {
    expect(diagnoseDialing(facts({ nextDueAt: null }))).toEqual({
      state: 'waiting',
      reason: 'no_due_leads',
      nextDialAt: null,
    });
  });

  it('names full concurrency, then money for one more call', () => {
    expect(diagnoseDialing(facts({ inFlight: 5 })).reason).toBe('concurrency_full');
    expect(diagnoseDialing(facts({ availableMinor: 9 })).reason).toBe('insufficient_balance_for_more');
  });
});
