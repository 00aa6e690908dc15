import { afterEach, beforeEach, expect } from 'vitest';
import type { AnsweredBy, CallStatus, FailureReason } from '../../src/domain/call-status.js';
import type { Account, Assistant, Campaign, Contact, Lead, PhoneNumber } from '../../src/domain/entities.js';
import { DEFAULT_SETTINGS, type CampaignSettings } from '../../src/domain/settings.js';
import type {
  ApplyEventOutcome,
  AttemptToPlace,
  CallWithContext,
  ClaimOutcome,
  NewLead,
  Store,
} from '../../src/engine/ports/store.js';

/**
 * Fixtures for the Store conformance suite: one small world (an account, a caller id, an assistant, a campaign)
 * with deterministic ids and fixed instants, and a driver that plays the dialer's and the provider's part.
 */

export type OpenStore = () => Promise<{ store: Store; close: () => Promise<void> }>;

export const SECOND = 1000;
export const MINUTE = 60 * SECOND;

/** Inside the default window (09:00–18:00 mon–fri, America/New_York): 90 minutes before it closes. */
export const FRIDAY_1630_NY = Date.parse('2026-03-06T16:30:00-05:00');
/** After Friday's close; the next opening is Monday 09:00, already EDT (the clocks spring forward on 03-08). */
export const FRIDAY_1830_NY = Date.parse('2026-03-06T18:30:00-05:00');
export const MONDAY_0900_EDT = Date.parse('2026-03-09T13:00:00Z');
export const T0 = FRIDAY_1630_NY;

export const ACCOUNT_ID = 'acc_0001';
export const PHONE_NUMBER_ID = 'pn_0001';
export const ASSISTANT_ID = 'asst_0001';
export const CAMPAIGN_ID = 'camp_0001';
export const PROVIDER = 'simulator';
export const CALLER_ID = '+12125550100';
export const GOAL = 'appointment_booked';
/** 0.10 USD a minute: one minute reserves 10 cents, 90 s costs 15, 61 s costs 11 (rounded up). */
export const RATE = { microPerMinute: 100_000, currency: 'USD' } as const;
export const MINUTE_COST = 10;
export const LEASE_MS = 30 * SECOND;
/** The assistant's maxCallMinutes (30) plus the 5-minute margin of DESIGN §2.7. */
export const RECONCILE_AFTER_MS = 35 * MINUTE;

const pad = (n: number) => String(n).padStart(4, '0');
export const leadId = (n: number) => `lead_${pad(n)}`;
export const contactId = (n: number, position = 0) => `ct_${pad(n)}_${position}`;
export const primaryPhone = (n: number) => `+1415555${pad(n)}`;
export const secondaryPhone = (n: number) => `+1646555${pad(n)}`;
export const providerCallId = (callId: string) => `pc_${callId}`;

export interface SettingsPatch {
  readonly schedule?: Partial<CampaignSettings['schedule']>;
  readonly retry?: Partial<CampaignSettings['retry']>;
  /** The goal variable's name; none by default. */
  readonly goal?: string;
  readonly maxConcurrentCalls?: number;
}

export function campaignSettings(patch: SettingsPatch = {}): CampaignSettings {
  return {
    name: 'Spring follow-up',
    schedule: { ...DEFAULT_SETTINGS.schedule, ...patch.schedule },
    retry: { ...DEFAULT_SETTINGS.retry, ...patch.retry },
    goal: patch.goal === undefined ? null : { variable: patch.goal },
    maxConcurrentCalls: patch.maxConcurrentCalls ?? DEFAULT_SETTINGS.maxConcurrentCalls,
  };
}

export interface WorldOptions {
  /** Default 100.00 USD. */
  readonly balanceMinor?: number;
  /** Default 5.00 USD. */
  readonly minimumStartBalanceMinor?: number;
  /** Default 10, so pacing only limits the tests that ask for it. */
  readonly callsPerSecond?: number;
  readonly assistantHasPhoneNumber?: boolean;
  readonly settings?: SettingsPatch;
}

export const account = (options: WorldOptions = {}): Account => ({
  id: ACCOUNT_ID,
  name: 'Acme Dental',
  currency: 'USD',
  balanceMinor: options.balanceMinor ?? 100_00,
  reservedMinor: 0,
  minimumStartBalanceMinor: options.minimumStartBalanceMinor ?? 5_00,
  createdAt: T0 - 7 * 24 * 60 * MINUTE,
});

export const phoneNumber = (options: WorldOptions = {}): PhoneNumber => ({
  id: PHONE_NUMBER_ID,
  accountId: ACCOUNT_ID,
  number: CALLER_ID,
  provider: PROVIDER,
  providerRef: 'PN-REF-1',
  label: 'Main line',
  callsPerSecond: options.callsPerSecond ?? 10,
  createdAt: T0 - 7 * 24 * 60 * MINUTE,
});

export const assistant = (options: WorldOptions = {}): Assistant => ({
  id: ASSISTANT_ID,
  accountId: ACCOUNT_ID,
  name: 'Receptionist',
  provider: PROVIDER,
  providerAssistantId: 'sim-asst-1',
  phoneNumberId: options.assistantHasPhoneNumber === false ? null : PHONE_NUMBER_ID,
  timezone: 'America/New_York',
  rate: RATE,
  maxCallMinutes: 30,
  variables: [{ name: GOAL, type: 'boolean' }],
  optOutVariable: 'opt_out',
  createdAt: T0 - 7 * 24 * 60 * MINUTE,
});

export const campaign = (options: WorldOptions = {}, id = CAMPAIGN_ID): Campaign => ({
  id,
  accountId: ACCOUNT_ID,
  assistantId: ASSISTANT_ID,
  status: 'draft',
  pauseReason: null,
  settings: campaignSettings(options.settings),
  createdAt: T0 - 24 * 60 * MINUTE,
  startedAt: null,
  endedAt: null,
});

/** Lead `n` with one contact per phone (primary first); by default its own primary number only. */
export function newLead(n: number, phones: readonly string[] = [primaryPhone(n)]): NewLead {
  return {
    id: leadId(n),
    name: `Lead ${n}`,
    externalId: `crm-${n}`,
    fields: { company: `Company ${n}` },
    contacts: phones.map((phone, position) => ({ id: contactId(n, position), phone })),
  };
}

/** Leads 1..count, each with one primary number. */
export const newLeads = (count: number) => Array.from({ length: count }, (_, i) => newLead(i + 1));

/** The account, its caller id, the assistant and a draft campaign. */
export async function createWorld(store: Store, options: WorldOptions = {}): Promise<void> {
  await store.createAccount(account(options));
  await store.createPhoneNumber(phoneNumber(options));
  await store.createAssistant(assistant(options));
  await store.createCampaign(campaign(options));
}

/** A world whose campaign was started at T0 with `leads`. */
export async function startCampaign(
  store: Store,
  leads: readonly NewLead[],
  options: WorldOptions = {},
): Promise<void> {
  await createWorld(store, options);
  await store.addLeads(CAMPAIGN_ID, leads, T0);
  const started = await store.transitionCampaign({
    campaignId: CAMPAIGN_ID,
    action: 'start',
    now: T0,
    providerConfigured: true,
  });
  expect(started.ok, 'the fixture campaign starts').toBe(true);
}

export interface StatusExtra {
  readonly answeredBy?: AnsweredBy;
  readonly failureReason?: FailureReason;
  readonly billedSeconds?: number;
  readonly eventId?: string;
}

/** Plays the dialer and the provider against one store, with deterministic call and event ids. */
export interface Driver {
  readonly store: Store;
  claim(
    now: number,
    options?: { maxClaims?: number; workerId?: string; campaignId?: string },
  ): Promise<ClaimOutcome>;
  /** Claims exactly one attempt (fails the test otherwise) and returns it. */
  claimOne(now: number): Promise<AttemptToPlace>;
  /** Claims one attempt and records it placed with the provider; returns the call id. */
  dial(now: number): Promise<string>;
  place(callId: string, now: number): Promise<void>;
  status(callId: string, status: CallStatus, at: number, extra?: StatusExtra): Promise<ApplyEventOutcome>;
  /** `in_progress` at `at`, then `completed` after `seconds` of talk; returns when it ended. */
  answer(callId: string, at: number, seconds: number, answeredBy?: AnsweredBy): Promise<number>;
  variables(callId: string, variables: Record<string, unknown>, at: number): Promise<ApplyEventOutcome>;
  lead(n: number): Promise<{ lead: Lead; contacts: readonly Contact[] }>;
  account(): Promise<Account>;
  campaign(id?: string): Promise<Campaign>;
  calls(campaignId?: string): Promise<readonly CallWithContext[]>;
  call(callId: string): Promise<CallWithContext>;
  eventTypes(campaignId?: string): Promise<readonly string[]>;
}

export function createDriver(store: Store): Driver {
  let calls = 0;
  let events = 0;
  const driver: Driver = {
    store,
    claim: (now, options = {}) =>
      store.claimAttempts({
        campaignId: options.campaignId ?? CAMPAIGN_ID,
        now,
        workerId: options.workerId ?? 'worker_a',
        leaseMs: LEASE_MS,
        maxClaims: options.maxClaims ?? 10,
        newCallId: () => `call_${pad((calls += 1))}`,
      }),
    async claimOne(now) {
      const outcome = await driver.claim(now, { maxClaims: 1 });
      expect(outcome.attempts, `one attempt claimed at ${new Date(now).toISOString()}`).toHaveLength(1);
      return outcome.attempts[0]!;
    },
    async dial(now) {
      const attempt = await driver.claimOne(now);
      await driver.place(attempt.request.callId, now);
      return attempt.request.callId;
    },
    place: (callId, now) =>
      store.markCallsPlaced([
        { callId, providerCallId: providerCallId(callId), reconcileAt: now + RECONCILE_AFTER_MS },
      ]),
    status(callId, status, at, extra = {}) {
      const { eventId, ...details } = extra;
      return store.applyCallEvent(
        {
          type: 'status',
          provider: PROVIDER,
          providerCallId: providerCallId(callId),
          eventId: eventId ?? `ev_${pad((events += 1))}`,
          at,
          status,
          ...details,
        },
        at,
      );
    },
    async answer(callId, at, seconds, answeredBy = 'human') {
      const end = at + seconds * SECOND;
      expect((await driver.status(callId, 'in_progress', at)).applied).toBe(true);
      expect((await driver.status(callId, 'completed', end, { answeredBy })).applied).toBe(true);
      return end;
    },
    variables: (callId, variables, at) =>
      store.applyCallEvent(
        {
          type: 'variables',
          provider: PROVIDER,
          providerCallId: providerCallId(callId),
          eventId: `ev_${pad((events += 1))}`,
          at,
          variables,
        },
        at,
      ),
    async lead(n) {
      const found = await store.getLead(leadId(n));
      expect(found, `lead ${leadId(n)} exists`).not.toBeNull();
      return found!;
    },
    async account() {
      const found = await store.getAccount(ACCOUNT_ID);
      expect(found).not.toBeNull();
      return found!;
    },
    async campaign(id = CAMPAIGN_ID) {
      const found = await store.getCampaign(id);
      expect(found).not.toBeNull();
      return found!;
    },
    calls: (campaignId = CAMPAIGN_ID) => store.listCalls(campaignId, { after: null, limit: 1000 }),
    async call(callId) {
      const found = (await driver.calls()).find((c) => c.id === callId);
      expect(found, `call ${callId} is listed`).toBeDefined();
      return found!;
    },
    async eventTypes(campaignId = CAMPAIGN_ID) {
      const stored = await store.listEvents({ campaignId, after: 0, limit: 1000 });
      return stored.map((e) => e.type);
    },
  };
  return driver;
}

/** Registers a fresh store (and driver) for every test of the enclosing `describe`. */
export function useFreshStore(openStore: OpenStore): () => Driver {
  let opened: Awaited<ReturnType<OpenStore>> | undefined;
  let driver: Driver | undefined;
  beforeEach(async () => {
    opened = await openStore();
    driver = createDriver(opened.store);
  });
  afterEach(async () => {
    await opened?.close();
    opened = undefined;
    driver = undefined;
  });
  return () => {
    if (!driver) throw new Error('the store is only open inside a test');
    return driver;
  };
}
