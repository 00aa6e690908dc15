import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { ApiOptions, TestClock } from '../../api/api-deps.js';
import { createApp } from '../../api/app.js';
import { createChangeSignal } from '../../api/events/change-signal.js';
import { createApiMetrics } from '../../api/http/metrics.js';
import { createWebhookDelivery } from '../../api/webhooks/delivery-worker.js';
import { createRealClock } from '../../engine/clock/real-clock.js';
import { createVirtualClock, type VirtualClock } from '../../engine/clock/virtual-clock.js';
import { createIdSource } from '../../engine/ids/id-source.js';
import type { Clock } from '../../engine/ports/clock.js';
import { createCampaignCommands } from '../../engine/use-cases/campaign-commands.js';
import { createLeadImporter } from '../../imports/lead-import.js';
import { normalizePhone, type CountryCode } from '../../imports/phone.js';
import { createPhoneValidationPool } from '../../imports/phone-validation-pool.js';
import { createSimulatorProvider } from '../../providers/simulator/simulator-provider.js';
import { parseDatabaseOption } from '../database/database-url.js';
import { openDatabase } from '../database/open-database.js';
import { composeDialing } from '../dialing-process.js';
import { ensureAdminKey } from './admin-key.js';
import {
  createDialingProviders,
  NO_REAL_PROVIDERS,
  type ProviderSettings,
} from '../providers/provider-settings.js';
import { setUpDemo } from './demo.js';
import { notifyingStore } from './notifying-store.js';

export interface ServiceOptions {
  /** A SQLite file (created with its folder), `:memory:`, or a `postgres://` URL. */
  readonly db: string;
  readonly clock: 'real' | 'virtual';
  /** Where a new test clock starts (default: now); a restarted one resumes after its last event. */
  readonly clockStart: number | null;
  readonly demo: boolean;
  readonly adminKey: string | null;
  readonly defaultCountry: CountryCode;
  readonly simulatorSeed: number;
  /** The real providers to dial with besides the simulator (none by default). */
  readonly providers?: ProviderSettings;
  readonly api: Omit<ApiOptions, 'version'>;
  readonly version: string;
  /** Where errors of background work go (a timer has no caller to return them to). */
  readonly logError: (message: string, error: unknown) => void;
}

export interface Service {
  readonly app: FastifyInstance;
  /** A generated operator key to print once, or null. */
  readonly generatedAdminKey: string | null;
  /** The demo's campaign and a fresh sign-in key for its account (`--demo`), or null. */
  readonly demo: { readonly campaignId: string; readonly apiKey: string } | null;
  /** Starts the dialer and webhook delivery (the HTTP server is the caller's to listen). */
  start(): Promise<void>;
  /** Graceful stop: no new claims or deliveries, in-flight HTTP finishes, then the database closes. */
  stop(): Promise<void>;
}

/**
 * The composition root of `callwright serve` (DESIGN §3): one process with the API, the dialer and webhook
 * delivery on one database. Tests build it too, so what they exercise is what users run.
 */
export async function composeService(options: ServiceOptions): Promise<Service> {
  const origin = randomUUID();
  const opened = await openDatabase(parseDatabaseOption(options.db), {
    origin,
    onError: (error) => options.logError('a database background task failed', error),
  });
  const changes = createChangeSignal();
  const store = notifyingStore(opened.store, () => changes.notify());
  const { access, webhooks } = opened;

  let virtualClock: VirtualClock | null = null;
  let clock: Clock;
  if (options.clock === 'virtual') {
    // A restarted test clock resumes where its events left off, never before them.
    virtualClock = createVirtualClock(
      Math.max(options.clockStart ?? Date.now(), (await store.lastActivityAt()) ?? 0),
    );
    clock = virtualClock;
  } else {
    clock = createRealClock({ onTaskError: (error) => options.logError('a background task failed', error) });
  }
  const testClock: TestClock | null = virtualClock && {
    now: () => virtualClock.now(),
    advanceTo: (instant) => virtualClock.runUntil(instant),
  };

  const ids = createIdSource({ now: () => clock.now(), random: Math.random });
  const simulator = createSimulatorProvider({ clock, seed: options.simulatorSeed });
  const providerSettings = options.providers ?? NO_REAL_PROVIDERS;
  const dialingProviders = await createDialingProviders(simulator, providerSettings);
  const providers = dialingProviders.byName;
  const dialing = composeDialing({
    store,
    coordination: opened.coordination,
    clock,
    ids,
    providers,
    role: 'serve',
    // A test clock is moved by hand: a heartbeat on it would never let it be idle. It runs one process anyway.
    heartbeat: virtualClock === null ? {} : null,
    // Another process wrote outbox events: live streams and webhook delivery read on.
    onSignal: (signal) => {
      if (signal.outboxGrew) changes.notify();
    },
    log: (message) => options.logError(message, null),
  });
  const { dialer } = dialing;
  const commands = createCampaignCommands({ store, clock, ids, providers, dialer });
  const delivery = createWebhookDelivery({
    store: webhooks,
    clock,
    allowPrivateTargets: options.api.allowPrivateWebhooks,
    signatureClock: () => Date.now(),
  });
  changes.subscribe(() => delivery.wake());

  const admin = await ensureAdminKey(access, ids, clock.now(), options.adminKey);
  const demo = options.demo ? await setUpDemo({ store, access, ids, clock, commands }) : null;

  let running = false;
  let checkpoints: { stop(): Promise<void> } | null = null;
  const phoneValidation = createPhoneValidationPool();
  const app = await createApp({
    store,
    access,
    webhooks,
    clock,
    testClock,
    ids,
    commands,
    providers: new Set(providers.keys()),
    webhookProviders: {
      byName: new Map(dialingProviders.real.map((provider) => [provider.name, provider])),
      publicUrl: providerSettings.publicUrl,
    },
    adminKey: admin.configured,
    changes,
    metrics: createApiMetrics({ activeCampaigns: async () => (await store.listActiveCampaignIds()).length }),
    normalizePhone: (raw) => normalizePhone(raw, options.defaultCountry),
    normalizePhones: (raws) => phoneValidation.normalize(raws, options.defaultCountry),
    leadImporter: createLeadImporter({
      addLeads: (campaignId, leads) => commands.addLeads(campaignId, leads),
      phones: phoneValidation,
    }),
    importJobs: opened.importJobs,
    defaultCountry: options.defaultCountry,
    reportCallEvent: (event) => dialer.handleProviderEvent(event),
    readiness: async () => ({
      database: await store.lastActivityAt().then(
        () => true,
        () => false,
      ),
      dialer: running,
    }),
    options: { ...options.api, version: options.version },
  });

  return {
    app,
    generatedAdminKey: admin.generated,
    demo,
    async start() {
      checkpoints =
        opened.checkpointInBackground?.((error) => options.logError('a WAL checkpoint failed', error)) ??
        null;
      await dialing.start();
      delivery.start();
      running = true;
    },
    async stop() {
      running = false;
      await dialing.stop();
      // Also ends this process's imports (after the batch each is writing: import_interrupted), before the
      // validation pool and the database they use close.
      await app.close();
      await phoneValidation.close();
      await delivery.stop();
      await checkpoints?.stop();
      await opened.close();
    },
  };
}
