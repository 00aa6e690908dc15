import { describe, expect, it } from 'vitest';
import { createSimulatorProvider } from '../../providers/simulator/simulator-provider.js';
import { createVirtualClock } from '../../engine/clock/virtual-clock.js';
import { createDialingProviders, readProviderSettings } from './provider-settings.js';

const simulator = createSimulatorProvider({ clock: createVirtualClock(0), seed: 1 });

const PUBLIC = { CALLWRIGHT_PUBLIC_URL: 'https://calls.example.com/' };

describe('readProviderSettings', () => {
  it('configures no real provider by default, and ignores empty variables', async () => {
    const settings = readProviderSettings({ CALLWRIGHT_VAPI_API_KEY: '', CALLWRIGHT_PUBLIC_URL: '' });
    expect(settings).toEqual({ publicUrl: null, twilio: null, vapi: null, retell: null });
    const providers = await createDialingProviders(simulator, settings);
    expect([...providers.byName.keys()]).toEqual(['simulator']);
    expect(providers.real).toEqual([]);
  });

  it('builds each configured provider with its webhook URL under the public URL', async () => {
    const settings = readProviderSettings({
      ...PUBLIC,
      CALLWRIGHT_RETELL_API_KEY: 'key_retell',
      CALLWRIGHT_VAPI_API_KEY: 'key_vapi',
      CALLWRIGHT_VAPI_WEBHOOK_SECRET: 'shared',
    });
    expect(settings.publicUrl).toBe('https://calls.example.com');
    expect(settings.vapi).toMatchObject({ webhookAuth: { scheme: 'secret', secret: 'shared' } });
    const providers = await createDialingProviders(simulator, settings);
    expect([...providers.byName.keys()]).toEqual(['simulator', 'vapi', 'retell']);
  });

  it.each([
    [{ CALLWRIGHT_TWILIO_ACCOUNT_SID: 'AC1', ...PUBLIC }, /CALLWRIGHT_TWILIO_AUTH_TOKEN must be set/],
    [
      { CALLWRIGHT_TWILIO_ACCOUNT_SID: 'AC1', CALLWRIGHT_TWILIO_AUTH_TOKEN: 't', ...PUBLIC },
      /CALLWRIGHT_TWILIO_VOICE_URL must be set to the TwiML/,
    ],
    [{ CALLWRIGHT_VAPI_API_KEY: 'k', ...PUBLIC }, /set exactly one of CALLWRIGHT_VAPI_WEBHOOK_SECRET/],
    [
      {
        CALLWRIGHT_VAPI_API_KEY: 'k',
        CALLWRIGHT_VAPI_WEBHOOK_SECRET: 'a',
        CALLWRIGHT_VAPI_WEBHOOK_HMAC_SECRET: 'b',
        ...PUBLIC,
      },
      /set exactly one of/,
    ],
    [{ CALLWRIGHT_RETELL_API_KEY: 'k' }, /CALLWRIGHT_PUBLIC_URL must be set when a provider is configured/],
    [
      { CALLWRIGHT_RETELL_API_KEY: 'k', CALLWRIGHT_PUBLIC_URL: 'calls.example.com' },
      /CALLWRIGHT_PUBLIC_URL must be the http\(s\) address .*, got "calls.example.com"/,
    ],
  ])('refuses %j, naming the variable and what it needs', (env, message) => {
    expect(() => readProviderSettings(env)).toThrow(message);
  });
});
