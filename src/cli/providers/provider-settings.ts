import type { CallProvider } from '../../engine/ports/call-provider.js';
import type { RetellProviderConfig } from '../../providers/retell/retell-provider.js';
import type { TwilioProviderConfig } from '../../providers/twilio/twilio-provider.js';
import type { VapiProviderConfig } from '../../providers/vapi/vapi-provider.js';
import { CliError } from '../cli-error.js';

type WithoutWebhookUrl<Config> = Omit<Config, 'webhookUrl'>;

/**
 * The real providers this server may dial with, from its environment (docs/providers.md): one set of credentials
 * per provider for the whole server. A provider is configured when its key is set; its webhooks are posted to
 * `<publicUrl>/webhooks/<provider>`.
 */
export interface ProviderSettings {
  readonly publicUrl: string | null;
  readonly twilio: WithoutWebhookUrl<TwilioProviderConfig> | null;
  readonly vapi: WithoutWebhookUrl<VapiProviderConfig> | null;
  readonly retell: WithoutWebhookUrl<RetellProviderConfig> | null;
}

export const NO_REAL_PROVIDERS: ProviderSettings = {
  publicUrl: null,
  twilio: null,
  vapi: null,
  retell: null,
};

type Env = Readonly<Record<string, string | undefined>>;

/** An empty variable counts as unset, as shells and CI templates often leave one. */
const read = (env: Env, name: string): string | undefined => env[name] || undefined;

function required(env: Env, name: string, because: string): string {
  const value = read(env, name);
  if (value === undefined) throw new CliError('invalid_option', `${name} must be set ${because}`);
  return value;
}

function publicUrlOf(env: Env): string | null {
  const value = read(env, 'CALLWRIGHT_PUBLIC_URL');
  if (value === undefined) return null;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    url = new URL('invalid:');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new CliError(
      'invalid_option',
      `CALLWRIGHT_PUBLIC_URL must be the http(s) address providers reach this server at, such as https://calls.example.com, got "${value}"`,
    );
  }
  return value.replace(/\/+$/, '');
}

export function readProviderSettings(env: Env): ProviderSettings {
  const twilioSid = read(env, 'CALLWRIGHT_TWILIO_ACCOUNT_SID');
  const vapiKey = read(env, 'CALLWRIGHT_VAPI_API_KEY');
  const retellKey = read(env, 'CALLWRIGHT_RETELL_API_KEY');
  const settings: ProviderSettings = {
    publicUrl: publicUrlOf(env),
    twilio:
      twilioSid === undefined
        ? null
        : {
            accountSid: twilioSid,
            authToken: required(env, 'CALLWRIGHT_TWILIO_AUTH_TOKEN', 'with CALLWRIGHT_TWILIO_ACCOUNT_SID'),
            voiceAppUrl: required(
              env,
              'CALLWRIGHT_TWILIO_VOICE_URL',
              'to the TwiML (https://) or media stream (wss://) URL of your voice application',
            ),
            ...optional('apiBaseUrl', read(env, 'CALLWRIGHT_TWILIO_API_URL')),
          },
    vapi: vapiKey === undefined ? null : { apiKey: vapiKey, ...vapiWebhookSettings(env) },
    retell:
      retellKey === undefined
        ? null
        : {
            apiKey: retellKey,
            webhookApiKey: read(env, 'CALLWRIGHT_RETELL_WEBHOOK_API_KEY'),
            baseUrl: read(env, 'CALLWRIGHT_RETELL_API_URL'),
          },
  };
  const configured = [settings.twilio, settings.vapi, settings.retell].some((provider) => provider !== null);
  if (configured && settings.publicUrl === null) {
    throw new CliError(
      'invalid_option',
      'CALLWRIGHT_PUBLIC_URL must be set when a provider is configured: it posts its webhooks there',
    );
  }
  return settings;
}

/** An optional setting, left out when unset (the adapter's default applies). */
const optional = <Key extends string>(key: Key, value: string | undefined) =>
  (value === undefined ? {} : { [key]: value }) as { [K in Key]?: string };

/** Vapi signs its webhooks as its credential says: a shared secret header, or HMAC. */
function vapiWebhookSettings(env: Env): Omit<WithoutWebhookUrl<VapiProviderConfig>, 'apiKey'> {
  const secret = read(env, 'CALLWRIGHT_VAPI_WEBHOOK_SECRET');
  const hmacSecret = read(env, 'CALLWRIGHT_VAPI_WEBHOOK_HMAC_SECRET');
  if ((secret === undefined) === (hmacSecret === undefined)) {
    throw new CliError(
      'invalid_option',
      'with CALLWRIGHT_VAPI_API_KEY, set exactly one of CALLWRIGHT_VAPI_WEBHOOK_SECRET (X-Vapi-Secret) and CALLWRIGHT_VAPI_WEBHOOK_HMAC_SECRET (HMAC): how Vapi signs its webhooks',
    );
  }
  return {
    webhookAuth:
      secret !== undefined ? { scheme: 'secret', secret } : { scheme: 'hmac', secretKey: hmacSecret! },
    webhookCredentialId: read(env, 'CALLWRIGHT_VAPI_CREDENTIAL_ID'),
    ...optional('baseUrl', read(env, 'CALLWRIGHT_VAPI_API_URL')),
  };
}

/** The providers a dialing process uses, by name, and those among them that take webhooks. */
export interface DialingProviders {
  readonly byName: ReadonlyMap<string, CallProvider>;
  /** The real providers (each delivers its events to `/webhooks/<name>`). */
  readonly real: readonly CallProvider[];
}

/**
 * The built-in `simulator` and the configured real providers, each told where its webhooks go. An adapter's
 * module is loaded only when its provider is configured: the Twilio SDK alone adds about 90 ms to a start.
 */
export async function createDialingProviders(
  simulator: CallProvider,
  settings: ProviderSettings,
): Promise<DialingProviders> {
  const webhookUrl = (name: string) => `${settings.publicUrl}/webhooks/${name}`;
  const real: CallProvider[] = [];
  if (settings.twilio) {
    const { createTwilioProvider } = await import('../../providers/twilio/twilio-provider.js');
    real.push(createTwilioProvider({ ...settings.twilio, webhookUrl: webhookUrl('twilio') }));
  }
  if (settings.vapi) {
    const { createVapiProvider } = await import('../../providers/vapi/vapi-provider.js');
    real.push(createVapiProvider({ ...settings.vapi, webhookUrl: webhookUrl('vapi') }));
  }
  if (settings.retell) {
    const { createRetellProvider } = await import('../../providers/retell/retell-provider.js');
    real.push(createRetellProvider({ ...settings.retell, webhookUrl: webhookUrl('retell') }));
  }
  return { byName: new Map([simulator, ...real].map((provider) => [provider.name, provider])), real };
}
