import { formatAmount } from '../../domain/money.js';

/** How values leave the API: times as ISO 8601 UTC, money as exact decimal text with its currency. */
export const iso = (instant: number) => new Date(instant).toISOString();
export const isoOrNull = (instant: number | null) => (instant === null ? null : iso(instant));
export const money = (minor: number, currency: string) => ({
  amount: formatAmount(minor, currency),
  currency,
});
