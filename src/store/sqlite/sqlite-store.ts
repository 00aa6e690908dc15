import Database from 'better-sqlite3';
import { formatAmount } from '../../domain/money.js';
import { checkStartRequirements } from '../../domain/start-requirements.js';
import type {
  PlacedAttempt,
  CampaignTransitionOutcome,
  CampaignTransitionRequest,
  Store,
} from '../../engine/ports/store.js';
import { createCallEvents } from './call-events.js';
import { createCallSettlement } from './call-settlement.js';
import { createCallTimeline } from './call-timeline.js';
import { createCampaignContexts } from './campaign-context.js';
import { createCampaignCounters } from './campaign-counters.js';
import { createCampaignState } from './campaign-state.js';
import { createCatalog } from './catalog.js';
import { createClaim } from './claim.js';
import { createDoNotCallList } from './do-not-call.js';
import { createLeadScheduling } from './lead-scheduling.js';
import { createLeadState } from './lead-state.js';
import { createLeadWrites } from './leads.js';
import { migrateSqlite } from './migrate.js';
import { createOutbox } from './outbox.js';
import { createReads } from './reads.js';
import { toCampaign, type CallRow, type CampaignRow, type LeadRow } from './rows.js';
import { storeTransaction } from './group-commit.js';

/**
 * Opens (creating and migrating) a SQLite database: a file path, or `:memory:`. WAL lets readers run beside the
 * one writer; `synchronous = NORMAL` in WAL keeps every commit across a process crash (DESIGN §2.10.3) and only
 * risks the last commits on a power loss, the trade better-sqlite3 documents.
 */
export function openSqliteDatabase(
  path: string,
  /** Told the versions this open migrated (`callwright migrate` prints them). */
  migrated: (versions: readonly number[]) => void = () => undefined,
): Database.Database {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrated(migrateSqlite(db));
  return db;
}

/** The Store port on SQLite: the embedded default (DESIGN §5). One writer at a time, so one dialer process. */
export function createSqliteStore(db: Database.Database): Store {
  const outbox = createOutbox(db);
  const counters = createCampaignCounters(db);
  const leadState = createLeadState(db, outbox, counters);
  const campaigns = createCampaignState(db, outbox);
  const contexts = createCampaignContexts(db);
  const doNotCall = createDoNotCallList(db);
  const settlement = createCallSettlement(
    db,
    outbox,
    leadState,
    campaigns,
    contexts,
    counters,
    doNotCall.entries,
  );
  const callEvents = createCallEvents(db, settlement, counters);
  const scheduling = createLeadScheduling(db, counters);
  const claim = createClaim(db, contexts, campaigns, leadState, counters, scheduling);
  const leadWrites = createLeadWrites(db, campaigns, leadState, counters, doNotCall.entries);

  const q = {
    campaign: db.prepare<[string], CampaignRow>('SELECT * FROM campaigns WHERE id = ?'),
    startFacts: db.prepare<
      [string],
      {
        phone_number_id: string | null;
        has_number: number;
        provider: string;
        balance_minor: number;
        minimum_start_balance_minor: number;
        currency: string;
      }
    >(
      `SELECT a.phone_number_id, (p.id IS NOT NULL) AS has_number, a.provider, acc.balance_minor,
              acc.minimum_start_balance_minor, acc.currency
         FROM campaigns c JOIN assistants a ON a.id = c.assistant_id JOIN accounts acc ON acc.id = c.account_id
         LEFT JOIN phone_numbers p ON p.id = a.phone_number_id
        WHERE c.id = ?`,
    ),
    markPlaced: db.prepare(
      `UPDATE calls SET provider_call_id = ?, phase = 'in_flight', due_at = ?, lease_owner = NULL
        WHERE id = ? AND phase = 'dialing'`,
    ),
    call: db.prepare<[string], CallRow>('SELECT * FROM calls WHERE id = ?'),
    deleteCall: db.prepare('DELETE FROM calls WHERE id = ?'),
    uncountAttempt: db.prepare('UPDATE contacts SET attempts = attempts - 1 WHERE id = ?'),
    releaseSlot: db.prepare('UPDATE campaigns SET in_flight = in_flight - 1 WHERE id = ?'),
    unreserve: db.prepare('UPDATE accounts SET reserved_minor = reserved_minor - ? WHERE id = ?'),
    lead: db.prepare<[string], LeadRow>('SELECT * FROM leads WHERE id = ?'),
  };

  const transitionTx = counters.transaction(
    (request: CampaignTransitionRequest): CampaignTransitionOutcome => {
      const campaign = q.campaign.get(request.campaignId);
      if (!campaign) return { ok: false, code: 'not_found' };
      if (request.action === 'start' && campaign.status === 'draft') {
        const facts = q.startFacts.get(campaign.id)!;
        // From the counters: no count over a million leads between the click and the first dial (DESIGN §2.3).
        const leads = counters.leadCounts(campaign.id);
        const unmet = checkStartRequirements({
          assistantHasPhoneNumber: facts.has_number === 1,
          provider: facts.provider,
          providerConfigured: request.providerConfigured ?? false,
          balanceMinor: facts.balance_minor,
          minimumStartBalanceMinor: facts.minimum_start_balance_minor,
          formatAmount: (minor) => `${formatAmount(minor, facts.currency)} ${facts.currency}`,
          callableLeads: leads.created + leads.scheduled + leads.rescheduled,
        });
        if (unmet.length > 0) return { ok: false, code: 'campaign_not_startable', unmet };
      }
      const result = campaigns.transition(
        campaign,
        request.action,
        request.now,
        request.pauseReason ?? 'manual',
      );
      if (!result.ok) {
        return {
          ok: false,
          code: result.error.code,
          message: result.error.message,
          status: toCampaign(campaign).status,
        };
      }
      // The first chunk of leads now; each claim schedules the next (lead-scheduling.ts).
      if (request.action === 'start') scheduling.scheduleNextChunk(campaign.id, request.now);
      // Leads may all have finished while the campaign was paused: then resuming completes it.
      if (request.action === 'resume') campaigns.completeIfDone(campaign.id, request.now);
      return { ok: true, campaign: toCampaign(q.campaign.get(campaign.id)!) };
    },
  );

  const markPlacedTx = storeTransaction(db, (calls: readonly PlacedAttempt[]) => {
    for (const call of calls) q.markPlaced.run(call.providerCallId, call.reconcileAt, call.callId);
  });

  const abandonTx = counters.transaction((callId: string, retryAt: number, now: number) => {
    const call = q.call.get(callId);
    if (!call || call.phase !== 'dialing') return;
    q.deleteCall.run(call.id);
    counters.callChanged(call.campaign_id, call, null);
    q.uncountAttempt.run(call.contact_id);
    const lead = q.lead.get(call.lead_id)!;
    // A lead marked completed by hand meanwhile stays completed: nothing follows (DESIGN §2.4).
    if (lead.status === 'processing') {
      const change = {
        status: 'scheduled',
        nextAttemptAt: retryAt,
        nextContactId: call.contact_id,
        completionReason: null,
      } as const;
      leadState.change(lead, call.account_id, change, now);
    }
    q.releaseSlot.run(call.campaign_id);
    q.unreserve.run(call.reserved_minor, call.account_id);
  });

  return {
    capabilities: { multiWorker: false },
    ...createCatalog(db),
    ...createReads(db),
    ...createCallTimeline(db),
    ...doNotCall.methods,

    addLeads: async (campaignId, leads, now) => {
      const campaign = q.campaign.get(campaignId);
      if (!campaign) throw new Error(`campaign ${campaignId} does not exist`);
      return leadWrites.add(campaign, leads, now);
    },
    transitionCampaign: async (request) => transitionTx(request),
    overrideLeadStatus: async (leadId, to, now) => leadWrites.override(leadId, to, now),
    campaignLeadCounts: async (campaignId) => counters.leadCounts(campaignId),
    campaignReport: async (campaignId) => counters.report(campaignId),
    campaignStats: async (campaignId) => counters.stats(campaignId),

    claimAttempts: async (request) => claim(request),
    markCallsPlaced: async (calls) => markPlacedTx(calls),
    abandonAttempt: async (callId, retryAt, now) => abandonTx(callId, retryAt, now),
    applyCallEvent: async (event, now) => callEvents.apply(event, now),
    applyCallEvents: async (events, now) => callEvents.applyMany(events, now),
    resolveCall: async (callId, resolution, now) => callEvents.resolve(callId, resolution, now),
    claimOverdueCalls: async (now, limit, workerId, leaseMs) =>
      callEvents.claimOverdue(now, limit, workerId, leaseMs),
    nextCallDeadline: async () => callEvents.nextDeadline(),

    close: async () => void db.close(),
  };
}
