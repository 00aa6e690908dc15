import type { CampaignAction, CampaignStatus, PauseReason } from '../../domain/campaign-lifecycle.js';
import type { AnsweredBy, CallStatus, FailureReason } from '../../domain/call-status.js';
import type { DialBlock } from '../../domain/dial-capacity.js';
import type { DoNotCallSource } from '../../domain/do-not-call.js';
import type {
  Account,
  Assistant,
  Call,
  Campaign,
  Contact,
  DoNotCallEntry,
  Lead,
  PhoneNumber,
} from '../../domain/entities.js';
import type { LeadStatus } from '../../domain/lead-status.js';
import type { StartRequirementCode } from '../../domain/start-requirements.js';
import type { CampaignSettings } from '../../domain/settings.js';
import type { PlaceCallRequest, ProviderCallEvent } from './call-provider.js';

/**
 * The Store port (DESIGN §4, §5): persistence spoken in the domain's verbs. Each method is one atomic
 * transaction; no connection or transaction type leaks out. Methods that must decide something inside their
 * transaction call the pure domain functions themselves, so both SQL dialects share one set of rules.
 *
 * `now` always comes in as an argument: no implementation reads a clock (CONVENTIONS §3).
 * Implementations: SQLite (`src/store/sqlite`) and PostgreSQL (`src/store/postgres`); both pass `test/store-conformance`.
 */
export interface Store {
  readonly capabilities: StoreCapabilities;

  createAccount(account: Account): Promise<void>;
  /** Adds money to an account and writes the ledger entry, atomically. */
  creditAccount(entry: {
    id: string;
    accountId: string;
    amountMinor: number;
    note: string | null;
    now: number;
  }): Promise<Account>;
  getAccount(accountId: string): Promise<Account | null>;
  /** An account's ledger (credits and call charges) in the order written. */
  listLedgerEntries(accountId: string, page: Page): Promise<readonly LedgerEntry[]>;

  createPhoneNumber(phoneNumber: PhoneNumber): Promise<void>;
  getPhoneNumber(phoneNumberId: string): Promise<PhoneNumber | null>;
  listPhoneNumbers(accountId: string, page: Page): Promise<readonly PhoneNumber[]>;
  /** Refused while an assistant uses the number as its caller id. */
  deletePhoneNumber(phoneNumberId: string): Promise<DeleteOutcome<'phone_number_in_use'>>;

  createAssistant(assistant: NewAssistant): Promise<void>;
  getAssistant(assistantId: string): Promise<Assistant | null>;
  listAssistants(accountId: string, page: Page): Promise<readonly Assistant[]>;
  /** Replaces the assistant's editable fields (everything but `id`, `accountId`, `createdAt`). */
  updateAssistant(assistant: Assistant): Promise<void>;

  createCampaign(campaign: Campaign): Promise<void>;
  getCampaign(campaignId: string): Promise<Campaign | null>;
  listCampaigns(accountId: string, page: Page): Promise<readonly Campaign[]>;
  updateCampaignSettings(campaignId: string, settings: CampaignSettings, now: number): Promise<void>;
  /** Deletes a draft campaign with its leads; any other status is refused (its calls and money are history). */
  deleteCampaign(campaignId: string): Promise<DeleteOutcome<'campaign_not_deletable'>>;
  /** Leads of a campaign by status, read from counters kept in the same transactions as the changes: O(1). */
  campaignLeadCounts(campaignId: string): Promise<Readonly<Record<LeadStatus, number>>>;

  /**
   * Adds leads to a campaign, one contact per distinct number. A number already in the campaign (or earlier in the
   * batch) is reported as a duplicate; any other number on the account's do-not-call list as suppressed. A lead
   * left with no number is not created. Leads added to a started campaign are scheduled at `now`; a completed
   * campaign becomes active again.
   */
  addLeads(campaignId: string, leads: readonly NewLead[], now: number): Promise<AddLeadsResult>;

  /**
   * Puts numbers (E.164) on the account's do-not-call list (DESIGN §2.4). Idempotent: a number already there keeps
   * its entry as it was and counts as `alreadyListed` (so does a number given twice), so `added + alreadyListed`
   * is the number of phones given.
   */
  addToDoNotCallList(request: {
    accountId: string;
    phones: readonly string[];
    source: DoNotCallSource;
    note: string | null;
    now: number;
  }): Promise<{ added: number; alreadyListed: number }>;
  /** Takes a number off the account's list; false when it was not on it. */
  removeFromDoNotCallList(accountId: string, phone: string): Promise<boolean>;
  /** The account's list in number order: the entries whose number sorts after `page.after` (a number). */
  listDoNotCallEntries(accountId: string, page: Page): Promise<readonly DoNotCallEntry[]>;
  /** The number's entry on the account's list, or null when it is not on it. */
  getDoNotCallEntry(accountId: string, phone: string): Promise<DoNotCallEntry | null>;

  /**
   * Starts, pauses, resumes or completes a campaign in one transaction. `start` first checks every requirement
   * of DESIGN §2.3 with the facts it reads, and refuses with all unmet codes; on success created leads are
   * scheduled at `now`, in the order they were added: all of them, or (a large campaign) a first chunk, the rest
   * following claim by claim (see `claimAttempts`), so the start stays short whatever the campaign's size.
   */
  transitionCampaign(request: CampaignTransitionRequest): Promise<CampaignTransitionOutcome>;

  /** Manual overrides of DESIGN §2.4. */
  overrideLeadStatus(leadId: string, to: 'created' | 'completed', now: number): Promise<LeadOverrideOutcome>;

  listActiveCampaignIds(): Promise<readonly string[]>;
  listCampaignIds(): Promise<readonly string[]>;
  /** The time of the latest change recorded (the newest outbox event), or null for an empty store. */
  lastActivityAt(): Promise<number | null>;

  /**
   * The dialer's claim (DESIGN §4): inside one transaction, checks the campaign is active and inside its
   * window, computes capacity (free slots, caller-id calls-per-second tokens, balance headroom), takes that many
   * due leads, writes one attempt per lead (the call row, `dialing`, with its idempotency key and a lease) and
   * counts it against the contact. A contact whose number is on the account's do-not-call list is not dialed: it
   * is dead from then on (last result `do_not_call`) and the lead's next live contact is dialed instead, or, with
   * none left, the lead ends `max_retries`. Pauses the campaign for money or completes it when that is what the
   * facts say.
   * An active campaign that still has `created` leads (a large start) first gets its next chunk of them scheduled,
   * whatever the window, and the outcome's `nextCheckAt` is then `now` until none is left.
   */
  claimAttempts(request: ClaimRequest): Promise<ClaimOutcome>;
  /**
   * The provider accepted these calls: records each one's id and moves its lease to its reconciliation deadline,
   * in one transaction (a dialer pass places many calls; one commit records them all). A call that is no longer
   * dialing (reconciliation settled it meanwhile) is left as it is.
   */
  markCallsPlaced(calls: readonly PlacedAttempt[]): Promise<void>;
  /** The provider refused with back-pressure: the attempt never happened; the lead is due again at `retryAt`. */
  abandonAttempt(callId: string, retryAt: number, now: number): Promise<void>;

  /**
   * Applies one provider event: at most once per `eventId`, status only forward, then (on a terminal status or
   * the variables a lead waits for) the decision of DESIGN §2.6, the ledger charge, the lead and the outbox
   * events, in one transaction. Variables that report the assistant's opt-out variable as true put the called
   * number on the account's do-not-call list (source `opt_out`) and complete the lead (`opted_out`) unless it has
   * already finished.
   */
  applyCallEvent(event: ProviderCallEvent, now: number): Promise<ApplyEventOutcome>;
  /**
   * Applies several events, each exactly as `applyCallEvent` would, in order, in one transaction: events that
   * arrive together (the same instant of an in-process provider) cost one commit instead of one each.
   */
  applyCallEvents(events: readonly ProviderCallEvent[], now: number): Promise<readonly ApplyEventOutcome[]>;
  /** Ends a call from reconciliation (provider status query, or `failed` with reason `lost`/`unknown_outcome`). */
  resolveCall(callId: string, resolution: CallResolution, now: number): Promise<ApplyEventOutcome>;

  /**
   * Calls whose deadline passed. Waits for variables that timed out are settled inside (the goal counts as not
   * met); dialing leases that expired and calls silent past their reconciliation time are returned, each leased
   * to `workerId` for `leaseMs`, for the engine to reconcile with the provider.
   */
  claimOverdueCalls(
    now: number,
    limit: number,
    workerId: string,
    leaseMs: number,
  ): Promise<readonly OverdueCall[]>;
  /** The earliest call deadline, or null: the dialer sleeps until then unless something wakes it. */
  nextCallDeadline(): Promise<number | null>;

  getLead(leadId: string): Promise<{ lead: Lead; contacts: readonly Contact[] } | null>;
  /** The earliest time a lead of the campaign waiting to be dialed is due; null when none waits. */
  nextDueLeadAt(campaignId: string): Promise<number | null>;
  /** Every call of a lead, in the order placed. */
  listLeadCalls(leadId: string): Promise<readonly CallWithContext[]>;
  /** One call with its status timeline (the provider events applied, in order). */
  getCall(callId: string): Promise<CallDetail | null>;
  /**
   * A campaign's leads by id (creation order), optionally of one status and matching a search, a page at a time
   * after a lead id, each with its numbers. A search scans the campaign's leads (or numbers) in order and stops
   * once the page is full: cheap when it matches many, a full scan when it matches few (docs/api.md).
   */
  listLeads(
    campaignId: string,
    page: { status: LeadStatus | null; after: string | null; limit: number; search?: LeadSearch | null },
  ): Promise<readonly ListedLead[]>;
  /** Counts, voicemail, goal and cost of a campaign: O(1) in its leads and calls (DESIGN §8, API stats). */
  campaignReport(campaignId: string): Promise<CampaignReport>;
  /**
   * The report with the `seq` of the campaign's newest outbox event (0 when none), read in one snapshot: the
   * events after that seq are exactly the changes the report does not include yet, so a client that shows the
   * report and then follows the events from there misses none and counts none twice. One index probe more.
   */
  campaignStats(campaignId: string): Promise<CampaignStats>;
  /**
   * A campaign's calls counted by when they were placed, oldest first: only buckets with calls, the newest
   * `query.limit` of them. Hour buckets are UTC hours; a day bucket runs from local midnight to local midnight in
   * `query.timezone` (23 or 25 hours across a DST change). One GROUP BY over the campaign's calls: no call row is
   * read into memory, but the cost grows with them (a scan: 0.5–0.8 s at 1,000,000 calls on two cores, both stores).
   */
  callTimeline(query: CallTimelineQuery): Promise<readonly CallTimelineBucket[]>;
  /**
   * Calls of a campaign in the order they were placed (by id: `IdSource` ids sort by creation time), or the
   * newest first with `newestFirst` (a log read from its end); `after` is the last id of the page before.
   */
  listCalls(
    campaignId: string,
    page: { after: string | null; limit: number; newestFirst?: boolean },
  ): Promise<readonly CallWithContext[]>;

  /** Outbox events in the order written, after `after` (a `seq`), optionally of one campaign. */
  listEvents(query: {
    campaignId: string | null;
    after: number;
    limit: number;
  }): Promise<readonly StoredEvent[]>;

  close(): Promise<void>;
}

/**
 * A page of a list ordered by its key: the rows after `after` (an id; a number for the do-not-call list), at most
 * `limit`.
 */
export interface Page {
  readonly after: string | null;
  readonly limit: number;
}

export type DeleteOutcome<Refusal extends string> =
  { readonly ok: true } | { readonly ok: false; readonly code: 'not_found' | Refusal };

export interface LedgerEntry {
  readonly id: string;
  readonly accountId: string;
  readonly kind: 'credit' | 'call_charge';
  /** Positive for a credit, negative for a charge. */
  readonly amountMinor: number;
  readonly callId: string | null;
  readonly note: string | null;
  readonly createdAt: number;
}

export interface CallDetail {
  readonly call: CallWithContext;
  /** Statuses the call went through, in the order applied, with the provider's time of each. */
  readonly timeline: readonly { readonly status: CallStatus; readonly at: number }[];
}

/** An event from the transactional outbox (`campaign.started`, `lead.status_changed`, `call.ended`, …). */
export interface StoredEvent {
  readonly seq: number;
  readonly accountId: string;
  readonly campaignId: string | null;
  readonly type: string;
  readonly payload: Readonly<Record<string, unknown>>;
  readonly createdAt: number;
}

export interface StoreCapabilities {
  /** Several processes may run the dialer against this store at once. */
  readonly multiWorker: boolean;
}

/** An assistant as created: without `optOutVariable` it reads the default one (`DEFAULT_OPT_OUT_VARIABLE`). */
export type NewAssistant = Omit<Assistant, 'optOutVariable'> & { readonly optOutVariable?: string | null };

export interface NewLead {
  readonly id: string;
  readonly name: string | null;
  readonly externalId: string | null;
  readonly fields: Readonly<Record<string, string>>;
  /** E.164 numbers, primary first; ids for the contacts are given alongside. */
  readonly contacts: readonly { readonly id: string; readonly phone: string }[];
}

export interface AddLeadsResult {
  readonly created: number;
  /** `index` is the lead's position in the batch. */
  readonly duplicates: readonly { readonly index: number; readonly phone: string }[];
  /** Numbers left out for being on the account's do-not-call list (a duplicate is reported as a duplicate only). */
  readonly suppressed: readonly { readonly index: number; readonly phone: string }[];
}

export interface CampaignTransitionRequest {
  readonly campaignId: string;
  readonly action: Exclude<CampaignAction, 'reopen'>;
  readonly now: number;
  readonly pauseReason?: PauseReason;
  /** For `start`: whether a provider adapter is configured for the assistant's provider (the engine knows). */
  readonly providerConfigured?: boolean;
}

export type CampaignTransitionOutcome =
  | { readonly ok: true; readonly campaign: Campaign }
  | { readonly ok: false; readonly code: 'not_found' }
  | {
      readonly ok: false;
      readonly code: 'campaign_transition_not_allowed';
      readonly message: string;
      readonly status: CampaignStatus;
    }
  | {
      readonly ok: false;
      readonly code: 'campaign_not_startable';
      readonly unmet: readonly { readonly code: StartRequirementCode; readonly message: string }[];
    };

export type LeadOverrideOutcome =
  | { readonly ok: true; readonly lead: Lead }
  | { readonly ok: false; readonly code: 'not_found' | 'lead_processing'; readonly message: string };

export interface ClaimRequest {
  readonly campaignId: string;
  readonly now: number;
  readonly workerId: string;
  /** How long a dialing attempt stays leased before another worker reconciles it. */
  readonly leaseMs: number;
  /** Upper bound on attempts claimed in one transaction. */
  readonly maxClaims: number;
  readonly newCallId: () => string;
}

export interface ClaimOutcome {
  readonly attempts: readonly AttemptToPlace[];
  /** Why no more were claimed; null when the claim was not limited by anything but `maxClaims`. */
  readonly blocked: DialBlock | null;
  /** When this campaign should be looked at again without an outside event; null: wait for an event. */
  readonly nextCheckAt: number | null;
}

export interface PlacedAttempt {
  readonly callId: string;
  readonly providerCallId: string;
  readonly reconcileAt: number;
}

export interface AttemptToPlace {
  readonly campaignId: string;
  readonly leadId: string;
  readonly provider: string;
  readonly request: PlaceCallRequest;
}

export type ApplyEventOutcome =
  | {
      readonly applied: true;
      readonly campaignId: string;
      /** A slot, a lead or money changed: the dialer should look at the campaign again. */
      readonly wakeDialer: boolean;
    }
  | { readonly applied: false; readonly reason: 'duplicate' | 'unknown_call' | 'stale' };

export interface CallResolution {
  readonly status: Extract<CallStatus, 'completed' | 'busy' | 'unanswered' | 'failed'>;
  readonly answeredBy: AnsweredBy | null;
  readonly failureReason: FailureReason | null;
  readonly answeredAt: number | null;
  readonly endedAt: number;
  readonly billedSeconds: number | null;
}

export interface OverdueCall {
  readonly kind: 'dialing_lease_expired' | 'silent_too_long';
  readonly call: Call;
}

export interface CampaignReport {
  readonly leadsByStatus: Readonly<Record<LeadStatus, number>>;
  readonly callsByStatus: Readonly<Record<CallStatus, number>>;
  readonly voicemail: number;
  readonly goalAchieved: number;
  readonly costMinor: number;
  readonly inFlight: number;
}

export interface CampaignStats extends CampaignReport {
  readonly lastEventSeq: number;
}

export type TimelineBucketSize = 'hour' | 'day';

export interface CallTimelineQuery {
  readonly campaignId: string;
  readonly bucket: TimelineBucketSize;
  /** An IANA time zone: its midnights start the day buckets. */
  readonly timezone: string;
  /** How many buckets at most: the newest ones. */
  readonly limit: number;
}

export interface CallTimelineBucket {
  /** The bucket's first instant: a UTC hour, or the local midnight that starts the day. */
  readonly start: number;
  readonly callsByStatus: Readonly<Record<CallStatus, number>>;
  /** Completed calls a machine answered, as in the report. */
  readonly voicemail: number;
  readonly goalAchieved: number;
}

/**
 * What a lead search looks for: a name (a case-insensitive part of it: SQLite folds ASCII letters only) or a
 * number (`digits`, a part of any of the lead's numbers in E.164 without its `+`).
 */
export type LeadSearch = { readonly name: string } | { readonly digits: string };

/** A lead as a list shows it: its numbers, and the result of its latest call that ended. */
export interface ListedLead extends Lead {
  /** Primary first. */
  readonly contacts: readonly Contact[];
  /**
   * The last result of the number its latest ended call went to; with no such call, of its only number that has
   * one (`do_not_call` needs no call). Null before any.
   */
  readonly lastResult: string | null;
}

export interface CallWithContext extends Call {
  readonly leadName: string | null;
  readonly contactPhone: string;
  readonly contactPosition: number;
}
