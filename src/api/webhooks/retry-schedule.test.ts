import { describe, expect, it } from 'vitest';
import { decideAfterAttempt } from './retry-schedule.js';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const NOW = Date.parse('2026-03-06T21:30:00Z');

describe('what follows a webhook attempt', () => {
  it.each([200, 201, 204, 299])('%i is delivered', (status) => {
    expect(decideAfterAttempt(1, status, NOW)).toEqual({ kind: 'delivered' });
  });

  it('410 Gone disables the endpoint, on any attempt', () => {
    expect(decideAfterAttempt(1, 410, NOW)).toEqual({ kind: 'endpoint_gone' });
    expect(decideAfterAttempt(8, 410, NOW)).toEqual({ kind: 'endpoint_gone' });
  });

  it.each([
    [1, 5 * SECOND],
    [2, 5 * MINUTE],
    [3, 30 * MINUTE],
    [4, 2 * HOUR],
    [5, 5 * HOUR],
    [6, 10 * HOUR],
    [7, 10 * HOUR],
  ])('after failed attempt %i the next comes %i ms later', (attempt, delay) => {
    expect(decideAfterAttempt(attempt, 500, NOW)).toEqual({ kind: 'retry', at: NOW + delay });
    expect(decideAfterAttempt(attempt, null, NOW)).toEqual({ kind: 'retry', at: NOW + delay });
  });

  it.each([301, 400, 404, 429, 500, 503])('%i is retried', (status) => {
    expect(decideAfterAttempt(1, status, NOW).kind).toBe('retry');
  });

  it('fails after the eighth attempt: the first and seven retries, about a day and a half', () => {
    expect(decideAfterAttempt(8, 503, NOW)).toEqual({ kind: 'failed' });
    expect(decideAfterAttempt(8, null, NOW)).toEqual({ kind: 'failed' });
  });
});
