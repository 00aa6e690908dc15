import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_API_OPTIONS } from '../../api/api-deps.js';
import { parseIsoInstant } from '../../domain/time-format.js';
import { isValidCountryCode } from '../../imports/phone.js';
import { CliError } from '../cli-error.js';
import { integerOption } from '../options.js';
import { describeTarget, parseDatabaseOption } from '../database/database-url.js';
import { packageRoot } from '../package-root.js';
import { untilStopped } from '../shutdown.js';
import { readProviderSettings } from '../providers/provider-settings.js';
import { composeService } from './compose-service.js';

/** The dashboard `npm run build` wrote, if it did: `serve` from a checkout without a build serves the API alone. */
function builtDashboard(): string | null {
  const dir = join(packageRoot(), 'dist', 'web');
  return existsSync(join(dir, 'index.html')) ? dir : null;
}

/** `callwright serve`: parses its options, starts the service, and stops it gracefully on SIGTERM/SIGINT. */
export async function serve(args: readonly string[], env: NodeJS.ProcessEnv): Promise<void> {
  const { values } = parseArgs({
    args: [...args],
    options: {
      db: { type: 'string', default: './data/callwright.db' },
      host: { type: 'string', default: '127.0.0.1' },
      port: { type: 'string', default: '3000' },
      clock: { type: 'string', default: 'real' },
      'clock-start': { type: 'string' },
      demo: { type: 'boolean', default: false },
      'admin-key': { type: 'string' },
      'allow-private-webhooks': { type: 'boolean', default: false },
      'rate-limit': { type: 'string', default: String(DEFAULT_API_OPTIONS.rateLimitPerMinute) },
      'cors-origin': { type: 'string', multiple: true, default: [] },
      'default-country': { type: 'string', default: 'US' },
      'simulator-seed': { type: 'string', default: '7' },
    },
    strict: true,
  });
  if (values.clock !== 'real' && values.clock !== 'virtual') {
    throw new CliError('invalid_option', `--clock must be real or virtual, got "${values.clock}"`);
  }
  const country = values['default-country'];
  if (!isValidCountryCode(country)) {
    throw new CliError(
      'invalid_option',
      `--default-country must be a two-letter country code such as US, got "${country}"`,
    );
  }
  let clockStart: number | null = null;
  if (values['clock-start'] !== undefined) {
    clockStart = parseIsoInstant(values['clock-start']);
    if (clockStart === null || values.clock !== 'virtual') {
      throw new CliError(
        'invalid_option',
        `--clock-start needs --clock virtual and an ISO 8601 time such as 2026-03-02T09:00:00-05:00, got "${values['clock-start']}"`,
      );
    }
  }
  // An empty variable counts as unset, as shells and CI templates often leave one.
  const adminKey = values['admin-key'] ?? (env.CALLWRIGHT_ADMIN_KEY || null);
  if (adminKey !== null && adminKey.length < 24) {
    throw new CliError(
      'invalid_option',
      'the admin key must be at least 24 characters: it guards every account',
    );
  }
  const port = integerOption('port', values.port, 0, 65_535);
  const version = (
    JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version: string }
  ).version;

  const service = await composeService({
    db: values.db,
    clock: values.clock,
    clockStart,
    demo: values.demo,
    adminKey,
    defaultCountry: country,
    simulatorSeed: integerOption('simulator-seed', values['simulator-seed'], 0, 2 ** 31 - 1),
    providers: readProviderSettings(env),
    version,
    api: {
      ...DEFAULT_API_OPTIONS,
      allowPrivateWebhooks: values['allow-private-webhooks'],
      rateLimitPerMinute: integerOption('rate-limit', values['rate-limit'], 1, 1_000_000),
      corsOrigins: values['cors-origin'],
      dashboardDir: builtDashboard(),
    },
    logError: (message, error) => console.error(`callwright: ${message}:`, error),
  });
  const url = await service.app.listen({ host: values.host, port });
  await service.start();

  const print = (line: string) => process.stdout.write(`${line}\n`);
  print(
    `Callwright ${version} is serving ${url} (API docs: ${url}/docs) on ${describeTarget(parseDatabaseOption(values.db))}, ${values.clock} clock`,
  );
  print(
    service.app.hasRoute({ method: 'GET', url: '/' })
      ? `Dashboard: ${url}/ (sign in with an account's API key)`
      : 'The dashboard is not built (run `npm run build`): serving the API alone.',
  );
  if (service.generatedAdminKey) {
    print(
      `Admin key (shown once; set CALLWRIGHT_ADMIN_KEY to choose your own): ${service.generatedAdminKey}`,
    );
  }
  if (service.demo) {
    print(
      `Demo account API key (a new one at each start; the last one no longer works): ${service.demo.apiKey}`,
    );
    print(`Open the dashboard signed in as the demo account: ${url}/#key=${service.demo.apiKey}`);
    print(`Demo campaign ${service.demo.campaignId} holds the example leads. Start it there, or with:`);
    print(
      `  curl -X POST ${url}/v1/campaigns/${service.demo.campaignId}/start -H "Authorization: Bearer ${service.demo.apiKey}"`,
    );
  }

  await untilStopped(() => service.stop(), print);
}
