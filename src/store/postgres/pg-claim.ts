import { isInsideWindow, nextWindowOpening } from '../../domain/calling-window.js';
import {
  advancePacing,
  dialCapacity,
  nextPacingTokenAt,
  pacingTokens,
  shouldPauseForBalance,
  type DialBlock,
} from '../../domain/dial-capacity.js';
import { chooseCallableContact, DO_NOT_CALL_RESULT } from '../../domain/do-not-call.js';
import { oneMinuteCost } from '../../domain/money.js';
import type { AttemptToPlace, ClaimOutcome, ClaimRequest } from '../../engine/ports/store.js';
import { attemptKey } from '../sqlite/claim.js';
import type { LeadStateChange } from '../sqlite/lead-state.js';
import type { CampaignRow, ContactRow, LeadRow } from '../sqlite/rows.js';
import { completeIfDone, lockCampaign, writeTransition } from './pg-campaign-state.js';
import type { PgContexts } from './pg-campaign-context.js';
import type { PgDatabase, PgTx } from './pg-database.js';
import { hasCreatedLeads, scheduleNextChunk } from './pg-lead-scheduling.js';
import { changeLeads } from './pg-lead-state.js';

/**
 * The claim of DESIGN §4 as one atomic statement: the due leads are locked with `FOR NO KEY UPDATE SKIP LOCKED` (a lead
 * another transaction holds is skipped, never waited for) and marked `processing` in the same UPDATE, with `now`
 * a parameter. Its WHERE repeats the partial index `leads_waiting`, so taking 100 of 1,000,000 due leads reads
 * 100 index entries. The LIMIT is written into the statement, not bound: with a bound one, a prepared statement's
 * generic plan cannot know it takes 100 rows, and joins them to the whole table by hash (190 ms on 1,000,000).
 */
const takeDue = (
  limit: number,
) => `UPDATE leads l SET status = 'processing', next_attempt_at = NULL, updated_at = $2
  FROM (SELECT id, status, next_attempt_at FROM leads
         WHERE campaign_id = $1 AND status IN ('scheduled', 'rescheduled') AND next_attempt_at <= $2
         ORDER BY next_attempt_at, id LIMIT ${Math.floor(limit)}
         FOR NO KEY UPDATE SKIP LOCKED) due
  WHERE l.id = due.id
  RETURNING l.id, l.campaign_id, l.fields, l.next_contact_id, l.resets, due.status AS was, due.next_attempt_at AS due_at`;

const INSERT_CALLS = `INSERT INTO calls (id, account_id, campaign_id, lead_id, contact_id, attempt, idempotency_key,
    provider, status, placed_at, reserved_minor, phase, due_at, lease_owner)
  SELECT id, $1, $2, lead_id, contact_id, attempt, idempotency_key, $3, 'initiated', $4, $5, 'dialing', $6, $7
    FROM unnest($8::text[], $9::text[], $10::text[], $11::int[], $12::text[])
         AS c (id, lead_id, contact_id, attempt, idempotency_key)`;

type ListedContactRow = ContactRow & { on_do_not_call_list: boolean };

type ClaimedLead = Pick<LeadRow, 'id' | 'campaign_id' | 'fields' | 'next_contact_id' | 'resets'> & {
  was: string;
  due_at: number;
};

/** What a call counts for when the claim writes it. */
const NEW_CALL = { status: 'initiated', answered_by: null, goal: null, cost_minor: 0 } as const;

/**
 * Capacity — free slots, caller-id tokens, balance headroom — is counted in rows every worker shares, and the
 * claim locks them first, in one order (campaign, account, caller id): two workers' claims of one campaign
 * follow one another, so `maxConcurrentCalls`, calls per second and the balance hold across workers (DESIGN §2.8,
 * §2.9). Placing the calls, the slow part, happens after the commit and in parallel.
 */
export function createPgClaim(db: PgDatabase, contexts: PgContexts) {
  const nothing = (blocked: DialBlock, nextCheckAt: number | null): ClaimOutcome => ({
    attempts: [],
    blocked,
    nextCheckAt,
  });

  return (request: ClaimRequest): Promise<ClaimOutcome> =>
    db.transaction(async (tx): Promise<ClaimOutcome> => {
      const { now } = request;
      const campaign = await lockCampaign(tx, request.campaignId);
      if (!campaign || campaign.status !== 'active') return nothing('not_active', null);
      // Leads a start left `created` are scheduled a chunk per claim, window or not; look again at once until done.
      const moreToSchedule =
        (await hasCreatedLeads(tx, campaign.id)) && (await scheduleNextChunk(tx, campaign.id, now));
      const outcome = await claimDue(tx, campaign, request);
      return moreToSchedule ? { ...outcome, nextCheckAt: now } : outcome;
    });

  /** Takes the leads that are due, as far as the window, the slots, the pacing and the money allow. */
  async function claimDue(tx: PgTx, campaign: CampaignRow, request: ClaimRequest): Promise<ClaimOutcome> {
    const { now } = request;
    const ctx = await contexts(tx, campaign);
    if (!ctx) return nothing('not_active', null);
    if (!isInsideWindow(ctx.window, now))
      return nothing('outside_window', nextWindowOpening(ctx.window, now));

    const account = (await tx.row<{ balance_minor: number; reserved_minor: number }>(
      'SELECT balance_minor, reserved_minor FROM accounts WHERE id = $1 FOR NO KEY UPDATE',
      [campaign.account_id],
    ))!;
    const phone = await tx.row<{
      number: string;
      provider_ref: string | null;
      calls_per_second: number;
      pace_at: number;
    }>(
      'SELECT number, provider_ref, calls_per_second, pace_at FROM phone_numbers WHERE id = $1 FOR NO KEY UPDATE',
      [ctx.assistant.phone_number_id],
    );
    if (!phone) return nothing('not_active', null);
    const capacityFacts = {
      maxConcurrentCalls: ctx.settings.maxConcurrentCalls,
      inFlight: campaign.in_flight,
      cpsTokens: pacingTokens(phone.pace_at, now, phone.calls_per_second),
      availableMinor: account.balance_minor - account.reserved_minor,
      minuteCostMinor: oneMinuteCost(ctx.rate),
    };
    const callsInFlightOnAccount = account.reserved_minor > 0 || campaign.in_flight > 0;
    if (shouldPauseForBalance({ ...capacityFacts, callsInFlightOnAccount })) {
      await writeTransition(tx, campaign, 'pause', now, 'insufficient_balance');
      return nothing('insufficient_balance', null);
    }
    const { capacity } = dialCapacity(capacityFacts);
    const wanted = Math.min(capacity, request.maxClaims);
    const due =
      wanted > 0
        ? (await tx.rows<ClaimedLead>(takeDue(wanted), [campaign.id, now])).sort(
            (a, b) => a.due_at - b.due_at || (a.id < b.id ? -1 : 1),
          )
        : [];

    const contacts = new Map<string, ListedContactRow[]>();
    if (due.length > 0) {
      const rows = await tx.rows<ListedContactRow>(
        // A join with the ids, not `lead_id = ANY($1)`: the generic plan of the latter scanned every contact.
        // Each number is checked against the do-not-call list right before the dial (DESIGN §2.4): a
        // primary-key probe per contact, in the read the claim makes anyway.
        `SELECT c.*, EXISTS (SELECT 1 FROM do_not_call d WHERE d.account_id = $2 AND d.phone = c.phone)
                  AS on_do_not_call_list
           FROM unnest($1::text[]) AS l (id) JOIN contacts c ON c.lead_id = l.id
          ORDER BY c.lead_id, c.position`,
        [due.map((l) => l.id), campaign.account_id],
      );
      for (const row of rows) {
        const list = contacts.get(row.lead_id);
        if (list) list.push(row);
        else contacts.set(row.lead_id, [row]);
      }
    }

    const attempts: AttemptToPlace[] = [];
    const changes: { lead: { id: string; status: string; campaign_id: string }; next: LeadStateChange }[] =
      [];
    const calls = {
      id: [] as string[],
      lead: [] as string[],
      contact: [] as string[],
      attempt: [] as number[],
      key: [] as string[],
    };
    const listedContacts: string[] = [];
    let noContactLeft = false;
    for (const lead of due) {
      const own = contacts.get(lead.id) ?? [];
      const ref = { id: lead.id, status: lead.was, campaign_id: lead.campaign_id };
      const { contact, listed } = chooseCallableContact(
        lead.next_contact_id,
        own.map((c) => ({
          id: c.id,
          position: c.position,
          attempts: c.attempts,
          dead: c.dead === 1,
          onDoNotCallList: c.on_do_not_call_list,
        })),
        ctx.rules,
      );
      listedContacts.push(...listed);
      if (!contact) {
        // Settings changed since the lead was scheduled (e.g. fewer retries), or its numbers joined the
        // do-not-call list: nothing is left to try.
        noContactLeft = true;
        changes.push({
          lead: ref,
          next: { status: 'max_retries', nextAttemptAt: null, nextContactId: null, completionReason: null },
        });
        continue;
      }
      const phoneTo = own.find((c) => c.id === contact.id)!.phone;
      const attempt = contact.attempts + 1;
      const callId = request.newCallId();
      const idempotencyKey = attemptKey(lead, contact.id, attempt);
      calls.id.push(callId);
      calls.lead.push(lead.id);
      calls.contact.push(contact.id);
      calls.attempt.push(attempt);
      calls.key.push(idempotencyKey);
      tx.counters.callChanged(campaign.id, null, NEW_CALL);
      changes.push({
        lead: ref,
        next: {
          status: 'processing',
          nextAttemptAt: null,
          nextContactId: contact.id,
          completionReason: null,
        },
      });
      attempts.push({
        campaignId: campaign.id,
        leadId: lead.id,
        provider: ctx.assistant.provider,
        request: {
          callId,
          idempotencyKey,
          assistant: {
            id: campaign.assistant_id,
            providerAssistantId: ctx.assistant.provider_assistant_id,
            maxCallMinutes: ctx.assistant.max_call_minutes,
            variables: ctx.variables,
          },
          from: phone.number,
          fromProviderRef: phone.provider_ref,
          to: phoneTo,
          attempt,
          variables: JSON.parse(lead.fields) as Record<string, string>,
        },
      });
    }
    await changeLeads(tx, campaign.account_id, changes, now);
    if (listedContacts.length > 0) {
      await tx.run(
        `UPDATE contacts SET dead = 1, last_result = $1 FROM unnest($2::text[]) AS l (id)
          WHERE contacts.id = l.id`,
        [DO_NOT_CALL_RESULT, listedContacts],
      );
    }
    const newPaceAt = advancePacing(phone.pace_at, now, phone.calls_per_second, attempts.length);
    if (attempts.length > 0) {
      await tx.run(INSERT_CALLS, [
        campaign.account_id,
        campaign.id,
        ctx.assistant.provider,
        now,
        capacityFacts.minuteCostMinor,
        now + request.leaseMs,
        request.workerId,
        calls.id,
        calls.lead,
        calls.contact,
        calls.attempt,
        calls.key,
      ]);
      await tx.run(
        `UPDATE contacts SET attempts = c.attempts FROM unnest($1::text[], $2::int[]) AS c (id, attempts)
            WHERE contacts.id = c.id`,
        [calls.contact, calls.attempt],
      );
      await tx.run('UPDATE campaigns SET in_flight = in_flight + $1 WHERE id = $2', [
        attempts.length,
        campaign.id,
      ]);
      await tx.run('UPDATE accounts SET reserved_minor = reserved_minor + $1 WHERE id = $2', [
        attempts.length * capacityFacts.minuteCostMinor,
        campaign.account_id,
      ]);
      await tx.run('UPDATE phone_numbers SET pace_at = $1 WHERE id = $2', [
        newPaceAt,
        ctx.assistant.phone_number_id,
      ]);
    }
    if (noContactLeft) await completeIfDone(tx, campaign.id, now);

    // When to look again without an outside event (as on SQLite: see claim.ts).
    if (wanted > 0 && due.length < wanted) {
      const earliest = await tx.row<{ at: number | null }>(
        `SELECT min(next_attempt_at) AS at FROM leads
            WHERE campaign_id = $1 AND status IN ('scheduled', 'rescheduled')`,
        [campaign.id],
      );
      const at = earliest?.at ?? null;
      const nextCheckAt = at === null ? null : nextWindowOpening(ctx.window, Math.max(at, now));
      return { attempts, blocked: attempts.length > 0 ? null : 'no_due_leads', nextCheckAt };
    }
    const after = dialCapacity({
      ...capacityFacts,
      inFlight: capacityFacts.inFlight + attempts.length,
      cpsTokens: pacingTokens(newPaceAt, now, phone.calls_per_second),
      availableMinor: capacityFacts.availableMinor - attempts.length * capacityFacts.minuteCostMinor,
    });
    if (after.capacity > 0) return { attempts, blocked: null, nextCheckAt: now };
    const nextCheckAt =
      after.blocked === 'calls_per_second' ? nextPacingTokenAt(newPaceAt, phone.calls_per_second) : null;
    return { attempts, blocked: after.blocked, nextCheckAt };
  }
}
