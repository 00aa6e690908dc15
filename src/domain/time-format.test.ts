import { describe, expect, it } from 'vitest';
import { formatInstantInZone } from './time-format.js';

describe('formatInstantInZone', () => {
  it.each([
    ['2026-03-06T21:30:00Z', 'America/New_York', '2026-03-06T16:30:00-05:00'],
    ['2026-03-09T13:00:00Z', 'America/New_York', '2026-03-09T09:00:00-04:00'],
    ['2026-03-06T21:30:00Z', 'Asia/Kolkata', '2026-03-07T03:00:00+05:30'],
    ['2026-03-06T21:30:00Z', 'Asia/Kathmandu', '2026-03-07T03:15:00+05:45'],
    ['2026-03-06T21:30:00Z', 'UTC', '2026-03-06T21:30:00+00:00'],
  ])('%s in %s', (iso, zone, expected) => {
    expect(formatInstantInZone(Date.parse(iso), zone)).toBe(expected);
    expect(Date.parse(expected)).toBe(Date.parse(iso));
  });
});
