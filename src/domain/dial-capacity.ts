/**
 * How many calls a campaign may place right now (DESIGN §2.8, §2.9, §4):
 * capacity = min(free concurrency slots, caller-id calls-per-second tokens, balance headroom).
 */

/** Why the dialer is not placing (more) calls for a campaign right now. */
export const DIAL_BLOCKS = [
  'not_active',
  'outside_window',
  'no_due_leads',
  'concurrency_full',
  'calls_per_second',
  'insufficient_balance',
  'provider_backoff',
] as const;
export type DialBlock = (typeof DIAL_BLOCKS)[number];

export interface CapacityFacts {
  readonly maxConcurrentCalls: number;
  readonly inFlight: number;
  readonly cpsTokens: number;
  /** Balance minus the reservations of calls in flight. */
  readonly availableMinor: number;
  /** One minute's cost at the assistant's rate: what each new call reserves. */
  readonly minuteCostMinor: number;
}

export function dialCapacity(facts: CapacityFacts): { capacity: number; blocked: DialBlock | null } {
  const slots = Math.max(0, facts.maxConcurrentCalls - facts.inFlight);
  const affordable =
    facts.minuteCostMinor <= 0
      ? Number.POSITIVE_INFINITY
      : Math.max(0, Math.floor(facts.availableMinor / facts.minuteCostMinor));
  const capacity = Math.min(slots, facts.cpsTokens, affordable);
  if (capacity > 0) return { capacity, blocked: null };
  if (slots === 0) return { capacity, blocked: 'concurrency_full' };
  if (affordable === 0) return { capacity, blocked: 'insufficient_balance' };
  return { capacity, blocked: 'calls_per_second' };
}

/**
 * Calls-per-second pacing per caller id as a GCRA token bucket: `paceAt` is the bucket's theoretical arrival
 * time, a burst of up to one second's worth of calls is allowed. Pure: the state lives in the store.
 * Everything stays in whole milliseconds (rounded so as never to exceed the rate): a fractional instant such as
 * T + 333.33 ms cannot be stored exactly, and a token computed for it could then never come.
 */
export function pacingTokens(paceAt: number, now: number, callsPerSecond: number): number {
  const tat = Math.max(paceAt, now);
  return Math.max(0, Math.floor(((now + 1000 - tat) * callsPerSecond) / 1000));
}

/** The bucket state after `calls` more calls at `now`. */
export function advancePacing(paceAt: number, now: number, callsPerSecond: number, calls: number): number {
  return Math.max(paceAt, now) + Math.ceil((calls * 1000) / callsPerSecond);
}

/** The first whole millisecond at which the next token is available. */
export function nextPacingTokenAt(paceAt: number, callsPerSecond: number): number {
  return Math.ceil(paceAt - 1000 + 1000 / callsPerSecond);
}

/**
 * A campaign is stopped for money when it cannot afford one minute and no call in flight on the account could
 * change that by ending (DESIGN §2.8): money is the account's, so another campaign's calls count too.
 */
export function shouldPauseForBalance(facts: {
  readonly availableMinor: number;
  readonly minuteCostMinor: number;
  readonly callsInFlightOnAccount: boolean;
}): boolean {
  return (
    !facts.callsInFlightOnAccount && facts.minuteCostMinor > 0 && facts.availableMinor < facts.minuteCostMinor
  );
}
