/**
 * The parts of Retell's call object (`PhoneCallResponse`, provider-apis.md §3.2) the adapter reads, checked at the
 * edge: webhooks and API answers are untrusted JSON, so every field is validated before it is used, and fields we
 * do not read are ignored.
 */

export const RETELL_CALL_STATUSES = ['registered', 'not_connected', 'ongoing', 'ended', 'error'] as const;
export type RetellCallStatus = (typeof RETELL_CALL_STATUSES)[number];

export interface RetellCallAnalysis {
  readonly callSuccessful: boolean | null;
  readonly inVoicemail: boolean | null;
  /** The agent's `post_call_analysis_data` answers, by item name; `null` when absent or not an object. */
  readonly customAnalysisData: Readonly<Record<string, unknown>> | null;
}

export interface RetellCall {
  readonly callId: string;
  /** `null` for a value this adapter does not know (a newer API); the mapping then decides from the rest. */
  readonly callStatus: RetellCallStatus | null;
  /** Kept as sent: the mapping handles values it does not know. */
  readonly disconnectionReason: string | null;
  readonly startTimestamp: number | null;
  readonly endTimestamp: number | null;
  readonly durationMs: number | null;
  readonly metadata: unknown;
  readonly callAnalysis: RetellCallAnalysis | null;
}

/** Reads a call object; `null` when `value` is not one (no string `call_id`). */
export function readRetellCall(value: unknown): RetellCall | null {
  if (!isRecord(value) || typeof value.call_id !== 'string' || value.call_id === '') return null;
  return {
    callId: value.call_id,
    callStatus: readCallStatus(value.call_status),
    disconnectionReason: typeof value.disconnection_reason === 'string' ? value.disconnection_reason : null,
    startTimestamp: readTimestamp(value.start_timestamp),
    endTimestamp: readTimestamp(value.end_timestamp),
    durationMs: readTimestamp(value.duration_ms),
    metadata: value.metadata,
    callAnalysis: readCallAnalysis(value.call_analysis),
  };
}

function readCallStatus(value: unknown): RetellCallStatus | null {
  return RETELL_CALL_STATUSES.find((status) => status === value) ?? null;
}

function readTimestamp(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : null;
}

function readCallAnalysis(value: unknown): RetellCallAnalysis | null {
  if (!isRecord(value)) return null;
  return {
    callSuccessful: typeof value.call_successful === 'boolean' ? value.call_successful : null,
    inVoicemail: typeof value.in_voicemail === 'boolean' ? value.in_voicemail : null,
    customAnalysisData: isRecord(value.custom_analysis_data) ? value.custom_analysis_data : null,
  };
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
