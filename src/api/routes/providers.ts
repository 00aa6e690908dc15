import { Type } from 'typebox';
import type { ApiDeps } from '../api-deps.js';
import type { Api } from '../http/api-instance.js';
import { PROVIDER_NAMES } from '../schemas/catalog.js';

const ProviderList = Type.Object({
  data: Type.Array(
    Type.Object({
      name: Type.Enum(PROVIDER_NAMES),
      configured: Type.Boolean({
        description:
          'Whether this server can place calls with it: the simulator always; a real provider once its ' +
          'credentials are in the environment (docs/providers.md). A campaign whose assistant uses a provider ' +
          'that is not configured cannot start.',
      }),
      webhookUrl: Type.Union([Type.String(), Type.Null()], {
        description:
          'Where the provider posts its webhooks (null for the simulator and unconfigured providers).',
      }),
    }),
  ),
});

/** `GET /v1/providers`: which providers this server can dial with, so a client offers only those. */
export function registerProviderRoutes(api: Api, deps: ApiDeps): void {
  const { providers, webhookProviders } = deps;
  api.get(
    '/v1/providers',
    {
      schema: {
        tags: ['phone numbers'],
        summary:
          'The providers phone numbers and assistants may name, and which this server is configured for.',
        response: { 200: ProviderList },
      },
      config: { auth: 'any' },
    },
    () => ({
      data: PROVIDER_NAMES.map((name) => ({
        name,
        configured: providers.has(name),
        webhookUrl:
          webhookProviders.byName.has(name) && webhookProviders.publicUrl !== null
            ? `${webhookProviders.publicUrl}/webhooks/${name}`
            : null,
      })),
    }),
  );
}
