import { describe, expect, it } from 'vitest';
import { isSkewBeyond, measureClockSkew } from './clock-skew.js';

describe('measureClockSkew', () => {
  it.each([
    // sent, received, database → skew, uncertainty
    [1_000, 1_010, 1_005, 0, 5],
    [1_000, 1_010, 3_005, 2_000, 5],
    [1_000, 1_002, 0, -1_001, 1],
  ])('sent %i, received %i, database %i → skew %i ± %i', (sent, received, database, skew, uncertainty) => {
    expect(measureClockSkew(sent, received, database)).toEqual({ skewMs: skew, uncertaintyMs: uncertainty });
  });

  it('reports skew beyond the tolerance only when the round trip cannot explain it', () => {
    expect(isSkewBeyond({ skewMs: 1_500, uncertaintyMs: 10 }, 1_000)).toBe(true);
    expect(isSkewBeyond({ skewMs: -1_500, uncertaintyMs: 10 }, 1_000)).toBe(true);
    expect(isSkewBeyond({ skewMs: 1_500, uncertaintyMs: 600 }, 1_000)).toBe(false);
    expect(isSkewBeyond({ skewMs: 900, uncertaintyMs: 0 }, 1_000)).toBe(false);
  });
});
