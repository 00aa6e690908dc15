import { isTerminalCallStatus } from '../../domain/call-status.js';
import type { AnsweredBy, CallStatus, FailureReason } from '../../domain/call-status.js';
import type {
  PlaceCallRequest,
  ProviderCallEvent,
  ProviderCallReport,
  ProviderStatusEvent,
} from '../../engine/ports/call-provider.js';
import { VARIABLES_DELAY_SECONDS } from './simulated-outcome.js';
import type { SimulatedOutcome } from './simulated-outcome.js';

export const SIMULATOR_PROVIDER_NAME = 'simulator';

const MS_PER_SECOND = 1000;

type AssistantVariables = PlaceCallRequest['assistant']['variables'];

/**
 * The events of one call placed at `t0`, in time order (ties in the order they are delivered). A call is
 * `initiated` from the moment the engine writes the attempt, so the simulator sends no `initiated` event (it would
 * change nothing, and cost a quarter of a simulation's events); calls that ring report `ringing` at `t0`. The
 * terminal event of an answered call carries `billedSeconds` (answer to end); a human-answered call then reports
 * the assistant's variables.
 */
export function buildCallEvents(
  providerCallId: string,
  t0: number,
  outcome: SimulatedOutcome,
  variables: AssistantVariables,
): ProviderCallEvent[] {
  switch (outcome.kind) {
    case 'busy':
      return [statusEvent(providerCallId, t0 + outcome.afterSeconds * MS_PER_SECOND, 'busy')];
    case 'failed':
      return [
        {
          type: 'status',
          provider: SIMULATOR_PROVIDER_NAME,
          providerCallId,
          eventId: `${providerCallId}:failed`,
          at: t0 + outcome.afterSeconds * MS_PER_SECOND,
          status: 'failed',
          failureReason: outcome.failureReason,
        },
      ];
    case 'unanswered':
      return [
        statusEvent(providerCallId, t0, 'ringing'),
        statusEvent(providerCallId, t0 + outcome.ringSeconds * MS_PER_SECOND, 'unanswered'),
      ];
    case 'lost':
      return [
        statusEvent(providerCallId, t0, 'ringing'),
        answeredEvent(providerCallId, t0 + outcome.ringSeconds * MS_PER_SECOND, 'human'),
      ];
    case 'answered': {
      const answeredAt = t0 + outcome.ringSeconds * MS_PER_SECOND;
      const endedAt = answeredAt + outcome.talkSeconds * MS_PER_SECOND;
      const events: ProviderCallEvent[] = [
        statusEvent(providerCallId, t0, 'ringing'),
        answeredEvent(providerCallId, answeredAt, outcome.answeredBy),
        {
          type: 'status',
          provider: SIMULATOR_PROVIDER_NAME,
          providerCallId,
          eventId: `${providerCallId}:completed`,
          at: endedAt,
          status: 'completed',
          answeredBy: outcome.answeredBy,
          billedSeconds: outcome.talkSeconds,
        },
      ];
      if (outcome.goal !== null) {
        events.push({
          type: 'variables',
          provider: SIMULATOR_PROVIDER_NAME,
          providerCallId,
          eventId: `${providerCallId}:variables`,
          at: endedAt + VARIABLES_DELAY_SECONDS * MS_PER_SECOND,
          variables: reportedVariables(variables, outcome.goal),
        });
      }
      return events;
    }
  }
}

function answeredEvent(providerCallId: string, at: number, answeredBy: AnsweredBy): ProviderStatusEvent {
  return {
    type: 'status',
    provider: SIMULATOR_PROVIDER_NAME,
    providerCallId,
    eventId: `${providerCallId}:in_progress`,
    at,
    status: 'in_progress',
    answeredBy,
  };
}

function statusEvent(providerCallId: string, at: number, status: CallStatus): ProviderStatusEvent {
  return {
    type: 'status',
    provider: SIMULATOR_PROVIDER_NAME,
    providerCallId,
    eventId: `${providerCallId}:${status}`,
    at,
    status,
  };
}

/** Every boolean variable is `goal`; strings are `''` and numbers `0` (a conversation that filled nothing in). */
function reportedVariables(variables: AssistantVariables, goal: boolean): Record<string, unknown> {
  // fromEntries defines own properties, so a variable named `__proto__` is a plain key.
  return Object.fromEntries(
    variables.map((variable) => [
      variable.name,
      variable.type === 'boolean' ? goal : variable.type === 'number' ? 0 : '',
    ]),
  );
}

/**
 * The call as the provider sees it at `now`: the latest status whose instant has come. Ended calls that nobody
 * answered bill 0 seconds; a call still in flight has no billed seconds yet.
 */
export function reportAt(events: readonly ProviderCallEvent[], now: number): ProviderCallReport {
  let status: CallStatus = 'initiated';
  let answeredBy: AnsweredBy | null = null;
  let answeredAt: number | null = null;
  let endedAt: number | null = null;
  let billedSeconds: number | null = null;
  let failureReason: FailureReason | null = null;
  for (const event of events) {
    if (event.at > now) break;
    if (event.type !== 'status') continue;
    status = event.status;
    if (event.status === 'in_progress') {
      answeredAt = event.at;
      answeredBy = event.answeredBy ?? null;
    } else if (isTerminalCallStatus(event.status)) {
      endedAt = event.at;
      billedSeconds = event.billedSeconds ?? 0;
      failureReason = event.failureReason ?? null;
    }
  }
  return { status, answeredBy, answeredAt, endedAt, billedSeconds, failureReason };
}
