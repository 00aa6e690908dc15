import { ProviderError, type PlaceCallRequest } from '../../engine/ports/call-provider.js';

/**
 * What the adapter leaves on each Vapi call so that whoever receives its webhooks (maybe another process) needs
 * nothing else: our call id, and the names of the assistant's boolean variables for the goal fallback
 * (see `reportedVariables`). Vapi echoes it back as `message.call.assistantOverrides.metadata`.
 */
export interface CallwrightMetadata {
  readonly callwrightCallId: string;
  readonly callwrightBooleanVariables: readonly string[];
}

/** Only the messages the adapter reads: Vapi's default list also sends transcripts and speech updates. */
const SERVER_MESSAGES = ['status-update', 'end-of-call-report'] as const;

/**
 * The `POST /call` body (reference/provider-apis.md §2.1): the assistant and phone number as Vapi knows them,
 * the contact, and per-call overrides: the lead's fields as LiquidJS `variableValues`, our webhook URL (with the
 * Vapi credential that authenticates it), the assistant's maximum call length, and our metadata.
 */
export function buildCreateCallBody(
  request: PlaceCallRequest,
  server: { readonly url: string; readonly credentialId: string | undefined },
): Record<string, unknown> {
  const assistantId = request.assistant.providerAssistantId;
  if (assistantId === null) {
    throw new ProviderError(
      'permanent',
      `assistant ${request.assistant.id} has no Vapi assistant id: set its provider assistant id to the id of the assistant in the Vapi dashboard`,
      { code: 'vapi_assistant_id_missing' },
    );
  }
  if (request.fromProviderRef === null) {
    throw new ProviderError(
      'permanent',
      `phone number ${request.from} has no Vapi phone number id: set its provider reference to the id of the number in the Vapi dashboard`,
      { code: 'vapi_phone_number_id_missing' },
    );
  }
  const metadata: CallwrightMetadata = {
    callwrightCallId: request.callId,
    callwrightBooleanVariables: request.assistant.variables
      .filter((variable) => variable.type === 'boolean')
      .map((variable) => variable.name),
  };
  return {
    assistantId,
    phoneNumberId: request.fromProviderRef,
    customer: { number: request.to },
    assistantOverrides: {
      variableValues: { ...request.variables },
      maxDurationSeconds: request.assistant.maxCallMinutes * 60,
      serverMessages: SERVER_MESSAGES,
      server: server.credentialId === undefined ? { url: server.url } : server,
      metadata,
    },
  };
}
