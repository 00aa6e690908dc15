import type Database from 'better-sqlite3';
import { nextWindowOpening } from '../../domain/calling-window.js';
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
import type { CampaignContext, CampaignContexts } from './campaign-context.js';
import type { CampaignCounters } from './campaign-counters.js';
import type { CampaignState } from './campaign-state.js';
import type { LeadScheduling } from './lead-scheduling.js';
import type { LeadState } from './lead-state.js';
import type { ContactRow, LeadRow } from './rows.js';
import { prepareRows } from './fast-rows.js';

interface DialerFacts {
  balance_minor: number;
  reserved_minor: number;
  number: string | null;
  provider_ref: string | null;
  calls_per_second: number | null;
  pace_at: number | null;
}

/**
 * The attempt's idempotency key (DESIGN §2.10.1): lead + contact + attempt number, and the reset generation once
 * a lead has been reset by hand (its attempts count from 1 again, but they are new attempts).
 */
export function attemptKey(lead: Pick<LeadRow, 'id' | 'resets'>, contactId: string, attempt: number): string {
  const key = `${lead.id}:${contactId}:${attempt}`;
  return lead.resets === 0 ? key : `${key}:r${lead.resets}`;
}

/** What a call counts for when the claim writes it (see the insert below). */
const NEW_CALL = { status: 'initiated', answered_by: null, goal: null, cost_minor: 0 } as const;

/**
 * The claim of DESIGN §4 on SQLite. SQLite has one writer at a time, so the transaction itself is the lock that
 * `FOR UPDATE SKIP LOCKED` gives on PostgreSQL: no two claims can take the same lead.
 */
export function createClaim(
  db: Database.Database,
  contexts: CampaignContexts,
  campaigns: CampaignState,
  leads: LeadState,
  counters: CampaignCounters,
  scheduling: LeadScheduling,
) {
  const facts = prepareRows<[string | null, string], DialerFacts>(
    db,
    `SELECT acc.balance_minor, acc.reserved_minor, p.number, p.provider_ref, p.calls_per_second, p.pace_at
       FROM accounts acc LEFT JOIN phone_numbers p ON p.id = ? WHERE acc.id = ?`,
  );
  const dueLeads = prepareRows<[string, number], LeadRow>(
    db,
    `SELECT * FROM leads INDEXED BY leads_waiting
      WHERE campaign_id = ? AND status IN ('scheduled', 'rescheduled') AND next_attempt_at <= ?
      ORDER BY next_attempt_at, id`,
  );
  const earliestDue = db.prepare<[string], { at: number | null }>(
    `SELECT min(next_attempt_at) AS at FROM leads INDEXED BY leads_waiting
      WHERE campaign_id = ? AND status IN ('scheduled', 'rescheduled')`,
  );
  // Each contact with whether its number is on the account's do-not-call list, checked right before the dial
  // (DESIGN §2.4): one primary-key probe per contact, inside the read the claim makes anyway.
  const contactsOf = prepareRows<[string, string], ContactRow & { on_do_not_call_list: number }>(
    db,
    `SELECT c.*, EXISTS (SELECT 1 FROM do_not_call d WHERE d.account_id = ? AND d.phone = c.phone)
              AS on_do_not_call_list
       FROM contacts c WHERE c.lead_id = ? ORDER BY c.position`,
  );
  const killListedContact = db.prepare('UPDATE contacts SET dead = 1, last_result = ? WHERE id = ?');
  const insertCall = db.prepare(
    `INSERT INTO calls (id, account_id, campaign_id, lead_id, contact_id, attempt, idempotency_key, provider,
       status, placed_at, reserved_minor, phase, due_at, lease_owner)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'initiated', ?, ?, 'dialing', ?, ?)`,
  );
  const countAttempt = db.prepare('UPDATE contacts SET attempts = ? WHERE id = ?');
  const takeSlots = db.prepare('UPDATE campaigns SET in_flight = in_flight + ? WHERE id = ?');
  const reserve = db.prepare('UPDATE accounts SET reserved_minor = reserved_minor + ? WHERE id = ?');
  const pace = db.prepare('UPDATE phone_numbers SET pace_at = ? WHERE id = ?');

  const nothing = (blocked: DialBlock, nextCheckAt: number | null): ClaimOutcome => ({
    attempts: [],
    blocked,
    nextCheckAt,
  });

  const claim = counters.transaction((request: ClaimRequest): ClaimOutcome => {
    const ctx = contexts(request.campaignId);
    if (!ctx || ctx.row.status !== 'active') return nothing('not_active', null);
    // Leads a start left `created` are scheduled a chunk per claim, window or not; look again at once until done.
    const moreToSchedule = ctx.row.leads_created > 0 && scheduling.scheduleNextChunk(ctx.row.id, request.now);
    const outcome = claimDue(ctx, request);
    return moreToSchedule ? { ...outcome, nextCheckAt: request.now } : outcome;
  });

  /** Takes the leads that are due, as far as the window, the slots, the pacing and the money allow. */
  function claimDue(ctx: CampaignContext, request: ClaimRequest): ClaimOutcome {
    const { now } = request;
    if (!ctx.isInsideWindow(now)) return nothing('outside_window', nextWindowOpening(ctx.window, now));

    const row = facts.get(ctx.row.phone_number_id, ctx.row.account_id);
    if (!row || row.number === null) return nothing('not_active', null);
    const callsPerSecond = row.calls_per_second ?? 1;
    const paceAt = row.pace_at ?? 0;
    const capacityFacts = {
      maxConcurrentCalls: ctx.settings.maxConcurrentCalls,
      inFlight: ctx.row.in_flight,
      cpsTokens: pacingTokens(paceAt, now, callsPerSecond),
      availableMinor: row.balance_minor - row.reserved_minor,
      minuteCostMinor: oneMinuteCost(ctx.rate),
    };
    const callsInFlightOnAccount = row.reserved_minor > 0 || ctx.row.in_flight > 0;
    if (shouldPauseForBalance({ ...capacityFacts, callsInFlightOnAccount })) {
      const campaign = campaigns.byId(ctx.row.id);
      // The transition also writes the campaign's `balance.low`.
      if (campaign) campaigns.transition(campaign, 'pause', now, 'insufficient_balance');
      return nothing('insufficient_balance', null);
    }
    const { capacity } = dialCapacity(capacityFacts);
    const wanted = Math.min(capacity, request.maxClaims);
    const due = dueLeads.first(wanted, ctx.row.id, now);

    const attempts: AttemptToPlace[] = [];
    for (const lead of due) {
      const contacts = contactsOf.all(ctx.row.account_id, lead.id);
      const { contact, listed } = chooseCallableContact(
        lead.next_contact_id,
        contacts.map((c) => ({
          id: c.id,
          position: c.position,
          attempts: c.attempts,
          dead: c.dead === 1,
          onDoNotCallList: c.on_do_not_call_list === 1,
        })),
        ctx.rules,
      );
      for (const contactId of listed) killListedContact.run(DO_NOT_CALL_RESULT, contactId);
      if (!contact) {
        // Settings changed since the lead was scheduled (e.g. fewer retries), or its numbers joined the
        // do-not-call list: nothing is left to try.
        leads.change(
          lead,
          ctx.row.account_id,
          { status: 'max_retries', nextAttemptAt: null, nextContactId: null, completionReason: null },
          now,
        );
        continue;
      }
      const phone = contacts.find((c) => c.id === contact.id)!.phone;
      const attempt = contact.attempts + 1;
      const callId = request.newCallId();
      const idempotencyKey = attemptKey(lead, contact.id, attempt);
      insertCall.run(
        callId,
        ctx.row.account_id,
        ctx.row.id,
        lead.id,
        contact.id,
        attempt,
        idempotencyKey,
        ctx.row.provider,
        now,
        capacityFacts.minuteCostMinor,
        now + request.leaseMs,
        request.workerId,
      );
      counters.callChanged(ctx.row.id, null, NEW_CALL);
      countAttempt.run(attempt, contact.id);
      leads.change(
        lead,
        ctx.row.account_id,
        { status: 'processing', nextAttemptAt: null, nextContactId: contact.id, completionReason: null },
        now,
      );
      attempts.push({
        campaignId: ctx.row.id,
        leadId: lead.id,
        provider: ctx.row.provider,
        request: {
          callId,
          idempotencyKey,
          assistant: {
            id: ctx.row.assistant_id,
            providerAssistantId: ctx.row.provider_assistant_id,
            maxCallMinutes: ctx.row.max_call_minutes,
            variables: ctx.variables,
          },
          from: row.number,
          fromProviderRef: row.provider_ref,
          to: phone,
          attempt,
          variables: JSON.parse(lead.fields) as Record<string, string>,
        },
      });
    }
    const newPaceAt = advancePacing(paceAt, now, callsPerSecond, attempts.length);
    if (attempts.length > 0) {
      takeSlots.run(attempts.length, ctx.row.id);
      reserve.run(attempts.length * capacityFacts.minuteCostMinor, ctx.row.account_id);
      pace.run(newPaceAt, ctx.row.phone_number_id);
    }
    if (due.length > attempts.length) campaigns.completeIfDone(ctx.row.id, now);

    // When to look again without an outside event.
    if (wanted > 0 && due.length < wanted) {
      // Every due lead was taken: the next one comes due later (and dials once the window allows).
      const earliest = earliestDue.get(ctx.row.id)?.at ?? null;
      const nextCheckAt = earliest === null ? null : nextWindowOpening(ctx.window, Math.max(earliest, now));
      return { attempts, blocked: attempts.length > 0 ? null : 'no_due_leads', nextCheckAt };
    }
    const after = dialCapacity({
      ...capacityFacts,
      inFlight: capacityFacts.inFlight + attempts.length,
      cpsTokens: pacingTokens(newPaceAt, now, callsPerSecond),
      availableMinor: capacityFacts.availableMinor - attempts.length * capacityFacts.minuteCostMinor,
    });
    // Capacity left: the claim was cut by its own size, go on at once. Pacing: at the next token. A full set of
    // slots or an empty purse: only a call ending changes that, and it wakes the dialer.
    if (after.capacity > 0) return { attempts, blocked: null, nextCheckAt: now };
    const nextCheckAt =
      after.blocked === 'calls_per_second' ? nextPacingTokenAt(newPaceAt, callsPerSecond) : null;
    return { attempts, blocked: after.blocked, nextCheckAt };
  }

  return (request: ClaimRequest): ClaimOutcome => claim(request);
}
