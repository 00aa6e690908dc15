/**
 * Calling windows (DESIGN §2.5): is an instant inside a campaign's local calling hours, when does the window
 * next open, and when does the stretch that is open now close.
 *
 * Model. A time zone maps an instant `t` (epoch ms) to a local wall-clock time `t + offset(t)`, where `offset`
 * is a step function: constant between transitions, and every IANA transition falls on a whole second. We read
 * `offset(t)` from `Intl.DateTimeFormat` (the IANA database Node ships; no dependency) and keep local time as a
 * plain number, "local ms": milliseconds since 1970-01-01T00:00 as if the local wall clock were UTC. Between
 * two transitions local time is just `t + offset`, so window arithmetic there is exact and allocation-free.
 *
 * Searching. Every question here is "the earliest instant >= `from` whose local time satisfies P", where P is
 * given as a `LocalSeek`: for a local time x, the smallest x' >= x that satisfies P. `firstInstant` assumes the
 * offset seen at `from` holds, jumps straight to the answer that gives, and checks the offset did not change on
 * the way (one probe per day, then bisection to the second). If it did change, it restarts at the transition
 * with the new offset. That resolves DST without special cases:
 *  - gap (spring forward): local times in the gap never happen. A window whose start falls in the gap opens at
 *    the transition (New York 2026-03-08: 02:30 → 03:00 EDT); a window lying wholly in the gap does not open
 *    that day at all.
 *  - overlap (fall back): local times in the overlap happen twice and are inside the window both times; the
 *    stretch "open now" may thus last longer than the window's nominal length (London 01:00–02:00 on
 *    2026-10-25 is open for two real hours).
 *  - zones that change at midnight (America/Santiago, America/Havana, Asia/Beirut, America/Nuuk) are the same
 *    case: a day may lack its first (or last) local hour, or have it twice.
 * The only assumption is that a zone never changes its offset twice within 24 hours (the closest pair since
 * 1970 is a week apart, Brazil 2000).
 *
 * Speed. One cached formatter per zone; `format()` (several times faster than `formatToParts()`) is parsed by
 * scanning digits, and the offset of the last second asked about is memoised, so the many checks the engine
 * makes for the same `now` cost one Intl call.
 */

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** `startTime`/`endTime` are local "HH:MM" (00:00–24:00, end exclusive, start < end); `timezone` is IANA. */
export interface CallingWindow {
  readonly startTime: string;
  readonly endTime: string;
  readonly days: readonly Weekday[];
  readonly timezone: string;
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const DAY = 24 * 60 * MINUTE;
/** How far `firstInstant` trusts an offset before probing again: no zone changes offset twice within a day. */
const PROBE_STEP = DAY;
/**
 * How far ahead a window is searched for. Any non-empty day set recurs within a week; a window lying wholly in a
 * DST gap loses that one week; the extra day is slack for offsets.
 */
const SEARCH_HORIZON = 15 * DAY;
/** 400 Gregorian years are exactly this many days. */
const DAYS_PER_400_YEARS = 146_097;

// ---------------------------------------------------------------------------------------------------------
// Public API
// ---------------------------------------------------------------------------------------------------------

/** True when `timezone` is an IANA name `Intl` knows (e.g. 'America/New_York', 'Asia/Kolkata', 'UTC'). */
export function isValidTimeZone(timezone: string): boolean {
  try {
    zoneFor(timezone);
    return true;
  } catch {
    return false;
  }
}

/**
 * Parses a local clock time "HH:MM" (exactly two digits each, minutes 00–59, hours 00–23, or exactly "24:00")
 * into minutes since midnight, 0..1440. Returns null for anything else ("9:00", "24:01", " 09:00").
 */
export function parseClockTime(text: string): number | null {
  if (text.length !== 5 || text.charCodeAt(2) !== 0x3a /* ':' */) return null;
  const hours = twoDigits(text, 0);
  const minutes = twoDigits(text, 3);
  if (hours === null || minutes === null || minutes > 59) return null;
  if (hours === 24) return minutes === 0 ? 1440 : null;
  return hours < 24 ? hours * 60 + minutes : null;
}

/** The local wall-clock date and time of `instant` in `timezone`. Throws RangeError for an unknown zone. */
export function localDateTime(
  timezone: string,
  instant: number,
): { year: number; month: number; day: number; weekday: Weekday; minuteOfDay: number; second: number } {
  const zone = zoneFor(timezone);
  assertInstant(instant);
  const { year, month, day, hour, minute, second } = readLocalFields(zone, instant);
  const weekday = weekdayOf(Math.floor(utcMs(year, month, day) / DAY));
  return { year, month, day, weekday, minuteOfDay: hour * 60 + minute, second };
}

/**
 * True when the local time of `instant` in the window's zone is in [startTime, endTime) on one of its days.
 * Seconds and milliseconds count: 17:59:59.999 is inside 09:00–18:00, 18:00:00 is not. A local time that happens
 * twice (fall back) is inside both times. Throws RangeError for a malformed window.
 */
export function isInsideWindow(window: CallingWindow, instant: number): boolean {
  const rule = compileWindow(window);
  assertInstant(instant);
  if (rule.dayMask === 0) return false;
  const zone = zoneFor(window.timezone);
  return isInsideLocal(rule, instant + offsetAt(zone, instant));
}

/**
 * The earliest instant >= `from` at which `isInsideWindow` holds; `from` itself when inside. null only if the
 * window can never open (no days). The search reaches two weeks ahead, which covers a single-day window whose
 * hours fall wholly into a DST gap one week. Throws RangeError for a malformed window.
 */
export function nextWindowOpening(window: CallingWindow, from: number): number | null {
  const rule = compileWindow(window);
  assertInstant(from);
  if (rule.dayMask === 0) return null;
  return firstInstant(zoneFor(window.timezone), from, (local) => seekOpening(rule, local), SEARCH_HORIZON);
}

/**
 * When inside: the first instant > `instant` at which the window is closed (the end of the current open stretch,
 * which runs on past midnight when the window ends at 24:00 and the next day opens at 00:00, and through a
 * fall-back repeat). When outside, or when the window never closes (all seven days, 00:00–24:00): null.
 */
export function currentWindowClose(window: CallingWindow, instant: number): number | null {
  if (!isInsideWindow(window, instant)) return null;
  const rule = compileWindow(window);
  return firstInstant(zoneFor(window.timezone), instant, (local) => seekClose(rule, local), SEARCH_HORIZON);
}

/**
 * Converts a local wall-clock time to an instant: the earliest instant whose local time is >= the given local
 * time on that date. A time inside a DST gap maps to the moment the clocks jump (02:30 on a spring-forward day
 * in New York → 03:00 EDT); a time in an overlap maps to the earlier of its two instants. `month` is 1–12,
 * `minuteOfDay` 0–1440 (1440 is the next midnight). Throws RangeError for an unknown zone or an invalid date.
 */
export function localToInstant(
  timezone: string,
  year: number,
  month: number,
  day: number,
  minuteOfDay: number,
): number {
  const zone = zoneFor(timezone);
  assertLocalDate(year, month, day, minuteOfDay);
  const target = utcMs(year, month, day) + minuteOfDay * MINUTE;
  // Offsets are under a day, so no instant before `target - DAY` shows a local time >= target.
  const instant = firstInstant(zone, target - DAY, (local) => Math.max(local, target), 3 * DAY);
  if (instant === null)
    throw new Error(`no instant found for local ${year}-${month}-${day} +${minuteOfDay}min`);
  return instant;
}

// ---------------------------------------------------------------------------------------------------------
// Windows as arithmetic on local ms
// ---------------------------------------------------------------------------------------------------------

interface WindowRule {
  /** Window start and (exclusive) end, in ms after local midnight. */
  readonly startMs: number;
  readonly endMs: number;
  /** Bit i set when WEEKDAYS[i] is allowed. */
  readonly dayMask: number;
}

function compileWindow(window: CallingWindow): WindowRule {
  const start = parseClockTime(window.startTime);
  const end = parseClockTime(window.endTime);
  if (start === null)
    throw new RangeError(`startTime must be "HH:MM" in 00:00–24:00, got ${show(window.startTime)}`);
  if (end === null)
    throw new RangeError(`endTime must be "HH:MM" in 00:00–24:00, got ${show(window.endTime)}`);
  if (start >= end) {
    throw new RangeError(
      `startTime ${show(window.startTime)} must be before endTime ${show(window.endTime)}`,
    );
  }
  let dayMask = 0;
  for (const day of window.days) {
    const index = WEEKDAYS.indexOf(day);
    if (index < 0) throw new RangeError(`days must be among ${WEEKDAYS.join(', ')}, got ${show(day)}`);
    dayMask |= 1 << index;
  }
  return { startMs: start * MINUTE, endMs: end * MINUTE, dayMask };
}

/** Index into WEEKDAYS of a day number (days since 1970-01-01, a Thursday). */
function weekdayIndex(dayNumber: number): number {
  return (((dayNumber + 3) % 7) + 7) % 7;
}

function weekdayOf(dayNumber: number): Weekday {
  const weekday = WEEKDAYS[weekdayIndex(dayNumber)];
  if (weekday === undefined) throw new Error(`no weekday for day ${dayNumber}`);
  return weekday;
}

function isAllowedDay(rule: WindowRule, dayNumber: number): boolean {
  return (rule.dayMask & (1 << weekdayIndex(dayNumber))) !== 0;
}

function isInsideLocal(rule: WindowRule, local: number): boolean {
  const dayNumber = Math.floor(local / DAY);
  const msOfDay = local - dayNumber * DAY;
  return msOfDay >= rule.startMs && msOfDay < rule.endMs && isAllowedDay(rule, dayNumber);
}

/** The earliest local time >= `local` inside the window, or null when no day is allowed. */
function seekOpening(rule: WindowRule, local: number): number | null {
  const dayNumber = Math.floor(local / DAY);
  const msOfDay = local - dayNumber * DAY;
  if (msOfDay < rule.endMs && isAllowedDay(rule, dayNumber)) {
    return msOfDay >= rule.startMs ? local : dayNumber * DAY + rule.startMs;
  }
  for (let next = dayNumber + 1; next <= dayNumber + 7; next++) {
    if (isAllowedDay(rule, next)) return next * DAY + rule.startMs;
  }
  return null;
}

/** The earliest local time >= `local` outside the window, or null when the window covers every local time. */
function seekClose(rule: WindowRule, local: number): number | null {
  if (!isInsideLocal(rule, local)) return local;
  let close = Math.floor(local / DAY) * DAY + rule.endMs;
  // Only an end of 24:00 followed by an allowed day that opens at 00:00 carries the stretch past midnight.
  for (let days = 0; days < 7 && isInsideLocal(rule, close); days++) close += DAY;
  return isInsideLocal(rule, close) ? null : close;
}

// ---------------------------------------------------------------------------------------------------------
// From local ms back to instants
// ---------------------------------------------------------------------------------------------------------

/** For a local time x: the smallest local time >= x with the wanted property, or null if there is none. */
type LocalSeek = (local: number) => number | null;

/**
 * The earliest instant >= `from` whose local time satisfies `seek`'s property, or null when there is none or
 * the answer would need a transition more than `horizon` after `from`. See the header for how it works.
 */
function firstInstant(zone: Zone, from: number, seek: LocalSeek, horizon: number): number | null {
  const limit = from + horizon;
  let instant = from;
  let offset = offsetAt(zone, instant);
  for (;;) {
    const local = seek(instant + offset);
    if (local === null) return null;
    const candidate = local - offset;
    const change = firstOffsetChange(zone, instant, candidate, offset);
    if (change === null) return candidate;
    if (change > limit) return null;
    instant = change;
    offset = offsetAt(zone, instant);
  }
}

/** The first instant in (`from`, `to`] whose offset differs from `offset` (the offset at `from`), or null. */
function firstOffsetChange(zone: Zone, from: number, to: number, offset: number): number | null {
  let probe = from;
  while (probe < to) {
    const next = Math.min(probe + PROBE_STEP, to);
    if (offsetAt(zone, next) !== offset) return bisectOffsetChange(zone, probe, next, offset);
    probe = next;
  }
  return null;
}

/** The transition between `before` (offset `offset`) and `after` (another offset), found to the second. */
function bisectOffsetChange(zone: Zone, before: number, after: number, offset: number): number {
  // The offset is constant within a whole second, so whole seconds keep the invariants: lo old, hi new.
  let lo = Math.floor(before / SECOND);
  let hi = Math.floor(after / SECOND);
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (offsetAt(zone, mid * SECOND) === offset) lo = mid;
    else hi = mid;
  }
  return hi * SECOND;
}

// ---------------------------------------------------------------------------------------------------------
// Time zones through Intl
// ---------------------------------------------------------------------------------------------------------

interface LocalFields {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

type FieldName = keyof LocalFields;

const FIELD_NAMES: readonly FieldName[] = ['year', 'month', 'day', 'hour', 'minute', 'second'];

interface Zone {
  readonly formatter: Intl.DateTimeFormat;
  /** Which field each run of digits in `formatter.format()` is (for en-US: month, day, year, hour, minute, second). */
  readonly order: readonly FieldName[];
  /** Scratch space for the fields of the last instant read, reused to avoid allocating. */
  readonly fields: LocalFields;
  /** The offset (ms) of the last whole second asked about. */
  memoSecond: number;
  memoOffset: number;
}

const zones = new Map<string, Zone>();

/** The cached zone for `timezone`; throws RangeError when Intl does not know it. */
function zoneFor(timezone: string): Zone {
  const cached = zones.get(timezone);
  if (cached !== undefined) return cached;
  let formatter: Intl.DateTimeFormat;
  try {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: timezone,
      calendar: 'gregory',
      numberingSystem: 'latn',
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  } catch {
    throw new RangeError(`timezone must be an IANA time zone name, got ${show(timezone)}`);
  }
  const order = formatter
    .formatToParts(0)
    .map((part) => part.type)
    .filter((type): type is FieldName => (FIELD_NAMES as readonly string[]).includes(type));
  const fields = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  const zone: Zone = { formatter, order, fields, memoSecond: Number.NaN, memoOffset: 0 };
  zones.set(timezone, zone);
  return zone;
}

/** The zone's offset at `instant`, in ms (local ms = instant + offset). */
function offsetAt(zone: Zone, instant: number): number {
  const second = Math.floor(instant / SECOND);
  if (second === zone.memoSecond) return zone.memoOffset;
  const { year, month, day, hour, minute, second: sec } = readLocalFields(zone, instant);
  const offset = utcMs(year, month, day, hour, minute, sec) - second * SECOND;
  zone.memoSecond = second;
  zone.memoOffset = offset;
  return offset;
}

/** Reads the local fields of `instant` into the zone's scratch object and returns it. */
function readLocalFields(zone: Zone, instant: number): LocalFields {
  const text = zone.formatter.format(instant);
  let count = 0;
  let value = 0;
  let inNumber = false;
  for (let i = 0; i <= text.length; i++) {
    const digit = i < text.length ? text.charCodeAt(i) - 48 : -1;
    if (digit >= 0 && digit <= 9) {
      value = value * 10 + digit;
      inNumber = true;
    } else if (inNumber) {
      const name = zone.order[count];
      if (name !== undefined) zone.fields[name] = value;
      count++;
      value = 0;
      inNumber = false;
    }
  }
  return count === zone.order.length ? zone.fields : readLocalFieldsFromParts(zone, instant);
}

/** The slow, unambiguous path, for output the digit scan does not expect. */
function readLocalFieldsFromParts(zone: Zone, instant: number): LocalFields {
  for (const part of zone.formatter.formatToParts(instant)) {
    const name = FIELD_NAMES.find((field) => field === part.type);
    if (name !== undefined) zone.fields[name] = Number(part.value);
  }
  return zone.fields;
}

// ---------------------------------------------------------------------------------------------------------
// Small helpers
// ---------------------------------------------------------------------------------------------------------

/** Epoch ms of a UTC (or "local ms") date-time; `month` is 1–12; years 0–99 are taken literally. */
function utcMs(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): number {
  if (year >= 0 && year < 100) {
    return Date.UTC(year + 400, month - 1, day, hour, minute, second) - DAYS_PER_400_YEARS * DAY;
  }
  return Date.UTC(year, month - 1, day, hour, minute, second);
}

function twoDigits(text: string, at: number): number | null {
  const tens = text.charCodeAt(at) - 48;
  const ones = text.charCodeAt(at + 1) - 48;
  if (tens < 0 || tens > 9 || ones < 0 || ones > 9) return null;
  return tens * 10 + ones;
}

function assertInstant(instant: number): void {
  if (!Number.isFinite(instant)) throw new RangeError(`instant must be epoch milliseconds, got ${instant}`);
}

function assertLocalDate(year: number, month: number, day: number, minuteOfDay: number): void {
  if (!Number.isInteger(year) || !Number.isInteger(month) || month < 1 || month > 12) {
    throw new RangeError(`invalid local date ${year}-${month}`);
  }
  const daysInMonth = (utcMs(year, month + 1, 1) - utcMs(year, month, 1)) / DAY;
  if (!Number.isInteger(day) || day < 1 || day > daysInMonth) {
    throw new RangeError(`invalid local date ${year}-${month}-${day}`);
  }
  if (!Number.isInteger(minuteOfDay) || minuteOfDay < 0 || minuteOfDay > 1440) {
    throw new RangeError(`minuteOfDay must be an integer in 0..1440, got ${minuteOfDay}`);
  }
}

function show(value: unknown): string {
  return JSON.stringify(value) ?? String(value);
}
