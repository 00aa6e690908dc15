import type { PlaceCallRequest } from '../../engine/ports/call-provider.js';
import { isRecord } from './retell-call.js';

/**
 * What we store in a Retell call's `metadata` (echoed in every webhook and by get-call): the adapter is
 * stateless, and the process that receives a webhook may not be the one that placed the call.
 * - `callwright_call_id`: our call id, to trace a provider call back to ours.
 * - `callwright_idempotency_key`: lead + contact + attempt (Retell's create has no idempotency key of its own).
 * - `callwright_boolean_variables`: the names of the assistant's boolean variables, for the goal fallback on
 *   `call_analysis.call_successful` (provider-apis.md §0.2), which applies only when there is exactly one.
 */
export interface CallwrightMetadata {
  readonly callwright_call_id: string;
  readonly callwright_idempotency_key: string;
  readonly callwright_boolean_variables: readonly string[];
}

export function buildCallMetadata(request: PlaceCallRequest): CallwrightMetadata {
  return {
    callwright_call_id: request.callId,
    callwright_idempotency_key: request.idempotencyKey,
    callwright_boolean_variables: request.assistant.variables
      .filter((variable) => variable.type === 'boolean')
      .map((variable) => variable.name),
  };
}

/** The assistant's boolean variable names as placed; empty when the metadata is not ours (a call placed elsewhere). */
export function readBooleanVariableNames(metadata: unknown): readonly string[] {
  if (!isRecord(metadata)) return [];
  const names = metadata.callwright_boolean_variables;
  return Array.isArray(names) ? names.filter((name): name is string => typeof name === 'string') : [];
}
