import { isTerminalCallStatus } from '../../domain/call-status.js';
import type { ProviderCallEvent, ProviderStatusEvent } from '../../engine/ports/call-provider.js';
import { readAnalysisVariables } from './analysis-variables.js';
import { readBooleanVariableNames } from './call-metadata.js';
import { mapCallOutcome } from './call-outcome.js';
import { isRecord, readRetellCall, type RetellCall } from './retell-call.js';

export const RETELL_PROVIDER_NAME = 'retell';

export type ParsedWebhook =
  | { readonly ok: true; readonly events: readonly ProviderCallEvent[] }
  | { readonly ok: false; readonly message: string };

/**
 * Translates one verified Retell webhook `{event, call}` (provider-apis.md §3.3) into normalised events:
 * - `call_started` (sent only for a call that connected) → `in_progress`;
 * - `call_ended` → the terminal status its `disconnection_reason` gives;
 * - `call_analyzed` → the same terminal status again (with `in_voicemail` known: it recovers a lost
 *   `call_ended`), and the assistant's variables from `call_analysis`;
 * - anything else (transcript and transfer events) carries nothing we track: no events.
 *
 * Event ids are `<call_id>:<event>` (the dedupe key of provider-apis.md §0.1), plus `:variables` for the analysis'
 * variables, so a retried or duplicated webhook yields the same ids. Retell may deliver out of order; the engine
 * applies statuses forward only, so a late `call_started` changes nothing after the end.
 */
export function parseRetellWebhook(body: string, receivedAt: number): ParsedWebhook {
  let payload: unknown;
  try {
    payload = JSON.parse(body);
  } catch {
    return { ok: false, message: 'webhook body is not JSON' };
  }
  if (!isRecord(payload) || typeof payload.event !== 'string') {
    return { ok: false, message: 'webhook body has no "event"' };
  }
  const call = readRetellCall(payload.call);
  if (call === null) return { ok: false, message: `Retell ${payload.event} webhook has no call.call_id` };
  return { ok: true, events: eventsOf(payload.event, call, receivedAt) };
}

function eventsOf(event: string, call: RetellCall, receivedAt: number): ProviderCallEvent[] {
  const base = {
    provider: RETELL_PROVIDER_NAME,
    providerCallId: call.callId,
    eventId: `${call.callId}:${event}`,
  };
  switch (event) {
    case 'call_started':
      return [{ ...base, type: 'status', at: call.startTimestamp ?? receivedAt, status: 'in_progress' }];
    case 'call_ended':
      return [terminalEvent(base, call, receivedAt)];
    case 'call_analyzed': {
      const events: ProviderCallEvent[] = [terminalEvent(base, call, receivedAt)];
      if (call.callAnalysis !== null) {
        const variables = readAnalysisVariables(call.callAnalysis, readBooleanVariableNames(call.metadata));
        if (Object.keys(variables).length > 0) {
          events.push({
            type: 'variables',
            provider: RETELL_PROVIDER_NAME,
            providerCallId: call.callId,
            eventId: `${base.eventId}:variables`,
            at: call.endTimestamp ?? receivedAt,
            variables,
          });
        }
      }
      return events;
    }
    default:
      return [];
  }
}

function terminalEvent(
  base: Pick<ProviderStatusEvent, 'provider' | 'providerCallId' | 'eventId'>,
  call: RetellCall,
  receivedAt: number,
): ProviderStatusEvent {
  const outcome = mapCallOutcome({
    callStatus: call.callStatus,
    disconnectionReason: call.disconnectionReason,
    inVoicemail: call.callAnalysis?.inVoicemail ?? null,
    durationMs: call.durationMs,
  });
  const billedSeconds = billedSecondsOf(call);
  return {
    ...base,
    type: 'status',
    at: call.endTimestamp ?? receivedAt,
    status: outcome.status,
    ...(outcome.answeredBy === undefined ? {} : { answeredBy: outcome.answeredBy }),
    ...(outcome.failureReason === undefined ? {} : { failureReason: outcome.failureReason }),
    ...(billedSeconds === null || !isTerminalCallStatus(outcome.status) ? {} : { billedSeconds }),
  };
}

/** Retell's `duration_ms`, rounded up to whole seconds; 0 for a call that never connected. */
export function billedSecondsOf(call: RetellCall): number | null {
  return call.durationMs === null ? null : Math.ceil(call.durationMs / 1000);
}
