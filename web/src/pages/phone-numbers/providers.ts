import { useQuery } from '@tanstack/react-query';
import { unwrap } from '../../api/client';
import { useApi } from '../../api/session';
import type { RequestOf } from '../../api/types';

export type Provider = RequestOf<'/v1/phone-numbers', 'post'>['provider'];

/** The providers the API accepts (typed from its schema, so a new one fails the build until it is named here). */
const PROVIDER_LABELS: Record<Provider, string> = {
  simulator: 'Simulator (built in)',
  twilio: 'Twilio',
  vapi: 'Vapi',
  retell: 'Retell',
};

export function providerLabel(name: string): string {
  return PROVIDER_LABELS[name as Provider] ?? name;
}

/**
 * The providers to choose from, each saying whether this server can dial with it (`GET /v1/providers`). One
 * that is not set up stays selectable, so numbers and assistants can be prepared before its credentials are in;
 * a campaign on it is refused at start with a message saying so.
 */
export function useProviderOptions() {
  const api = useApi();
  const providers = useQuery({
    queryKey: ['providers'],
    queryFn: () => unwrap(api.GET('/v1/providers')),
    staleTime: Infinity,
  });
  const configured = new Map(providers.data?.data.map((p) => [p.name, p.configured]));
  return (Object.keys(PROVIDER_LABELS) as Provider[]).map((value) => ({
    value,
    label:
      configured.get(value) === false
        ? `${PROVIDER_LABELS[value]} (not set up on this server)`
        : PROVIDER_LABELS[value],
  }));
}
