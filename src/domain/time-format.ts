import { localDateTime } from './calling-window.js';

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * An instant as ISO 8601 with the offset it has in `timezone`, e.g. `2026-03-06T16:30:00-05:00` — how times are
 * shown to users, in the campaign's zone.
 */
export function formatInstantInZone(instant: number, timezone: string): string {
  const local = localDateTime(timezone, instant);
  const wallAsUtc = Date.UTC(local.year, local.month - 1, local.day, 0, local.minuteOfDay, local.second);
  const offsetMinutes = Math.round((wallAsUtc - Math.floor(instant / 1000) * 1000) / 60_000);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  const offset = `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
  const hours = Math.floor(local.minuteOfDay / 60);
  return `${local.year}-${pad(local.month)}-${pad(local.day)}T${pad(hours)}:${pad(local.minuteOfDay % 60)}:${pad(local.second)}${offset}`;
}

/** ISO 8601 with a date, a time and an explicit offset (`Z` or `±HH:MM`): an instant in no zone is ambiguous. */
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** Epoch ms of an ISO 8601 instant with an offset, or null for anything else. */
export function parseIsoInstant(text: unknown): number | null {
  if (typeof text !== 'string' || !ISO_INSTANT.test(text)) return null;
  const instant = Date.parse(text);
  return Number.isNaN(instant) ? null : instant;
}
