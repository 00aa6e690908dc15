import type { AccessStore } from '../engine/ports/access-store.js';
import type { Clock } from '../engine/ports/clock.js';
import type { IdSource } from '../engine/ports/ids.js';
import type { ImportStore } from '../engine/ports/import-store.js';
import type { LeadFilePreviewer, LeadImporter } from '../engine/ports/lead-importer.js';
import type { CallProvider, ProviderCallEvent } from '../engine/ports/call-provider.js';
import type { ApplyEventOutcome, Store } from '../engine/ports/store.js';
import type { WebhookStore } from '../engine/ports/webhook-store.js';
import type { CampaignCommands } from '../engine/use-cases/campaign-commands.js';
import type { ChangeSignal } from './events/change-signal.js';
import type { ApiMetrics } from './http/metrics.js';

/** Everything the HTTP API needs, passed in: `createApp(deps)` builds the app as a value (CONVENTIONS §2). */
export interface ApiDeps {
  readonly store: Store;
  readonly access: AccessStore;
  readonly webhooks: WebhookStore;
  readonly clock: Clock;
  /** Present when the engine runs on the virtual clock: the API's test clock (`/v1/clock`). */
  readonly testClock: TestClock | null;
  readonly ids: IdSource;
  readonly commands: CampaignCommands;
  /** Providers an adapter is configured for (`simulator`, `twilio`, …). */
  readonly providers: ReadonlySet<string>;
  /**
   * The configured providers that deliver their events by webhook, by name, and the public base URL they were
   * given (`<publicUrl>/webhooks/<name>`): signatures are checked against the URL the provider called.
   */
  readonly webhookProviders: {
    readonly byName: ReadonlyMap<string, CallProvider>;
    readonly publicUrl: string | null;
  };
  /** The operator key from the environment, or null to use the admin keys of the access store. */
  readonly adminKey: string | null;
  /** Applies a call event through the dialer (which wakes on it): post-call variables reported over the API. */
  readonly reportCallEvent: (event: ProviderCallEvent) => Promise<ApplyEventOutcome>;
  /** Raised whenever the outbox may have grown: live event streams and webhook delivery look again. */
  readonly changes: ChangeSignal;
  readonly metrics: ApiMetrics;
  /** Turns a number as a user wrote it into E.164, or says why it is not a callable number. */
  readonly normalizePhone: (raw: string) => { ok: true; e164: string } | { ok: false; reason: string };
  /**
   * `normalizePhone` of each number, in order. A large batch is validated on worker threads, so the event loop
   * keeps serving other requests meanwhile.
   */
  readonly normalizePhones: (
    raws: readonly string[],
  ) => Promise<readonly ReturnType<ApiDeps['normalizePhone']>[]>;
  /** Imports uploaded lead files, or previews their start (the pipeline of `src/imports`, a sibling layer, so injected). */
  readonly leadImporter: LeadImporter & LeadFilePreviewer;
  /** Import jobs: their progress, outcome and error files. */
  readonly importJobs: ImportStore;
  /** The server's `--default-country`: how an upload's national numbers are read unless it names another. */
  readonly defaultCountry: string;
  /** Whether the service can take work (database reachable, dialer running). */
  readonly readiness: () => Promise<Readonly<Record<string, boolean>>>;
  readonly options: ApiOptions;
}

export interface TestClock {
  now(): number;
  /** Runs every engine task due up to `instant`, in order, then resolves. */
  advanceTo(instant: number): Promise<void>;
}

export interface ApiOptions {
  readonly version: string;
  /** Let webhook subscriptions target loopback and private networks (tests, trusted networks). */
  readonly allowPrivateWebhooks: boolean;
  /** Requests per minute per API key (or per address without one). */
  readonly rateLimitPerMinute: number;
  readonly bodyLimitBytes: number;
  /** The largest lead file an import accepts; it is streamed to disk, so this bounds disk use, not memory. */
  readonly importLimitBytes: number;
  /** Origins allowed by CORS; empty: CORS off (the default). */
  readonly corsOrigins: readonly string[];
  /** The built dashboard (`dist/web`) to serve at `/`, or null for the API alone. */
  readonly dashboardDir: string | null;
}

export const DEFAULT_API_OPTIONS: Omit<ApiOptions, 'version'> = {
  allowPrivateWebhooks: false,
  rateLimitPerMinute: 6000,
  bodyLimitBytes: 10 * 1024 * 1024,
  importLimitBytes: 2 * 1024 * 1024 * 1024,
  corsOrigins: [],
  dashboardDir: null,
};
