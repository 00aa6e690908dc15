import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  WEEKDAYS,
  currentWindowClose,
  isInsideWindow,
  isValidTimeZone,
  localDateTime,
  localToInstant,
  nextWindowOpening,
  parseClockTime,
  type CallingWindow,
  type Weekday,
} from './calling-window.js';

// Transition facts below were read from Node 20's bundled tzdata (2025c) before being asserted.

const WEEKDAYS_ONLY: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri'];
const EVERY_DAY: readonly Weekday[] = WEEKDAYS;

function win(startTime: string, endTime: string, days: readonly Weekday[], timezone: string): CallingWindow {
  return { startTime, endTime, days, timezone };
}

const at = (iso: string): number => {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new Error(`bad ISO instant in test: ${iso}`);
  return ms;
};
const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

const NY_OFFICE = win('09:00', '18:00', WEEKDAYS_ONLY, 'America/New_York');

describe('parseClockTime', () => {
  it.each([
    ['00:00', 0],
    ['09:30', 570],
    ['23:59', 1439],
    ['24:00', 1440],
    ['9:00', null],
    ['09:0', null],
    ['0900', null],
    ['09-00', null],
    [' 09:00', null],
    ['09:00 ', null],
    ['24:01', null],
    ['25:00', null],
    ['12:60', null],
    ['-1:00', null],
    ['１２:００', null],
    ['', null],
  ])('%j → %j', (text, expected) => {
    expect(parseClockTime(text)).toBe(expected);
  });
});

describe('isValidTimeZone', () => {
  it.each([
    ['America/New_York', true],
    ['Asia/Kolkata', true],
    ['Asia/Kathmandu', true],
    ['Australia/Lord_Howe', true],
    ['UTC', true],
    ['Mars/Olympus', false],
    ['', false],
    ['+05:30', false],
  ])('%j → %j', (timezone, expected) => {
    expect(isValidTimeZone(timezone)).toBe(expected);
  });

  it('functions that take a zone reject unknown ones with a RangeError', () => {
    expect(() => localDateTime('Mars/Olympus', 0)).toThrow(RangeError);
    expect(() => isInsideWindow(win('09:00', '18:00', EVERY_DAY, 'Mars/Olympus'), 0)).toThrow(RangeError);
    expect(() => localToInstant('', 2026, 1, 1, 0)).toThrow(RangeError);
  });
});

describe('localDateTime', () => {
  it.each([
    ['UTC', '2026-01-05T00:00:00Z', [2026, 1, 5, 'mon', 0, 0]],
    ['America/New_York', '2026-01-05T14:00:59Z', [2026, 1, 5, 'mon', 540, 59]],
    ['America/New_York', '2026-03-08T06:59:59Z', [2026, 3, 8, 'sun', 119, 59]],
    ['America/New_York', '2026-03-08T07:00:00Z', [2026, 3, 8, 'sun', 180, 0]],
    ['America/New_York', '2026-11-01T05:10:00Z', [2026, 11, 1, 'sun', 70, 0]],
    ['America/New_York', '2026-11-01T06:10:00Z', [2026, 11, 1, 'sun', 70, 0]],
    ['Asia/Kolkata', '2026-01-04T18:30:00Z', [2026, 1, 5, 'mon', 0, 0]],
    ['Asia/Kathmandu', '2026-01-05T03:15:00Z', [2026, 1, 5, 'mon', 540, 0]],
    ['Australia/Lord_Howe', '2026-01-04T22:00:00Z', [2026, 1, 5, 'mon', 540, 0]],
    ['Australia/Lord_Howe', '2026-07-05T22:30:00Z', [2026, 7, 6, 'mon', 540, 0]],
    ['Pacific/Honolulu', '2027-01-01T05:00:00Z', [2026, 12, 31, 'thu', 1140, 0]],
    ['Pacific/Kiritimati', '2026-12-31T10:00:00Z', [2027, 1, 1, 'fri', 0, 0]],
    ['America/Santiago', '2026-09-06T03:59:59Z', [2026, 9, 5, 'sat', 1439, 59]],
    ['America/Santiago', '2026-09-06T04:00:00Z', [2026, 9, 6, 'sun', 60, 0]],
    ['America/Havana', '2026-11-01T05:00:00Z', [2026, 11, 1, 'sun', 0, 0]],
    ['UTC', '2024-02-29T23:59:59.999Z', [2024, 2, 29, 'thu', 1439, 59]],
  ] as const)('%s at %s', (timezone, instant, [year, month, day, weekday, minuteOfDay, second]) => {
    expect(localDateTime(timezone, at(instant))).toEqual({ year, month, day, weekday, minuteOfDay, second });
  });
});

describe('localToInstant', () => {
  it.each([
    // plain
    ['UTC', [2026, 1, 5, 540], '2026-01-05T09:00:00.000Z'],
    ['America/New_York', [2026, 1, 5, 540], '2026-01-05T14:00:00.000Z'],
    ['Asia/Kolkata', [2026, 1, 5, 540], '2026-01-05T03:30:00.000Z'],
    ['Asia/Kathmandu', [2026, 1, 5, 540], '2026-01-05T03:15:00.000Z'],
    ['America/New_York', [2026, 12, 31, 1440], '2027-01-01T05:00:00.000Z'],
    // spring-forward gaps map to the jump
    ['America/New_York', [2026, 3, 8, 150], '2026-03-08T07:00:00.000Z'],
    ['America/New_York', [2026, 3, 8, 540], '2026-03-08T13:00:00.000Z'],
    ['Europe/London', [2026, 3, 29, 90], '2026-03-29T01:00:00.000Z'],
    ['Europe/Berlin', [2026, 3, 29, 150], '2026-03-29T01:00:00.000Z'],
    ['Australia/Lord_Howe', [2026, 10, 4, 135], '2026-10-03T15:30:00.000Z'],
    ['America/Santiago', [2026, 9, 6, 0], '2026-09-06T04:00:00.000Z'],
    ['America/Havana', [2026, 3, 8, 30], '2026-03-08T05:00:00.000Z'],
    // fall-back overlaps map to the earlier instant
    ['America/New_York', [2026, 11, 1, 70], '2026-11-01T05:10:00.000Z'],
    ['Europe/London', [2026, 10, 25, 60], '2026-10-25T00:00:00.000Z'],
    ['Australia/Lord_Howe', [2026, 4, 5, 105], '2026-04-04T14:45:00.000Z'],
    ['America/Santiago', [2026, 4, 4, 1410], '2026-04-05T02:30:00.000Z'],
    ['America/Havana', [2026, 11, 1, 30], '2026-11-01T04:30:00.000Z'],
  ] as const)('%s %j → %s', (timezone, [year, month, day, minuteOfDay], expected) => {
    expect(iso(localToInstant(timezone, year, month, day, minuteOfDay))).toBe(expected);
  });

  it.each([
    [2026, 2, 29, 0],
    [2026, 13, 1, 0],
    [2026, 0, 1, 0],
    [2026, 1, 1, 1441],
    [2026, 1, 1, -1],
    [2026, 1, 1, 1.5],
  ])('rejects %j', (year, month, day, minuteOfDay) => {
    expect(() => localToInstant('UTC', year, month, day, minuteOfDay)).toThrow(RangeError);
  });
});

describe('isInsideWindow', () => {
  it.each([
    // exact boundaries, seconds and milliseconds count
    ['NY 08:59:59 Mon', NY_OFFICE, '2026-01-05T13:59:59.999Z', false],
    ['NY 09:00 Mon', NY_OFFICE, '2026-01-05T14:00:00Z', true],
    ['NY 17:59:59 Mon', NY_OFFICE, '2026-01-05T22:59:59Z', true],
    ['NY 17:59:59.999 Mon', NY_OFFICE, '2026-01-05T22:59:59.999Z', true],
    ['NY 18:00 Mon', NY_OFFICE, '2026-01-05T23:00:00Z', false],
    ['NY Fri noon', NY_OFFICE, '2026-01-09T17:00:00Z', true],
    ['NY Sat noon', NY_OFFICE, '2026-01-10T17:00:00Z', false],
    ['NY Sun noon', NY_OFFICE, '2026-01-11T17:00:00Z', false],
    // Monday starts at local midnight, not UTC midnight
    [
      'NY Mon-only, Sun 23:59:59',
      win('00:00', '24:00', ['mon'], 'America/New_York'),
      '2026-01-05T04:59:59Z',
      false,
    ],
    [
      'NY Mon-only, Mon 00:00',
      win('00:00', '24:00', ['mon'], 'America/New_York'),
      '2026-01-05T05:00:00Z',
      true,
    ],
    // end 24:00
    ['UTC sun 00:00', win('00:00', '24:00', ['sun'], 'UTC'), '2026-01-04T00:00:00Z', true],
    ['UTC sun 23:59:59.999', win('00:00', '24:00', ['sun'], 'UTC'), '2026-01-04T23:59:59.999Z', true],
    ['UTC mon 00:00 after sun-only', win('00:00', '24:00', ['sun'], 'UTC'), '2026-01-05T00:00:00Z', false],
    [
      'UTC sat 23:59:59 before sun-only',
      win('00:00', '24:00', ['sun'], 'UTC'),
      '2026-01-03T23:59:59Z',
      false,
    ],
    ['UTC 22–24 at 23:59:59', win('22:00', '24:00', ['mon'], 'UTC'), '2026-01-05T23:59:59Z', true],
    ['UTC 22–24 at next 00:00', win('22:00', '24:00', ['mon'], 'UTC'), '2026-01-06T00:00:00Z', false],
    // half-hour and 45-minute zones
    ['Kolkata 08:59:59', win('09:00', '18:00', WEEKDAYS_ONLY, 'Asia/Kolkata'), '2026-01-05T03:29:59Z', false],
    ['Kolkata 09:00', win('09:00', '18:00', WEEKDAYS_ONLY, 'Asia/Kolkata'), '2026-01-05T03:30:00Z', true],
    ['Kolkata 17:59:59', win('09:00', '18:00', WEEKDAYS_ONLY, 'Asia/Kolkata'), '2026-01-05T12:29:59Z', true],
    ['Kolkata 18:00', win('09:00', '18:00', WEEKDAYS_ONLY, 'Asia/Kolkata'), '2026-01-05T12:30:00Z', false],
    [
      'Kolkata Mon 00:00 is Sun in UTC',
      win('00:00', '01:00', ['mon'], 'Asia/Kolkata'),
      '2026-01-04T18:30:00Z',
      true,
    ],
    [
      'Kathmandu 08:59:59',
      win('09:00', '18:00', WEEKDAYS_ONLY, 'Asia/Kathmandu'),
      '2026-01-05T03:14:59Z',
      false,
    ],
    ['Kathmandu 09:00', win('09:00', '18:00', WEEKDAYS_ONLY, 'Asia/Kathmandu'), '2026-01-05T03:15:00Z', true],
    [
      'Kathmandu 18:00',
      win('09:00', '18:00', WEEKDAYS_ONLY, 'Asia/Kathmandu'),
      '2026-01-05T12:15:00Z',
      false,
    ],
    // Lord Howe: +11 in summer, +10:30 in winter, 30-minute DST
    [
      'Lord Howe summer 08:59:59',
      win('09:00', '18:00', WEEKDAYS_ONLY, 'Australia/Lord_Howe'),
      '2026-01-04T21:59:59Z',
      false,
    ],
    [
      'Lord Howe summer 09:00',
      win('09:00', '18:00', WEEKDAYS_ONLY, 'Australia/Lord_Howe'),
      '2026-01-04T22:00:00Z',
      true,
    ],
    [
      'Lord Howe winter 08:59:59',
      win('09:00', '18:00', WEEKDAYS_ONLY, 'Australia/Lord_Howe'),
      '2026-07-05T22:29:59Z',
      false,
    ],
    [
      'Lord Howe winter 09:00',
      win('09:00', '18:00', WEEKDAYS_ONLY, 'Australia/Lord_Howe'),
      '2026-07-05T22:30:00Z',
      true,
    ],
    [
      'Lord Howe 01:45 first pass',
      win('01:30', '02:00', ['sun'], 'Australia/Lord_Howe'),
      '2026-04-04T14:45:00Z',
      true,
    ],
    [
      'Lord Howe 01:45 second pass',
      win('01:30', '02:00', ['sun'], 'Australia/Lord_Howe'),
      '2026-04-04T15:15:00Z',
      true,
    ],
    [
      'Lord Howe 02:00 after overlap',
      win('01:30', '02:00', ['sun'], 'Australia/Lord_Howe'),
      '2026-04-04T15:30:00Z',
      false,
    ],
    // New York fall back 2026-11-01 06:00Z: 01:00–02:00 happens twice
    ['NY 01:10 EDT', win('01:00', '01:30', EVERY_DAY, 'America/New_York'), '2026-11-01T05:10:00Z', true],
    ['NY 01:30 EDT', win('01:00', '01:30', EVERY_DAY, 'America/New_York'), '2026-11-01T05:30:00Z', false],
    ['NY 01:59:59 EDT', win('01:00', '01:30', EVERY_DAY, 'America/New_York'), '2026-11-01T05:59:59Z', false],
    ['NY 01:00 EST', win('01:00', '01:30', EVERY_DAY, 'America/New_York'), '2026-11-01T06:00:00Z', true],
    ['NY 01:10 EST', win('01:00', '01:30', EVERY_DAY, 'America/New_York'), '2026-11-01T06:10:00Z', true],
    ['NY 01:30 EST', win('01:00', '01:30', EVERY_DAY, 'America/New_York'), '2026-11-01T06:30:00Z', false],
    // New York spring forward 2026-03-08 07:00Z: 02:00–03:00 never happens
    ['NY 01:59:59 EST', win('02:00', '03:00', EVERY_DAY, 'America/New_York'), '2026-03-08T06:59:59Z', false],
    ['NY 03:00 EDT', win('02:00', '03:00', EVERY_DAY, 'America/New_York'), '2026-03-08T07:00:00Z', false],
    // London and Berlin
    [
      'London 01:30 BST (fall back, first)',
      win('01:00', '02:00', ['sun'], 'Europe/London'),
      '2026-10-25T00:30:00Z',
      true,
    ],
    [
      'London 01:30 GMT (fall back, second)',
      win('01:00', '02:00', ['sun'], 'Europe/London'),
      '2026-10-25T01:30:00Z',
      true,
    ],
    ['London 02:00 GMT', win('01:00', '02:00', ['sun'], 'Europe/London'), '2026-10-25T02:00:00Z', false],
    [
      'London 02:00 BST (spring forward)',
      win('01:00', '02:00', ['sun'], 'Europe/London'),
      '2026-03-29T01:00:00Z',
      false,
    ],
    [
      'Berlin 02:30 CEST (fall back)',
      win('02:00', '03:00', ['sun'], 'Europe/Berlin'),
      '2026-10-25T00:30:00Z',
      true,
    ],
    [
      'Berlin 02:30 CET (fall back)',
      win('02:00', '03:00', ['sun'], 'Europe/Berlin'),
      '2026-10-25T01:30:00Z',
      true,
    ],
    ['Berlin 03:00 CET', win('02:00', '03:00', ['sun'], 'Europe/Berlin'), '2026-10-25T02:00:00Z', false],
    [
      'Berlin 03:00 CEST (spring forward)',
      win('03:00', '04:00', ['sun'], 'Europe/Berlin'),
      '2026-03-29T01:00:00Z',
      true,
    ],
    // midnight transitions: Santiago repeats Sat 23:00–24:00, Havana repeats Sun 00:00–01:00
    [
      'Santiago Sat 23:30 -03',
      win('23:00', '24:00', ['sat'], 'America/Santiago'),
      '2026-04-05T02:30:00Z',
      true,
    ],
    [
      'Santiago Sat 23:30 -04',
      win('23:00', '24:00', ['sat'], 'America/Santiago'),
      '2026-04-05T03:30:00Z',
      true,
    ],
    [
      'Santiago Sun 00:00 -04',
      win('23:00', '24:00', ['sat'], 'America/Santiago'),
      '2026-04-05T04:00:00Z',
      false,
    ],
    ['Havana Sun 00:10 CDT', win('00:00', '00:30', ['sun'], 'America/Havana'), '2026-11-01T04:10:00Z', true],
    ['Havana Sun 00:10 CST', win('00:00', '00:30', ['sun'], 'America/Havana'), '2026-11-01T05:10:00Z', true],
    ['Havana Sun 00:40 CDT', win('00:00', '00:30', ['sun'], 'America/Havana'), '2026-11-01T04:40:00Z', false],
    // no days
    ['no days', win('00:00', '24:00', [], 'UTC'), '2026-01-05T12:00:00Z', false],
  ])('%s', (_label, window, instant, expected) => {
    expect(isInsideWindow(window, at(instant))).toBe(expected);
  });

  it.each([
    [win('9:00', '18:00', EVERY_DAY, 'UTC')],
    [win('09:00', '24:30', EVERY_DAY, 'UTC')],
    [win('18:00', '09:00', EVERY_DAY, 'UTC')],
    [win('09:00', '09:00', EVERY_DAY, 'UTC')],
    [win('09:00', '18:00', ['funday' as Weekday], 'UTC')],
  ])('rejects a malformed window %j', (window) => {
    expect(() => isInsideWindow(window, 0)).toThrow(RangeError);
    expect(() => nextWindowOpening(window, 0)).toThrow(RangeError);
  });
});

describe('nextWindowOpening', () => {
  it.each([
    // inside: the input comes back unchanged
    ['inside returns input', NY_OFFICE, '2026-01-05T15:30:12.345Z', '2026-01-05T15:30:12.345Z'],
    ['at the opening second', NY_OFFICE, '2026-01-05T14:00:00.000Z', '2026-01-05T14:00:00.000Z'],
    ['early morning, same day', NY_OFFICE, '2026-01-05T12:00:00Z', '2026-01-05T14:00:00.000Z'],
    ['one ms before opening', NY_OFFICE, '2026-01-05T13:59:59.999Z', '2026-01-05T14:00:00.000Z'],
    ['at the closing instant → tomorrow', NY_OFFICE, '2026-01-05T23:00:00Z', '2026-01-06T14:00:00.000Z'],
    // weekends skipped
    ['Fri 18:00 → Mon 09:00', NY_OFFICE, '2026-01-09T23:00:00Z', '2026-01-12T14:00:00.000Z'],
    ['Sat → Mon 09:00', NY_OFFICE, '2026-01-10T15:00:00Z', '2026-01-12T14:00:00.000Z'],
    ['Sun 23:59 → Mon 09:00', NY_OFFICE, '2026-01-12T04:59:00Z', '2026-01-12T14:00:00.000Z'],
    // Sunday only
    [
      'sun-only from Mon',
      win('10:00', '12:00', ['sun'], 'America/New_York'),
      '2026-01-05T15:00:00Z',
      '2026-01-11T15:00:00.000Z',
    ],
    [
      'sun-only from its close',
      win('10:00', '12:00', ['sun'], 'America/New_York'),
      '2026-01-11T17:00:00Z',
      '2026-01-18T15:00:00.000Z',
    ],
    // year boundary
    [
      'UTC Thu 2026-12-31 17:00 → Fri 2027-01-01',
      win('09:00', '17:00', WEEKDAYS_ONLY, 'UTC'),
      '2026-12-31T17:00:00Z',
      '2027-01-01T09:00:00.000Z',
    ],
    [
      'UTC Fri 2027-01-01 17:00 → Mon',
      win('09:00', '17:00', WEEKDAYS_ONLY, 'UTC'),
      '2027-01-01T17:00:00Z',
      '2027-01-04T09:00:00.000Z',
    ],
    [
      'Kolkata 2026-12-31 18:00 → 2027-01-01 09:00',
      win('09:00', '18:00', WEEKDAYS_ONLY, 'Asia/Kolkata'),
      '2026-12-31T12:30:00Z',
      '2027-01-01T03:30:00.000Z',
    ],
    [
      'Honolulu local New Year’s Eve',
      win('09:00', '17:00', ['fri'], 'Pacific/Honolulu'),
      '2027-01-01T05:00:00Z',
      '2027-01-01T19:00:00.000Z',
    ],
    // half-hour and 45-minute zones
    [
      'Kolkata Fri evening → Mon 09:00',
      win('09:00', '18:00', WEEKDAYS_ONLY, 'Asia/Kolkata'),
      '2026-01-09T12:30:00Z',
      '2026-01-12T03:30:00.000Z',
    ],
    [
      'Kathmandu → 09:00 NPT',
      win('09:00', '18:00', WEEKDAYS_ONLY, 'Asia/Kathmandu'),
      '2026-01-05T00:00:00Z',
      '2026-01-05T03:15:00.000Z',
    ],
    [
      'Lord Howe winter',
      win('09:00', '18:00', WEEKDAYS_ONLY, 'Australia/Lord_Howe'),
      '2026-07-05T12:00:00Z',
      '2026-07-05T22:30:00.000Z',
    ],
    // New York spring forward 2026-03-08 07:00Z
    [
      'NY 02:30 start falls in the gap → 03:00 EDT',
      win('02:30', '05:00', EVERY_DAY, 'America/New_York'),
      '2026-03-08T05:00:00Z',
      '2026-03-08T07:00:00.000Z',
    ],
    [
      'NY 09:00 on the spring-forward day',
      win('09:00', '18:00', EVERY_DAY, 'America/New_York'),
      '2026-03-08T05:00:00Z',
      '2026-03-08T13:00:00.000Z',
    ],
    [
      'NY window wholly in the gap skips a day',
      win('02:00', '02:30', EVERY_DAY, 'America/New_York'),
      '2026-03-08T05:00:00Z',
      '2026-03-09T06:00:00.000Z',
    ],
    // New York fall back 2026-11-01 06:00Z
    [
      'NY 01:30 EDT → 01:00 EST',
      win('01:00', '01:30', EVERY_DAY, 'America/New_York'),
      '2026-11-01T05:30:00Z',
      '2026-11-01T06:00:00.000Z',
    ],
    [
      'NY fall back lands mid-window',
      win('00:30', '01:30', EVERY_DAY, 'America/New_York'),
      '2026-11-01T05:45:00Z',
      '2026-11-01T06:00:00.000Z',
    ],
    // London and Berlin spring forward 2026-03-29 01:00Z: a sun-only window inside the gap waits a week
    [
      'London 01:00–02:00 sun in the gap',
      win('01:00', '02:00', ['sun'], 'Europe/London'),
      '2026-03-28T12:00:00Z',
      '2026-04-05T00:00:00.000Z',
    ],
    [
      'London start in the gap',
      win('01:30', '03:00', ['sun'], 'Europe/London'),
      '2026-03-28T12:00:00Z',
      '2026-03-29T01:00:00.000Z',
    ],
    [
      'London 09:00 BST',
      win('09:00', '18:00', ['sun'], 'Europe/London'),
      '2026-03-28T12:00:00Z',
      '2026-03-29T08:00:00.000Z',
    ],
    [
      'London fall back second 01:00',
      win('01:00', '02:00', ['sun'], 'Europe/London'),
      '2026-10-25T02:00:00Z',
      '2026-11-01T01:00:00.000Z',
    ],
    [
      'Berlin 02:00–02:30 sun in the gap',
      win('02:00', '02:30', ['sun'], 'Europe/Berlin'),
      '2026-03-28T12:00:00Z',
      '2026-04-05T00:00:00.000Z',
    ],
    [
      'Berlin start in the gap',
      win('02:30', '04:00', ['sun'], 'Europe/Berlin'),
      '2026-03-28T12:00:00Z',
      '2026-03-29T01:00:00.000Z',
    ],
    [
      'Berlin fall back 09:00 CET',
      win('09:00', '18:00', ['sun'], 'Europe/Berlin'),
      '2026-10-24T12:00:00Z',
      '2026-10-25T08:00:00.000Z',
    ],
    // Lord Howe spring forward 2026-10-03 15:30Z: 02:00 → 02:30
    [
      'Lord Howe window in the 30-minute gap',
      win('02:00', '02:30', ['sun'], 'Australia/Lord_Howe'),
      '2026-10-03T12:00:00Z',
      '2026-10-10T15:00:00.000Z',
    ],
    [
      'Lord Howe start in the gap',
      win('02:00', '03:00', ['sun'], 'Australia/Lord_Howe'),
      '2026-10-03T12:00:00Z',
      '2026-10-03T15:30:00.000Z',
    ],
    [
      'Lord Howe fall back second 01:30',
      win('01:30', '02:00', ['sun'], 'Australia/Lord_Howe'),
      '2026-04-04T15:00:00Z',
      '2026-04-04T15:00:00.000Z',
    ],
    // midnight transitions
    [
      'Santiago Sun 00:00 missing → 01:00',
      win('00:00', '09:00', ['sun'], 'America/Santiago'),
      '2026-09-05T12:00:00Z',
      '2026-09-06T04:00:00.000Z',
    ],
    [
      'Santiago 00:00–01:00 sun skips a week',
      win('00:00', '01:00', ['sun'], 'America/Santiago'),
      '2026-09-05T12:00:00Z',
      '2026-09-13T03:00:00.000Z',
    ],
    [
      'Santiago Sat 23:00 repeats',
      win('23:00', '24:00', ['sat'], 'America/Santiago'),
      '2026-04-05T01:00:00Z',
      '2026-04-05T02:00:00.000Z',
    ],
    [
      'Havana Sun 00:00 missing → 01:00',
      win('00:00', '02:00', ['sun'], 'America/Havana'),
      '2026-03-07T12:00:00Z',
      '2026-03-08T05:00:00.000Z',
    ],
    [
      'Havana 00:00 repeats',
      win('00:00', '00:30', ['sun'], 'America/Havana'),
      '2026-11-01T04:30:00Z',
      '2026-11-01T05:00:00.000Z',
    ],
    [
      'Nuuk Sat 23:00–24:00 missing',
      win('23:00', '24:00', ['sat'], 'America/Nuuk'),
      '2026-03-28T12:00:00Z',
      '2026-04-05T00:00:00.000Z',
    ],
    // never
    ['no days → null', win('09:00', '18:00', [], 'UTC'), '2026-01-05T12:00:00Z', null],
  ])('%s', (_label, window, from, expected) => {
    expect(iso(nextWindowOpening(window, at(from)))).toBe(expected);
  });
});

describe('currentWindowClose', () => {
  it.each([
    ['NY office Mon', NY_OFFICE, '2026-01-05T15:00:00Z', '2026-01-05T23:00:00.000Z'],
    ['NY office at 17:59:59.999', NY_OFFICE, '2026-01-05T22:59:59.999Z', '2026-01-05T23:00:00.000Z'],
    ['outside → null', NY_OFFICE, '2026-01-05T23:00:00Z', null],
    ['weekend → null', NY_OFFICE, '2026-01-10T17:00:00Z', null],
    [
      'Kathmandu',
      win('09:00', '18:00', WEEKDAYS_ONLY, 'Asia/Kathmandu'),
      '2026-01-05T03:15:00Z',
      '2026-01-05T12:15:00.000Z',
    ],
    // end 24:00
    [
      'UTC 22:00–24:00',
      win('22:00', '24:00', ['mon'], 'UTC'),
      '2026-01-05T22:30:00Z',
      '2026-01-06T00:00:00.000Z',
    ],
    [
      '24:00 followed by an allowed day at 00:00',
      win('00:00', '24:00', ['mon', 'tue'], 'UTC'),
      '2026-01-05T10:00:00Z',
      '2026-01-07T00:00:00.000Z',
    ],
    [
      'wraps the week',
      win('00:00', '24:00', ['sat', 'sun', 'mon'], 'UTC'),
      '2026-01-03T10:00:00Z',
      '2026-01-06T00:00:00.000Z',
    ],
    ['never closes → null', win('00:00', '24:00', EVERY_DAY, 'UTC'), '2026-01-05T10:00:00Z', null],
    [
      'Dec 31 to Jan 1',
      win('00:00', '24:00', ['thu', 'fri'], 'Asia/Kolkata'),
      '2026-12-31T00:00:00Z',
      '2027-01-01T18:30:00.000Z',
    ],
    // New York fall back: each pass of 01:00–01:30 closes on its own; a longer window runs an extra hour
    [
      'NY first pass',
      win('01:00', '01:30', EVERY_DAY, 'America/New_York'),
      '2026-11-01T05:10:00Z',
      '2026-11-01T05:30:00.000Z',
    ],
    [
      'NY second pass',
      win('01:00', '01:30', EVERY_DAY, 'America/New_York'),
      '2026-11-01T06:10:00Z',
      '2026-11-01T06:30:00.000Z',
    ],
    [
      'NY 01:00–03:00 through fall back',
      win('01:00', '03:00', EVERY_DAY, 'America/New_York'),
      '2026-11-01T05:30:00Z',
      '2026-11-01T08:00:00.000Z',
    ],
    [
      'NY 00:00–12:00 on fall-back day',
      win('00:00', '12:00', ['sun'], 'America/New_York'),
      '2026-11-01T05:00:00Z',
      '2026-11-01T17:00:00.000Z',
    ],
    // New York spring forward: the jump can close the window
    [
      'NY 01:00–02:30 closed by the jump',
      win('01:00', '02:30', EVERY_DAY, 'America/New_York'),
      '2026-03-08T06:30:00Z',
      '2026-03-08T07:00:00.000Z',
    ],
    [
      'NY 00:00–12:00 on spring-forward day',
      win('00:00', '12:00', ['sun'], 'America/New_York'),
      '2026-03-08T06:00:00Z',
      '2026-03-08T16:00:00.000Z',
    ],
    // London / Berlin fall back: a one-hour window is open for two real hours
    [
      'London 01:00–02:00 on fall-back day',
      win('01:00', '02:00', ['sun'], 'Europe/London'),
      '2026-10-25T00:30:00Z',
      '2026-10-25T02:00:00.000Z',
    ],
    [
      'Berlin 02:00–03:00 on fall-back day',
      win('02:00', '03:00', ['sun'], 'Europe/Berlin'),
      '2026-10-25T00:15:00Z',
      '2026-10-25T02:00:00.000Z',
    ],
    [
      'Lord Howe 01:00–02:00 on fall-back day',
      win('01:00', '02:00', ['sun'], 'Australia/Lord_Howe'),
      '2026-04-04T14:10:00Z',
      '2026-04-04T15:30:00.000Z',
    ],
    // midnight transitions
    [
      'Santiago Sat 23:00–24:00 repeated',
      win('23:00', '24:00', ['sat'], 'America/Santiago'),
      '2026-04-05T02:30:00Z',
      '2026-04-05T04:00:00.000Z',
    ],
    [
      'Santiago Sat ends when Sun jumps to 01:00',
      win('00:00', '24:00', ['sat', 'sun'], 'America/Santiago'),
      '2026-09-05T16:00:00Z',
      '2026-09-07T03:00:00.000Z',
    ],
    [
      'Santiago Sat-only ends at the jump',
      win('00:00', '24:00', ['sat'], 'America/Santiago'),
      '2026-09-05T16:00:00Z',
      '2026-09-06T04:00:00.000Z',
    ],
    [
      'Nuuk Sat ends early at the jump',
      win('22:00', '24:00', ['sat'], 'America/Nuuk'),
      '2026-03-29T00:30:00Z',
      '2026-03-29T01:00:00.000Z',
    ],
  ])('%s', (_label, window, instant, expected) => {
    expect(iso(currentWindowClose(window, at(instant)))).toBe(expected);
  });
});

describe('properties', () => {
  const ZONES = [
    'UTC',
    'America/New_York',
    'Europe/London',
    'Europe/Berlin',
    'Asia/Kolkata',
    'Asia/Kathmandu',
    'Australia/Lord_Howe',
    'America/Santiago',
    'America/Havana',
    'America/Nuuk',
    'Pacific/Chatham',
  ] as const;

  // Instants near the 2026 transitions of the zones above, where mistakes would hide.
  const TRANSITIONS = [
    '2026-03-08T05:00:00Z',
    '2026-03-08T07:00:00Z',
    '2026-03-29T01:00:00Z',
    '2026-04-04T14:00:00Z',
    '2026-04-04T15:00:00Z',
    '2026-04-05T03:00:00Z',
    '2026-09-06T04:00:00Z',
    '2026-09-26T14:00:00Z',
    '2026-10-03T15:30:00Z',
    '2026-10-25T01:00:00Z',
    '2026-11-01T05:00:00Z',
    '2026-11-01T06:00:00Z',
  ].map(at);

  const HOUR = 3_600_000;
  const instant = fc.oneof(
    fc.integer({ min: at('2025-12-01T00:00:00Z'), max: at('2027-02-01T00:00:00Z') }),
    fc
      .tuple(fc.constantFrom(...TRANSITIONS), fc.integer({ min: -72 * HOUR, max: 72 * HOUR }))
      .map(([transition, delta]) => transition + delta),
    fc
      .tuple(fc.constantFrom(...TRANSITIONS), fc.integer({ min: -180, max: 180 }))
      .map(([transition, minutes]) => transition + minutes * 60_000),
  );
  const clockMinute = fc.oneof(
    fc.integer({ min: 0, max: 1440 }),
    fc.constantFrom(0, 30, 60, 90, 120, 150, 180, 1380, 1410, 1440),
  );
  const hhmm = (minutes: number): string =>
    `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
  const window = fc
    .record({
      bounds: fc.tuple(clockMinute, clockMinute).filter(([a, b]) => a !== b),
      days: fc.subarray([...WEEKDAYS], { minLength: 1 }),
      timezone: fc.constantFrom(...ZONES),
    })
    .map(({ bounds: [a, b], days, timezone }) =>
      win(hhmm(Math.min(a, b)), hhmm(Math.max(a, b)), days, timezone),
    );

  /** Whole-minute instants in (from, to), every `stepMinutes`. */
  function* minutesBetween(from: number, to: number, stepMinutes: number): Generator<number> {
    const step = stepMinutes * 60_000;
    for (let t = Math.floor(from / step) * step + step; t < to; t += step) yield t;
  }

  it('nextWindowOpening finds the earliest inside instant', () => {
    fc.assert(
      fc.property(window, instant, (w, t) => {
        const opening = nextWindowOpening(w, t);
        expect(opening).not.toBeNull();
        const r = opening!;
        expect(r).toBeGreaterThanOrEqual(t);
        expect(isInsideWindow(w, r)).toBe(true);
        expect(r === t).toBe(isInsideWindow(w, t));
        if (r > t) {
          expect(isInsideWindow(w, r - 1)).toBe(false);
          if (r - 1000 >= t) expect(isInsideWindow(w, r - 1000)).toBe(false);
          // Nothing in between is inside: every minute when the gap is short, every 15 minutes otherwise.
          const step = r - t <= 2 * 24 * HOUR ? 1 : 15;
          for (const m of minutesBetween(t, r, step)) expect(isInsideWindow(w, m)).toBe(false);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('currentWindowClose ends the open stretch', () => {
    fc.assert(
      fc.property(window, instant, (w, t) => {
        const open = nextWindowOpening(w, t)!;
        const close = currentWindowClose(w, open);
        if (close === null) {
          expect(w.startTime === '00:00' && w.endTime === '24:00' && w.days.length === 7).toBe(true);
          return;
        }
        expect(close).toBeGreaterThan(open);
        expect(isInsideWindow(w, close)).toBe(false);
        expect(isInsideWindow(w, close - 1)).toBe(true);
        const step = close - open <= 2 * 24 * HOUR ? 1 : 15;
        for (const m of minutesBetween(open, close, step)) expect(isInsideWindow(w, m)).toBe(true);
        expect(nextWindowOpening(w, close)).toBeGreaterThan(close);
      }),
      { numRuns: 300 },
    );
  });

  it('localToInstant gives the earliest instant at or after the local time', () => {
    const localAsMs = (timezone: string, t: number): number => {
      const { year, month, day, minuteOfDay, second } = localDateTime(timezone, t);
      return Date.UTC(year, month - 1, day) + minuteOfDay * 60_000 + second * 1000;
    };
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), instant, clockMinute, (timezone, t, minuteOfDay) => {
        const { year, month, day } = localDateTime(timezone, t);
        const target = Date.UTC(year, month - 1, day) + minuteOfDay * 60_000;
        const r = localToInstant(timezone, year, month, day, minuteOfDay);
        expect(localAsMs(timezone, r)).toBeGreaterThanOrEqual(target);
        expect(localAsMs(timezone, r - 1000)).toBeLessThan(target);
        // Outside DST gaps the local time is hit exactly.
        if (localAsMs(timezone, r) !== target)
          expect(localAsMs(timezone, r) - localAsMs(timezone, r - 1000)).toBeGreaterThan(1000);
      }),
      { numRuns: 500 },
    );
  });
});
