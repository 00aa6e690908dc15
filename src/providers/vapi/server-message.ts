import type {
  ProviderCallEvent,
  ProviderStatusEvent,
  WebhookOutcome,
} from '../../engine/ports/call-provider.js';
import { outcomeOfCallStatus, outcomeOfEndedReason, type VapiCallOutcome } from './call-outcome.js';
import { reportedVariables } from './reported-variables.js';
import { asRecord, parseJson } from './json-values.js';

export const VAPI_PROVIDER_NAME = 'vapi';

/**
 * Translates one verified Vapi server message (`{message: {type, call, …}}`, reference §2.3) into events:
 *
 * - `status-update`: the call's new status (`ended` with its `endedReason`). Queued and scheduled say nothing
 *   new (a call is `initiated` from the moment we place it), so they yield no event.
 * - `end-of-call-report`, sent once post-processing is done: the terminal status again (it carries the
 *   `endedReason` too, so a lost `status-update` costs nothing) and the assistant's variables, even none, so the
 *   engine stops waiting for them.
 * - any other message type: no events.
 *
 * Event ids are `<vapi call id>:<message type>:<status>` (reference §0.1), so a duplicate delivery of a message
 * yields the same ids.
 */
export function eventsOfServerMessage(rawBody: Uint8Array, receivedAt: number): WebhookOutcome {
  const message = asRecord(asRecord(parseJson(Buffer.from(rawBody).toString('utf8')))?.message);
  const type = message?.type;
  if (message === null || typeof type !== 'string') {
    return malformed('the body is not a Vapi server message ({"message": {"type": …}})');
  }
  if (type !== 'status-update' && type !== 'end-of-call-report') return { ok: true, events: [] };

  const call = asRecord(message.call);
  const providerCallId = call?.id;
  if (typeof providerCallId !== 'string') return malformed(`the ${type} message has no call.id`);
  const at = typeof message.timestamp === 'number' ? message.timestamp : receivedAt;
  const endedReason = typeof message.endedReason === 'string' ? message.endedReason : undefined;

  if (type === 'status-update') {
    const status = typeof message.status === 'string' ? message.status : '';
    const outcome = outcomeOfCallStatus(status, endedReason);
    if (outcome === null || outcome.status === 'initiated') return { ok: true, events: [] };
    return { ok: true, events: [statusEvent(providerCallId, `${type}:${status}`, at, outcome)] };
  }

  const events: ProviderCallEvent[] = [
    statusEvent(providerCallId, `${type}:ended`, at, outcomeOfEndedReason(endedReason ?? '')),
    {
      type: 'variables',
      provider: VAPI_PROVIDER_NAME,
      providerCallId,
      eventId: `${providerCallId}:${type}:variables`,
      at,
      variables: reportedVariables(asRecord(message.analysis), booleanVariablesOf(message, call)),
    },
  ];
  return { ok: true, events };
}

function statusEvent(
  providerCallId: string,
  key: string,
  at: number,
  outcome: VapiCallOutcome,
): ProviderStatusEvent {
  return {
    type: 'status',
    provider: VAPI_PROVIDER_NAME,
    providerCallId,
    eventId: `${providerCallId}:${key}`,
    at,
    ...outcome,
  };
}

/**
 * The boolean variable names `placeCall` left in the call's metadata. Vapi echoes the call's overrides in
 * `call.assistantOverrides`; the resolved `assistant` is read too in case only it carries the metadata.
 */
function booleanVariablesOf(
  message: Record<string, unknown>,
  call: Record<string, unknown> | null,
): string[] {
  const sources = [asRecord(call?.assistantOverrides), asRecord(message.assistant)];
  for (const source of sources) {
    const names = asRecord(source?.metadata)?.callwrightBooleanVariables;
    if (Array.isArray(names)) return names.filter((name): name is string => typeof name === 'string');
  }
  return [];
}

function malformed(message: string): WebhookOutcome {
  return { ok: false, reason: 'malformed', message };
}
