import { formatAmount } from '../../domain/money.js';
import type { CsvValue } from '../../domain/spreadsheet-cell.js';
import { formatInstantInZone } from '../../domain/time-format.js';
import type { CallWithContext } from '../../engine/ports/store.js';

/**
 * One call as a CSV row, shared by `callwright simulate --calls-out` and the API's `calls.csv` (which adds
 * the post-call variables), so that a simulation's report and a real campaign's export read the same.
 */
export const CALL_CSV_COLUMNS = [
  'call_id',
  'lead_id',
  'lead_name',
  'contact_phone',
  'contact_role',
  'attempt',
  'placed_at',
  'ended_at',
  'status',
  'answered_by',
  'billed_seconds',
  'cost',
  'goal',
] as const;

/** A call's cells in `CALL_CSV_COLUMNS` order: times with their offset in `timezone`, cost in `currency`. */
export function callCsvCells(call: CallWithContext, currency: string, timezone: string): CsvValue[] {
  return [
    call.id,
    call.leadId,
    call.leadName,
    call.contactPhone,
    call.contactPosition === 0 ? 'primary' : 'secondary',
    call.attempt,
    formatInstantInZone(call.placedAt, timezone),
    call.endedAt === null ? null : formatInstantInZone(call.endedAt, timezone),
    call.status,
    call.answeredBy,
    call.billedSeconds,
    formatAmount(call.costMinor, currency),
    call.goal,
  ];
}
