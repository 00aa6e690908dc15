import { ProviderError, type PlaceCallRequest } from '../../engine/ports/call-provider.js';

/**
 * The create-call request (reference §1.1): `POST /2010-04-01/Accounts/{AccountSid}/Calls.json`, form-encoded,
 * arrays as repeated keys.
 *
 * The conversation runs in the user's voice application, at the adapter's `voiceAppUrl`:
 * - `https://…` (or `http://…`): a TwiML URL Twilio fetches when the call is answered (`Url`). Our call id, the
 *   attempt, the assistant (its `providerAssistantId`, when set) and the lead's fields are added to its query
 *   string (`callwright_call_id`, `callwright_attempt`, `callwright_assistant`, then each field under its own
 *   name), so the application knows which call and assistant it is talking for and can report the post-call
 *   variables to `POST /v1/calls/{id}/variables`.
 * - `wss://…`: a media stream. The call runs inline TwiML `<Connect><Stream url="…">` whose `<Parameter>`s carry
 *   the same values; Twilio hands them to the stream in its `start` message.
 *
 * Status callbacks for all four events and asynchronous answering-machine detection go to the adapter's webhook
 * URL; the adapter needs nothing else back from Twilio, so nothing is put in the callback URLs.
 */
export const STATUS_CALLBACK_EVENTS = ['initiated', 'ringing', 'answered', 'completed'] as const;

/** `MachineDetection`: `Enable` answers soonest; `DetectMessageEnd` waits for the greeting to end (the beep). */
export type TwilioMachineDetection = 'Enable' | 'DetectMessageEnd';

/** Twilio's default `TimeLimit` (4 hours): a longer call is not something an outbound campaign asks for. */
const MAX_TIME_LIMIT_SECONDS = 14_400;
/** Inline `Twiml` is limited to 4,000 characters (reference §1.1). */
const MAX_TWIML_CHARS = 4_000;
/** Our own parameters for the voice application; a lead field of the same name is left out. */
export const CALL_ID_PARAM = 'callwright_call_id';
export const ATTEMPT_PARAM = 'callwright_attempt';
export const ASSISTANT_PARAM = 'callwright_assistant';
const OWN_PARAMS: ReadonlySet<string> = new Set([CALL_ID_PARAM, ATTEMPT_PARAM, ASSISTANT_PARAM]);

export interface CallRequestOptions {
  /** The voice application: an https:// TwiML URL or a wss:// media stream URL. */
  readonly voiceAppUrl: string;
  readonly webhookUrl: string;
  readonly machineDetection: TwilioMachineDetection;
}

/** The form fields of the create-call request, in order; repeated keys for `StatusCallbackEvent`. */
export function buildCreateCallForm(
  request: PlaceCallRequest,
  options: CallRequestOptions,
): [string, string][] {
  const form: [string, string][] = [
    ['To', request.to],
    ['From', request.from],
    ...voiceAppFields(request, options.voiceAppUrl),
    ['StatusCallback', options.webhookUrl],
    ['StatusCallbackMethod', 'POST'],
    ...STATUS_CALLBACK_EVENTS.map((event): [string, string] => ['StatusCallbackEvent', event]),
    ['MachineDetection', options.machineDetection],
    ['AsyncAmd', 'true'],
    ['AsyncAmdStatusCallback', options.webhookUrl],
    ['AsyncAmdStatusCallbackMethod', 'POST'],
  ];
  const timeLimit = timeLimitSeconds(request.assistant.maxCallMinutes);
  // Twilio hangs up at the assistant's limit, so a call never outlives its reconciliation deadline (DESIGN §2.7).
  if (timeLimit !== null) form.push(['TimeLimit', String(timeLimit)]);
  return form;
}

export function encodeForm(form: readonly (readonly [string, string])[]): string {
  return form.map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`).join('&');
}

function timeLimitSeconds(maxCallMinutes: number): number | null {
  if (!Number.isFinite(maxCallMinutes) || maxCallMinutes <= 0) return null;
  return Math.min(MAX_TIME_LIMIT_SECONDS, Math.max(1, Math.ceil(maxCallMinutes * 60)));
}

/** Our call id, the attempt, the assistant, then the lead's fields (none may pose as one of ours). */
function assistantParameters(request: PlaceCallRequest): [string, string][] {
  const { providerAssistantId } = request.assistant;
  return [
    [CALL_ID_PARAM, request.callId],
    [ATTEMPT_PARAM, String(request.attempt)],
    ...(providerAssistantId === null ? [] : [[ASSISTANT_PARAM, providerAssistantId] as [string, string]]),
    ...Object.entries(request.variables).filter(([name]) => !OWN_PARAMS.has(name)),
  ];
}

function voiceAppFields(request: PlaceCallRequest, voiceAppUrl: string): [string, string][] {
  const url = new URL(voiceAppUrl);
  if (url.protocol === 'https:' || url.protocol === 'http:') {
    for (const [name, value] of assistantParameters(request)) url.searchParams.set(name, value);
    return [
      ['Url', url.toString()],
      ['Method', 'POST'],
    ];
  }
  if (url.protocol === 'wss:') {
    const parameters = assistantParameters(request)
      .map(([name, value]) => `<Parameter name="${escapeXml(name)}" value="${escapeXml(value)}"/>`)
      .join('');
    const twiml = `<Response><Connect><Stream url="${escapeXml(url.toString())}">${parameters}</Stream></Connect></Response>`;
    if (twiml.length > MAX_TWIML_CHARS) {
      throw new ProviderError(
        'permanent',
        `the media stream TwiML for call ${request.callId} is ${twiml.length} characters, over Twilio's ${MAX_TWIML_CHARS}; give the lead fewer or shorter fields, or use a TwiML URL`,
        { code: 'twilio_twiml_too_long' },
      );
    }
    return [['Twiml', twiml]];
  }
  throw new RangeError(`the Twilio voice application URL must be https:// or wss://; got ${url.protocol}`);
}

/** Whether `value` is a voice application URL this adapter can hand to Twilio. */
export function isVoiceAppUrl(value: string): boolean {
  try {
    return ['https:', 'http:', 'wss:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
}

function escapeXml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}
