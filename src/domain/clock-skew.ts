/**
 * Clock skew between a worker and the database (DESIGN §4): leases, deadlines and calling windows are compared
 * across workers by the times they write, so a worker whose clock runs apart from the others' misjudges them.
 * The worker reads its clock before and after asking the database for its own; the database's reading is taken
 * as having happened half-way (the usual NTP estimate), which is exact to within half the round trip.
 */
export interface ClockSkew {
  /** Database clock minus worker clock, in ms: positive when the worker's clock is behind. */
  readonly skewMs: number;
  /** How far off the estimate may be: half the round trip. */
  readonly uncertaintyMs: number;
}

export function measureClockSkew(sentAt: number, receivedAt: number, databaseAt: number): ClockSkew {
  const midpoint = (sentAt + receivedAt) / 2;
  return { skewMs: Math.round(databaseAt - midpoint), uncertaintyMs: Math.ceil((receivedAt - sentAt) / 2) };
}

/** Skew is reported only when it certainly exceeds the tolerance, whatever the round trip hid. */
export function isSkewBeyond(skew: ClockSkew, toleranceMs: number): boolean {
  return Math.abs(skew.skewMs) - skew.uncertaintyMs > toleranceMs;
}
