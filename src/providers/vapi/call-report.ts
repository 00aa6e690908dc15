import { isTerminalCallStatus } from '../../domain/call-status.js';
import type { ProviderCallReport } from '../../engine/ports/call-provider.js';
import { outcomeOfCallStatus } from './call-outcome.js';

/**
 * A Vapi Call object (`GET /call/{id}`) as a report for reconciliation; null when its status says nothing
 * (`not-found`, `deletion-failed`, or a status this adapter does not know).
 *
 * Vapi's `startedAt` is taken as the answer time of a call that was answered (in progress, or ended completed).
 * `billedSeconds` stays null: Vapi's call object has no billed duration, and the engine derives it from the
 * answer and end times (DESIGN §2.8).
 */
export function reportOfVapiCall(call: Record<string, unknown>): ProviderCallReport | null {
  const status = typeof call.status === 'string' ? call.status : '';
  const endedReason = typeof call.endedReason === 'string' ? call.endedReason : undefined;
  const outcome = outcomeOfCallStatus(status, endedReason);
  if (outcome === null) return null;
  const answered = outcome.status === 'in_progress' || outcome.status === 'completed';
  return {
    status: outcome.status,
    answeredBy: outcome.answeredBy ?? null,
    answeredAt: answered ? instant(call.startedAt) : null,
    endedAt: isTerminalCallStatus(outcome.status) ? instant(call.endedAt) : null,
    billedSeconds: null,
    failureReason: outcome.failureReason ?? null,
  };
}

function instant(value: unknown): number | null {
  if (typeof value !== 'string') return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : ms;
}
