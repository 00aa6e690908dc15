import type Database from 'better-sqlite3';
import { decideAfterCall, type AfterCallDecision, type ContactState } from '../../domain/attempts.js';
import type { AnsweredBy, FailureReason, TerminalCallStatus } from '../../domain/call-status.js';
import { reportsOptOut } from '../../domain/do-not-call.js';
import { isTerminalLeadStatus, type LeadStatus } from '../../domain/lead-status.js';
import { callCost } from '../../domain/money.js';
import { readBoolean } from '../../domain/post-call-variables.js';
import { unreachable } from '../../domain/result.js';
import type { CallResolution } from '../../engine/ports/store.js';
import type { CampaignContext, CampaignContexts } from './campaign-context.js';
import type { CampaignCounters } from './campaign-counters.js';
import type { CampaignState } from './campaign-state.js';
import type { DoNotCallEntries } from './do-not-call.js';
import type { LeadState, LeadStateChange } from './lead-state.js';
import type { Outbox } from './outbox.js';
import type { CallRow, ContactRow, LeadRow } from './rows.js';
import { prepareRows } from './fast-rows.js';

/**
 * What happens when a call ends (DESIGN §2.6–§2.8), inside the caller's transaction: the call's final state, the
 * exact charge (once per call), the released slot and reservation, then the one decision for the lead.
 */
export function createCallSettlement(
  db: Database.Database,
  outbox: Outbox,
  leads: LeadState,
  campaigns: CampaignState,
  contexts: CampaignContexts,
  counters: CampaignCounters,
  doNotCall: DoNotCallEntries,
) {
  const endCall = db.prepare(
    `UPDATE calls SET status = ?, answered_by = coalesce(?, answered_by), failure_reason = ?,
       answered_at = coalesce(answered_at, ?), ended_at = ?, billed_seconds = ?, cost_minor = ?,
       phase = 'settled', due_at = NULL, lease_owner = NULL
     WHERE id = ?`,
  );
  const charge = db.prepare(
    `INSERT INTO ledger_entries (id, account_id, kind, amount_minor, call_id, note, created_at)
     VALUES (?, ?, 'call_charge', ?, ?, NULL, ?) ON CONFLICT (call_id) DO NOTHING`,
  );
  const settleAccount = db.prepare(
    'UPDATE accounts SET balance_minor = balance_minor - ?, reserved_minor = reserved_minor - ? WHERE id = ?',
  );
  const releaseSlot = db.prepare('UPDATE campaigns SET in_flight = in_flight - 1 WHERE id = ?');
  const contactResult = db.prepare('UPDATE contacts SET last_result = ? WHERE id = ?');
  const killContact = db.prepare('UPDATE contacts SET dead = 1 WHERE id = ?');
  const leadById = prepareRows<[string], LeadRow>(db, 'SELECT * FROM leads WHERE id = ?');
  const contactsOf = prepareRows<[string], ContactRow>(
    db,
    'SELECT * FROM contacts WHERE lead_id = ? ORDER BY position',
  );
  const setPhase = db.prepare('UPDATE calls SET phase = ?, due_at = ?, lease_owner = NULL WHERE id = ?');
  const setVariables = db.prepare('UPDATE calls SET variables = ?, goal = ? WHERE id = ?');
  const phoneOf = db.prepare<[string], { phone: string }>('SELECT phone FROM contacts WHERE id = ?');

  /**
   * The callee asked not to be called again (DESIGN §2.4): the number joins the account's do-not-call list and the
   * lead, unless already finished, is completed, as if by hand: a call in flight finishes and nothing follows it.
   */
  function optOut(call: CallRow, now: number): void {
    const { phone } = phoneOf.get(call.contact_id)!;
    doNotCall.add(call.account_id, phone, 'opt_out', `opted out on call ${call.id}`, now);
    const lead = leadById.get(call.lead_id);
    if (lead && !isTerminalLeadStatus(lead.status as LeadStatus)) {
      leads.change(lead, call.account_id, OPTED_OUT, now);
    }
  }

  /** Applies the decision of DESIGN §2.6 for a call that has ended. */
  function decide(call: CallRow, ctx: CampaignContext, variablesSettled: boolean, now: number): void {
    const lead = leadById.get(call.lead_id);
    // A lead marked completed by hand while its call was in flight: the call finishes, nothing follows (§2.4).
    if (!lead || lead.status !== 'processing') {
      if (call.phase !== 'settled') setPhase.run('settled', null, call.id);
      return;
    }
    const contacts: ContactState[] = contactsOf.all(lead.id).map((c) => ({
      id: c.id,
      position: c.position,
      attempts: c.attempts,
      dead: c.dead === 1,
    }));
    const decision = decideAfterCall(
      {
        contactId: call.contact_id,
        status: call.status as TerminalCallStatus,
        answeredBy: call.answered_by as AnsweredBy | null,
        failureReason: call.failure_reason as FailureReason | null,
        goal: call.goal === null ? null : call.goal === 1,
        variablesSettled,
        endedAt: call.ended_at ?? now,
      },
      contacts,
      ctx.rules,
    );
    if (decision.kind === 'wait_for_variables') {
      setPhase.run('awaiting_variables', decision.until, call.id);
      return;
    }
    if (call.phase !== 'settled') setPhase.run('settled', null, call.id);
    if (decision.killContact) killContact.run(call.contact_id);
    leads.change(lead, ctx.row.account_id, leadStateAfter(decision), now);
  }

  return {
    /** A terminal status arrived (or reconciliation decided one): settle money and slots, then decide. */
    finish(call: CallRow, end: CallResolution, now: number): void {
      const ctx = contexts(call.campaign_id);
      if (!ctx) return;
      const answeredAt = call.answered_at ?? end.answeredAt;
      // DESIGN §2.8: billed from answer to end, zero when nothing answered; a provider's own figure wins.
      const billedSeconds =
        answeredAt === null
          ? 0
          : (end.billedSeconds ?? Math.max(0, Math.ceil((end.endedAt - answeredAt) / 1000)));
      const cost = callCost(ctx.rate, billedSeconds);
      const answeredBy = end.answeredBy ?? call.answered_by;
      endCall.run(
        end.status,
        end.answeredBy,
        end.failureReason,
        end.answeredAt,
        end.endedAt,
        billedSeconds,
        cost,
        call.id,
      );
      counters.callChanged(call.campaign_id, call, {
        ...call,
        status: end.status,
        answered_by: answeredBy,
        cost_minor: cost,
      });
      if (cost > 0) charge.run(`chg_${call.id}`, call.account_id, -cost, call.id, now);
      settleAccount.run(cost, call.reserved_minor, call.account_id);
      // The charge that takes the balance below the account's threshold says so, once per crossing: later charges
      // find it already below, and only a credit brings it back over (DESIGN §2.8). `ctx` holds the balance read
      // before this charge (no RETURNING: it costs more than the whole UPDATE).
      const threshold = ctx.row.minimum_start_balance_minor;
      const balance = ctx.row.balance_minor - cost;
      if (balance < threshold && ctx.row.balance_minor >= threshold) {
        outbox.balanceLow(
          {
            accountId: call.account_id,
            campaignId: null,
            balanceMinor: balance,
            currency: ctx.row.currency,
            thresholdMinor: threshold,
          },
          now,
        );
      }
      if (call.phase === 'dialing' || call.phase === 'in_flight') releaseSlot.run(call.campaign_id);
      contactResult.run(answeredBy === 'machine' ? 'voicemail' : end.status, call.contact_id);
      outbox.emit(
        call.account_id,
        call.campaign_id,
        'call.ended',
        {
          callId: call.id,
          leadId: call.lead_id,
          status: end.status,
          answeredBy,
          failureReason: end.failureReason,
          billedSeconds,
          costMinor: cost,
        },
        now,
      );
      const ended: CallRow = {
        ...call,
        status: end.status,
        answered_by: answeredBy,
        failure_reason: end.failureReason,
        answered_at: answeredAt,
        ended_at: end.endedAt,
        billed_seconds: billedSeconds,
        cost_minor: cost,
        // endCall settled it; the decision only moves it on if the lead must wait for variables.
        phase: 'settled',
      };
      // Variables that came before the end are all the assistant will report: no need to wait for more.
      decide(ended, ctx, call.variables !== null, now);
      campaigns.completeIfDone(call.campaign_id, now);
    },

    /**
     * Post-call variables arrived: record them (and the goal); an opt-out among them is applied, and a lead
     * waiting for them is decided now.
     */
    recordVariables(call: CallRow, variables: Readonly<Record<string, unknown>>, now: number): void {
      const ctx = contexts(call.campaign_id);
      if (!ctx) return;
      const merged = { ...(call.variables ? (JSON.parse(call.variables) as object) : {}), ...variables };
      const goalName = ctx.rules.goalVariable;
      const read = goalName === null ? null : readBoolean((merged as Record<string, unknown>)[goalName]);
      const goal = read === null ? null : read ? 1 : 0;
      setVariables.run(JSON.stringify(merged), goal, call.id);
      counters.callChanged(call.campaign_id, call, { ...call, goal });
      const optedOut = reportsOptOut(variables, ctx.row.opt_out_variable);
      if (optedOut) optOut(call, now);
      // After an opt-out the lead is no longer processing: the decision only settles the call.
      if (call.phase === 'awaiting_variables') decide({ ...call, goal }, ctx, true, now);
      if (optedOut || call.phase === 'awaiting_variables') campaigns.completeIfDone(call.campaign_id, now);
    },

    /** The wait for variables ran out: the goal counts as not met (DESIGN §2.7). */
    timeOutVariables(call: CallRow, now: number): void {
      const ctx = contexts(call.campaign_id);
      if (!ctx) return;
      decide(call, ctx, true, now);
      campaigns.completeIfDone(call.campaign_id, now);
    },
  };
}

export type CallSettlement = ReturnType<typeof createCallSettlement>;

/** A lead whose callee opted out (DESIGN §2.4). */
export const OPTED_OUT: LeadStateChange = {
  status: 'completed',
  nextAttemptAt: null,
  nextContactId: null,
  completionReason: 'opted_out',
};

export function leadStateAfter(decision: Exclude<AfterCallDecision, { kind: 'wait_for_variables' }>) {
  switch (decision.kind) {
    case 'complete':
      return {
        status: 'completed',
        nextAttemptAt: null,
        nextContactId: null,
        completionReason: decision.reason,
      } as const;
    case 'dial_next':
      return {
        status: 'scheduled',
        nextAttemptAt: decision.at,
        nextContactId: decision.contactId,
        completionReason: null,
      } as const;
    case 'next_round':
      return {
        status: 'rescheduled',
        nextAttemptAt: decision.at,
        nextContactId: decision.contactId,
        completionReason: null,
      } as const;
    case 'max_retries':
      return {
        status: 'max_retries',
        nextAttemptAt: null,
        nextContactId: null,
        completionReason: null,
      } as const;
    default:
      return unreachable(decision);
  }
}
