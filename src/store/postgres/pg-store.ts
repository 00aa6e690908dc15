import { formatAmount } from '../../domain/money.js';
import { checkStartRequirements } from '../../domain/start-requirements.js';
import type { CampaignTransitionOutcome, Store } from '../../engine/ports/store.js';
import { toCampaign, type CallRow, type CampaignRow, type LeadRow } from '../sqlite/rows.js';
import { completeIfDone, lockCampaign, writeTransition } from './pg-campaign-state.js';
import { createPgCallEvents } from './pg-call-events.js';
import { createPgSettlement } from './pg-call-settlement.js';
import { createPgCallTimeline } from './pg-call-timeline.js';
import { createPgContexts } from './pg-campaign-context.js';
import { createPgCatalog } from './pg-catalog.js';
import { createPgClaim } from './pg-claim.js';
import { readCounters, readStats } from './pg-counters.js';
import type { PgDatabase } from './pg-database.js';
import { createPgDoNotCallList } from './pg-do-not-call.js';
import { scheduleNextChunk } from './pg-lead-scheduling.js';
import { changeLead } from './pg-lead-state.js';
import { createPgLeadWrites } from './pg-leads.js';
import { createPgReads } from './pg-reads.js';

/**
 * The Store port on PostgreSQL (DESIGN §5): several `callwright worker` and `serve` processes share one database.
 * The rules are the domain's, called inside the transactions exactly as on SQLite; what differs is how
 * transactions keep out of each other's way — row locks taken in one order, `FOR NO KEY UPDATE SKIP LOCKED` for due
 * leads and overdue calls, the outbox written in commit order (pg-outbox.ts).
 */
export function createPostgresStore(db: PgDatabase): Store {
  const contexts = createPgContexts();
  const settlement = createPgSettlement(contexts);
  const callEvents = createPgCallEvents(db, settlement);
  const claim = createPgClaim(db, contexts);
  const leadWrites = createPgLeadWrites(db);

  const transitionCampaign = (request: Parameters<Store['transitionCampaign']>[0]) =>
    db.transaction(async (tx): Promise<CampaignTransitionOutcome> => {
      const campaign = await lockCampaign(tx, request.campaignId);
      if (!campaign) return { ok: false, code: 'not_found' };
      if (request.action === 'start' && campaign.status === 'draft') {
        const facts = (await tx.row<{
          has_number: boolean;
          provider: string;
          balance_minor: number;
          minimum_start_balance_minor: number;
          currency: string;
        }>(
          `SELECT (p.id IS NOT NULL) AS has_number, a.provider, acc.balance_minor, acc.minimum_start_balance_minor,
                  acc.currency
             FROM campaigns c JOIN assistants a ON a.id = c.assistant_id JOIN accounts acc ON acc.id = c.account_id
             LEFT JOIN phone_numbers p ON p.id = a.phone_number_id
            WHERE c.id = $1`,
          [campaign.id],
        ))!;
        // From the counters: no count over a million leads between the click and the first dial (DESIGN §2.3).
        const leads = (await readCounters(tx, campaign.id)).leadsByStatus;
        const unmet = checkStartRequirements({
          assistantHasPhoneNumber: facts.has_number,
          provider: facts.provider,
          providerConfigured: request.providerConfigured ?? false,
          balanceMinor: facts.balance_minor,
          minimumStartBalanceMinor: facts.minimum_start_balance_minor,
          formatAmount: (minor) => `${formatAmount(minor, facts.currency)} ${facts.currency}`,
          callableLeads: leads.created + leads.scheduled + leads.rescheduled,
        });
        if (unmet.length > 0) return { ok: false, code: 'campaign_not_startable', unmet };
      }
      const result = await writeTransition(
        tx,
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
      // The first chunk of leads now; each claim schedules the next (pg-lead-scheduling.ts).
      if (request.action === 'start') await scheduleNextChunk(tx, campaign.id, request.now);
      // Leads may all have finished while the campaign was paused: then resuming completes it.
      if (request.action === 'resume') await completeIfDone(tx, campaign.id, request.now);
      return {
        ok: true,
        campaign: toCampaign(
          (await tx.row<CampaignRow>('SELECT * FROM campaigns WHERE id = $1', [campaign.id]))!,
        ),
      };
    });

  return {
    capabilities: { multiWorker: true },
    ...createPgCatalog(db),
    ...createPgReads(db.queries),
    ...createPgCallTimeline(db.queries),
    ...createPgDoNotCallList(db),

    addLeads: (campaignId, leads, now) => leadWrites.add(campaignId, leads, now),
    transitionCampaign,
    overrideLeadStatus: (leadId, to, now) => leadWrites.override(leadId, to, now),
    campaignLeadCounts: async (campaignId) => (await readCounters(db.queries, campaignId)).leadsByStatus,
    campaignReport: (campaignId) => readCounters(db.queries, campaignId),
    campaignStats: (campaignId) => readStats(db.queries, campaignId),

    claimAttempts: claim,
    markCallsPlaced: async (calls) => {
      if (calls.length === 0) return;
      await db.queries.run(
        `UPDATE calls SET provider_call_id = p.provider_call_id, phase = 'in_flight', due_at = p.reconcile_at,
           lease_owner = NULL
           FROM unnest($1::text[], $2::text[], $3::bigint[]) AS p (id, provider_call_id, reconcile_at)
          WHERE calls.id = p.id AND calls.phase = 'dialing'`,
        [calls.map((c) => c.callId), calls.map((c) => c.providerCallId), calls.map((c) => c.reconcileAt)],
      );
    },
    abandonAttempt: (callId, retryAt, now) =>
      db.transaction(async (tx) => {
        const call = await tx.row<CallRow>('SELECT * FROM calls WHERE id = $1 FOR NO KEY UPDATE', [callId]);
        if (!call || call.phase !== 'dialing') return;
        const lead = (await tx.row<LeadRow>('SELECT * FROM leads WHERE id = $1 FOR NO KEY UPDATE', [
          call.lead_id,
        ]))!;
        await tx.run('DELETE FROM calls WHERE id = $1', [call.id]);
        tx.counters.callChanged(call.campaign_id, call, null);
        await tx.run('UPDATE contacts SET attempts = attempts - 1 WHERE id = $1', [call.contact_id]);
        // A lead marked completed by hand meanwhile stays completed: nothing follows (DESIGN §2.4).
        if (lead.status === 'processing') {
          const next = {
            status: 'scheduled',
            nextAttemptAt: retryAt,
            nextContactId: call.contact_id,
            completionReason: null,
          } as const;
          await changeLead(tx, lead, call.account_id, next, now);
        }
        await tx.run('UPDATE campaigns SET in_flight = in_flight - 1 WHERE id = $1', [call.campaign_id]);
        await tx.run('UPDATE accounts SET reserved_minor = reserved_minor - $1 WHERE id = $2', [
          call.reserved_minor,
          call.account_id,
        ]);
        tx.wake(call.campaign_id);
      }),
    applyCallEvent: (event, now) => callEvents.apply(event, now),
    applyCallEvents: (events, now) => callEvents.applyMany(events, now),
    resolveCall: (callId, resolution, now) => callEvents.resolve(callId, resolution, now),
    claimOverdueCalls: (now, limit, workerId, leaseMs) =>
      callEvents.claimOverdue(now, limit, workerId, leaseMs),
    nextCallDeadline: () => callEvents.nextDeadline(),

    close: () => db.close(),
  };
}
