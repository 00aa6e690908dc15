import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { createRealClock, type Timeline } from '../../engine/clock/real-clock.js';
import { createIdSource } from '../../engine/ids/id-source.js';
import { createSimulatorProvider } from '../../providers/simulator/simulator-provider.js';
import type { SimulatorOutcomeRates } from '../../providers/simulator/random-outcome.js';
import { resolveOutcomeRates } from '../../providers/simulator/random-outcome.js';
import { CliError } from '../cli-error.js';
import { describeTarget, parseDatabaseOption } from '../database/database-url.js';
import { openDatabase } from '../database/open-database.js';
import { composeDialing } from '../dialing-process.js';
import { instantOption, integerOption } from '../options.js';
import { untilStopped } from '../shutdown.js';
import { WORKER_USAGE } from './worker-usage.js';
import { createDialingProviders, readProviderSettings } from '../providers/provider-settings.js';

/** `callwright worker`: the dialer on a shared database, stopped gracefully on SIGTERM/SIGINT. */
export async function worker(args: readonly string[], env: NodeJS.ProcessEnv): Promise<void> {
  const { values } = parseArgs({
    args: [...args],
    options: {
      db: { type: 'string' },
      clock: { type: 'string', default: 'real' },
      'clock-start': { type: 'string' },
      'clock-origin': { type: 'string' },
      'clock-speed': { type: 'string' },
      'simulator-seed': { type: 'string', default: '7' },
      'simulator-outcomes': { type: 'string' },
      'lease-seconds': { type: 'string', default: '30' },
      'heartbeat-seconds': { type: 'string', default: '10' },
      'max-claims': { type: 'string', default: '100' },
    },
    strict: true,
  });
  if (values.db === undefined) {
    throw new CliError(
      'missing_option',
      `--db is required: the PostgreSQL database the workers share\n\n${WORKER_USAGE}`,
    );
  }
  const target = parseDatabaseOption(values.db);
  const leaseMs = integerOption('lease-seconds', values['lease-seconds'], 5, 3_600) * 1000;
  const intervalMs = integerOption('heartbeat-seconds', values['heartbeat-seconds'], 1, 3_600) * 1000;
  if (intervalMs * 2 > leaseMs) {
    throw new CliError(
      'invalid_option',
      `--heartbeat-seconds must be at most half of --lease-seconds (two beats may be late before a lease runs out), got ${intervalMs / 1000} and ${leaseMs / 1000}`,
    );
  }
  const timeline = timelineOf(values);
  const print = (line: string) => process.stdout.write(`${line}\n`);
  const log = (line: string) => process.stderr.write(`callwright worker: ${line}\n`);

  const opened = await openDatabase(target, {
    origin: randomUUID(),
    onError: (error) => log(`database background task failed: ${String(error)}`),
  });
  if (!opened.store.capabilities.multiWorker) {
    await opened.close();
    throw new CliError(
      'database_not_shared',
      `callwright worker needs a database several processes can share (PostgreSQL, --db postgres://…); ${describeTarget(target)} is a SQLite file, which \`callwright serve\` dials on its own`,
    );
  }
  const clock = createRealClock({
    onTaskError: (error) =>
      log(
        `a background task failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      ),
    ...(timeline ? { timeline } : {}),
  });
  const ids = createIdSource({ now: () => clock.now(), random: Math.random });
  const simulator = createSimulatorProvider({
    clock,
    seed: integerOption('simulator-seed', values['simulator-seed'], 0, 2 ** 31 - 1),
    outcomes: outcomesOf(values['simulator-outcomes']),
  });
  // A worker dials and reconciles; the providers' webhooks reach `serve`, so they share its settings.
  const providers = (await createDialingProviders(simulator, readProviderSettings(env))).byName;
  const dialing = composeDialing({
    store: opened.store,
    coordination: opened.coordination,
    clock,
    ids,
    providers,
    role: 'worker',
    heartbeat: { leaseMs, intervalMs },
    maxClaims: integerOption('max-claims', values['max-claims'], 1, 1_000),
    log,
  });
  await dialing.start();
  print(
    `Callwright worker ${dialing.workerId} is dialing on ${describeTarget(target)}${timeline ? `, clock ×${timeline.speed}` : ''}`,
  );
  await untilStopped(async () => {
    await dialing.stop();
    await opened.close();
  }, print);
}

function timelineOf(values: Record<string, string | boolean | undefined>): Timeline | null {
  const clock = values.clock;
  if (clock === 'real') {
    for (const name of ['clock-start', 'clock-origin', 'clock-speed']) {
      if (values[name] !== undefined)
        throw new CliError('invalid_option', `--${name} needs --clock accelerated`);
    }
    return null;
  }
  if (clock !== 'accelerated')
    throw new CliError('invalid_option', `--clock must be real or accelerated, got "${String(clock)}"`);
  const text = (name: string) => {
    const value = values[name];
    if (typeof value !== 'string')
      throw new CliError('missing_option', `--clock accelerated needs --${name}`);
    return value;
  };
  return {
    startsAt: instantOption('clock-start', text('clock-start')),
    origin: instantOption('clock-origin', text('clock-origin')),
    speed: integerOption('clock-speed', text('clock-speed'), 1, 100_000),
  };
}

function outcomesOf(path: string | undefined): SimulatorOutcomeRates {
  if (path === undefined) return resolveOutcomeRates();
  try {
    return resolveOutcomeRates(JSON.parse(readFileSync(path, 'utf8')) as Partial<SimulatorOutcomeRates>);
  } catch (error) {
    throw new CliError(
      'invalid_option',
      `--simulator-outcomes ${path}: ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    );
  }
}
