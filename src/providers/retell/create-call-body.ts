import { ProviderError, type PlaceCallRequest } from '../../engine/ports/call-provider.js';
import { buildCallMetadata, type CallwrightMetadata } from './call-metadata.js';

/** Retell's bounds for an agent's `max_call_duration_ms` (retell-sdk `AgentOverride.Agent`): 1 minute to 2 hours. */
const MIN_CALL_DURATION_MS = 60_000;
const MAX_CALL_DURATION_MS = 7_200_000;
const MS_PER_MINUTE = 60_000;

/**
 * The webhook events the adapter needs: `call_started` (answered), `call_ended` (the terminal status) and
 * `call_analyzed` (the goal). Set per call so an agent configured with fewer events still reports them.
 */
export const WEBHOOK_EVENTS = ['call_started', 'call_ended', 'call_analyzed'] as const;

/** The JSON body of `POST /v2/create-phone-call` (provider-apis.md §3.1). */
export interface CreatePhoneCallBody {
  readonly from_number: string;
  readonly to_number: string;
  readonly override_agent_id: string;
  /** Retell accepts string values only; the lead's fields are strings already. */
  readonly retell_llm_dynamic_variables: Readonly<Record<string, string>>;
  readonly metadata: CallwrightMetadata;
  readonly agent_override: {
    readonly agent: {
      /** This call's webhooks go here instead of the agent's or the account's webhook URL. */
      readonly webhook_url: string;
      readonly webhook_events: readonly (typeof WEBHOOK_EVENTS)[number][];
      /** The assistant's `maxCallMinutes`, so Retell ends the call before we reconcile it as lost (DESIGN §2.7). */
      readonly max_call_duration_ms: number;
    };
  };
}

/**
 * Builds the create-call body. The assistant must name its Retell agent (`providerAssistantId`): without it the
 * call would run whatever agent is bound to the caller-id number, so the request is refused as `permanent`.
 */
export function buildCreatePhoneCallBody(request: PlaceCallRequest, webhookUrl: string): CreatePhoneCallBody {
  const agentId = request.assistant.providerAssistantId;
  if (agentId === null || agentId === '') {
    throw new ProviderError(
      'permanent',
      `assistant ${request.assistant.id} has no Retell agent id: set its provider assistant id to the agent_id ` +
        'of a Retell agent',
      { code: 'retell_agent_missing' },
    );
  }
  const maxCallMs = request.assistant.maxCallMinutes * MS_PER_MINUTE;
  return {
    from_number: request.from,
    to_number: request.to,
    override_agent_id: agentId,
    retell_llm_dynamic_variables: { ...request.variables },
    metadata: buildCallMetadata(request),
    agent_override: {
      agent: {
        webhook_url: webhookUrl,
        webhook_events: [...WEBHOOK_EVENTS],
        max_call_duration_ms: Math.min(MAX_CALL_DURATION_MS, Math.max(MIN_CALL_DURATION_MS, maxCallMs)),
      },
    },
  };
}
