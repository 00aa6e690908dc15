/** Display formats shared by every page. Times are shown in a named zone, always with the zone said. */

export function formatMoney(money: { readonly amount: string; readonly currency: string }): string {
  return `${money.amount} ${money.currency}`;
}

/** "9 Mar 2026, 09:00"; to the `second` where steps seconds apart must read apart (a call's timeline). */
export function formatDateTime(
  iso: string | null | undefined,
  timeZone?: string,
  precision: 'minute' | 'second' = 'minute',
): string {
  if (iso === null || iso === undefined) return '—';
  return new Intl.DateTimeFormat('en-GB', {
    dateStyle: 'medium',
    timeStyle: precision === 'second' ? 'medium' : 'short',
    ...(timeZone === undefined ? {} : { timeZone }),
  }).format(new Date(iso));
}

/** A calling window's days as the API names them, in week order, with the short name each is shown by. */
export const WEEKDAY_NAMES = {
  mon: 'Mon',
  tue: 'Tue',
  wed: 'Wed',
  thu: 'Thu',
  fri: 'Fri',
  sat: 'Sat',
  sun: 'Sun',
} as const;
export type Weekday = keyof typeof WEEKDAY_NAMES;

/** "09:00 Mon" in the zone: how a calling window's next opening reads. */
export function formatWeekdayTime(iso: string, timeZone: string): string {
  const date = new Date(iso);
  const time = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', timeZone }).format(
    date,
  );
  const day = new Intl.DateTimeFormat('en-US', { weekday: 'short', timeZone }).format(date);
  const calendar = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone }).format(
    date,
  );
  return `${time} ${day} ${calendar}`;
}

export function formatDuration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined) return '—';
  const minutes = Math.floor(seconds / 60);
  return minutes === 0 ? `${seconds} s` : `${minutes} min ${String(seconds % 60).padStart(2, '0')} s`;
}

/** snake_case status names as words: `max_retries` → "max retries". */
export function humanize(name: string): string {
  return name.replaceAll('_', ' ');
}
