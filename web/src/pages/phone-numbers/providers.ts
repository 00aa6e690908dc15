import type { RequestOf } from '../../api/types';

export type Provider = RequestOf<'/v1/phone-numbers', 'post'>['provider'];

/**
 * The providers the API accepts (typed from its schema, so a new one fails the build until it is named here).
 * The API does not say which of them this server has credentials for; the simulator is always built in.
 */
const PROVIDER_LABELS: Record<Provider, string> = {
  simulator: 'Simulator (built in)',
  twilio: 'Twilio',
  vapi: 'Vapi',
  retell: 'Retell',
};

export const PROVIDER_OPTIONS = (Object.keys(PROVIDER_LABELS) as Provider[]).map((value) => ({
  value,
  label: PROVIDER_LABELS[value],
}));

export function providerLabel(name: string): string {
  return PROVIDER_LABELS[name as Provider] ?? name;
}
