import type { CallProvider } from '../../engine/ports/call-provider.js';
import { reportOfVapiCall } from './call-report.js';
import { buildCreateCallBody } from './create-call-body.js';
import { VAPI_PROVIDER_NAME, eventsOfServerMessage } from './server-message.js';
import { createVapiApi } from './vapi-api.js';
import { assertUsableWebhookAuth, verifyVapiWebhook, type VapiWebhookAuth } from './webhook-auth.js';

export { VAPI_PROVIDER_NAME } from './server-message.js';
export { MAX_SIGNATURE_AGE_MS } from './webhook-auth.js';
export type { VapiHmacPlan, VapiWebhookAuth } from './webhook-auth.js';

export const VAPI_API_BASE_URL = 'https://api.vapi.ai';
export const DEFAULT_VAPI_TIMEOUT_MS = 10_000;

export interface VapiProviderConfig {
  /** A private API key of the Vapi organization (Dashboard → API Keys). */
  readonly apiKey: string;
  /** Default `https://api.vapi.ai`; tests point it at the local fake. */
  readonly baseUrl?: string;
  /** Where Vapi posts this adapter's server messages: `<public base URL>/webhooks/vapi`. */
  readonly webhookUrl: string;
  /**
   * The id of the Vapi Custom Credential that authenticates those messages; each call's server names it so
   * Vapi signs with it. Without one, Vapi sends the messages unauthenticated and they are all refused.
   */
  readonly webhookCredentialId?: string | undefined;
  /** The same credential's secret and settings, to verify the messages with. */
  readonly webhookAuth: VapiWebhookAuth;
  /** How long one API request may take, in ms. Default 10 s. */
  readonly requestTimeoutMs?: number;
}

/**
 * The Vapi provider (DESIGN §6; reference/provider-apis.md §2): places calls with `POST /call`, turns Vapi's
 * `status-update` and `end-of-call-report` server messages into normalised events, and answers status queries
 * with `GET /call/{id}`.
 *
 * It keeps no state between a call and its webhooks (another process may receive them): what it needs later
 * travels in the call's metadata (see `buildCreateCallBody`). Signature timestamps are checked against the
 * request's `receivedAt`, so it reads no clock.
 */
export function createVapiProvider(config: VapiProviderConfig): CallProvider {
  if (config.apiKey.trim() === '') {
    throw new RangeError('the Vapi API key is empty; give the private API key');
  }
  if (!/^https?:\/\//.test(config.webhookUrl)) {
    throw new RangeError(`the Vapi webhook URL must be an http(s) URL; got "${config.webhookUrl}"`);
  }
  assertUsableWebhookAuth(config.webhookAuth);
  const timeoutMs = config.requestTimeoutMs ?? DEFAULT_VAPI_TIMEOUT_MS;
  const api = createVapiApi({
    apiKey: config.apiKey,
    baseUrl: config.baseUrl ?? VAPI_API_BASE_URL,
    timeoutMs,
  });
  const server = { url: config.webhookUrl, credentialId: config.webhookCredentialId };

  return {
    name: VAPI_PROVIDER_NAME,
    capabilities: { statusQuery: true, inProcessEvents: false },

    async placeCall(request) {
      return { providerCallId: await api.createCall(buildCreateCallBody(request, server)) };
    },

    async getCallStatus(providerCallId) {
      const call = await api.getCall(providerCallId);
      return call === null ? null : reportOfVapiCall(call);
    },

    receiveWebhook(request) {
      const refusal = verifyVapiWebhook(config.webhookAuth, request);
      if (refusal !== null) {
        return Promise.resolve({
          ok: false,
          reason: 'unauthenticated',
          message: `Vapi webhook refused: ${refusal}`,
        });
      }
      return Promise.resolve(eventsOfServerMessage(request.rawBody, request.receivedAt));
    },
  };
}
