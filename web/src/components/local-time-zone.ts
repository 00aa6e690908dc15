import { formatDateTime } from './format';

/**
 * The browser's zone. Account-wide times (ledger, deliveries, the do-not-call list) belong to no campaign, so
 * they are shown in the reader's own zone, named in the column header.
 */
export const LOCAL_TIME_ZONE = new Intl.DateTimeFormat().resolvedOptions().timeZone;

/** A column header that says which zone its times are in: "Time (Europe/Paris)". */
export function timeHeader(label: string): string {
  return `${label} (${LOCAL_TIME_ZONE})`;
}

export function formatLocalTime(iso: string | null | undefined): string {
  return formatDateTime(iso, LOCAL_TIME_ZONE);
}
