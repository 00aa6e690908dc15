import { decideAfterCall } from '../../domain/attempts.js';
import type { AnsweredBy, FailureReason, TerminalCallStatus } from '../../domain/call-status.js';
import { reportsOptOut } from '../../domain/do-not-call.js';
import { isTerminalLeadStatus, type LeadStatus } from '../../domain/lead-status.js';
import { callCost } from '../../domain/money.js';
import { readBoolean } from '../../domain/post-call-variables.js';
import type { CallResolution } from '../../engine/ports/store.js';
import { leadStateAfter, OPTED_OUT } from '../sqlite/call-settlement.js';
import type { CallRow, CampaignRow, ContactRow, LeadRow } from '../sqlite/rows.js';
import { completeIfDone } from './pg-campaign-state.js';
import type { PgCampaignContext, PgContexts } from './pg-campaign-context.js';
import type { PgTx } from './pg-database.js';
import { addToDoNotCall } from './pg-do-not-call.js';
import { changeLead } from './pg-lead-state.js';

const lockLead = (tx: PgTx, leadId: string) =>
  tx.row<LeadRow>('SELECT * FROM leads WHERE id = $1 FOR NO KEY UPDATE', [leadId]);
const setPhase = (tx: PgTx, callId: string, phase: string, dueAt: number | null) =>
  tx.run('UPDATE calls SET phase = $1, due_at = $2, lease_owner = NULL WHERE id = $3', [
    phase,
    dueAt,
    callId,
  ]);

/**
 * What happens when a call ends (DESIGN §2.6–§2.8), inside the caller's transaction, as on SQLite
 * (call-settlement.ts): final state, the charge once, slot and reservation released, then the one decision for
 * the lead. Rows are locked in one order — the call (the caller), its lead, the campaign, the account — the
 * order the claim takes campaign and account in, so settlements and claims of several workers never deadlock.
 */
export function createPgSettlement(contexts: PgContexts) {
  const contextOf = async (tx: PgTx, campaignId: string) => {
    const campaign = await tx.row<CampaignRow>('SELECT * FROM campaigns WHERE id = $1', [campaignId]);
    return campaign ? contexts(tx, campaign) : undefined;
  };

  /**
   * The callee asked not to be called again (DESIGN §2.4): the number joins the account's do-not-call list and the
   * lead, unless already finished, is completed, as if by hand: a call in flight finishes and nothing follows it.
   */
  async function optOut(tx: PgTx, call: CallRow, now: number): Promise<void> {
    // The lead first: the order every settlement locks rows in (calls, leads, then what refers to the account).
    const lead = await lockLead(tx, call.lead_id);
    const { phone } = (await tx.row<{ phone: string }>('SELECT phone FROM contacts WHERE id = $1', [
      call.contact_id,
    ]))!;
    await addToDoNotCall(tx, call.account_id, [phone], 'opt_out', `opted out on call ${call.id}`, now);
    if (lead && !isTerminalLeadStatus(lead.status as LeadStatus)) {
      await changeLead(tx, lead, call.account_id, OPTED_OUT, now);
    }
  }

  /** Applies the decision of DESIGN §2.6 to a call that has ended; the caller holds the lead's lock. */
  async function decide(
    tx: PgTx,
    call: CallRow,
    lead: LeadRow | undefined,
    ctx: PgCampaignContext,
    variablesSettled: boolean,
    now: number,
  ): Promise<void> {
    // A lead marked completed by hand while its call was in flight: the call finishes, nothing follows (§2.4).
    if (!lead || lead.status !== 'processing') {
      if (call.phase !== 'settled') await setPhase(tx, call.id, 'settled', null);
      return;
    }
    const contacts = await tx.rows<ContactRow>(
      'SELECT * FROM contacts WHERE lead_id = $1 ORDER BY position',
      [lead.id],
    );
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
      contacts.map((c) => ({ id: c.id, position: c.position, attempts: c.attempts, dead: c.dead === 1 })),
      ctx.rules,
    );
    if (decision.kind === 'wait_for_variables') {
      await setPhase(tx, call.id, 'awaiting_variables', decision.until);
      return;
    }
    if (call.phase !== 'settled') await setPhase(tx, call.id, 'settled', null);
    if (decision.killContact) await tx.run('UPDATE contacts SET dead = 1 WHERE id = $1', [call.contact_id]);
    await changeLead(tx, lead, ctx.campaign.account_id, leadStateAfter(decision), now);
    tx.wake(call.campaign_id);
  }

  return {
    /** A terminal status arrived (or reconciliation decided one); the caller holds the call's lock. */
    async finish(tx: PgTx, call: CallRow, end: CallResolution, now: number): Promise<void> {
      const lead = await lockLead(tx, call.lead_id);
      const ctx = await contextOf(tx, call.campaign_id);
      if (!ctx) return;
      const answeredAt = call.answered_at ?? end.answeredAt;
      // DESIGN §2.8: billed from answer to end, zero when nothing answered; a provider's own figure wins.
      const billedSeconds =
        answeredAt === null
          ? 0
          : (end.billedSeconds ?? Math.max(0, Math.ceil((end.endedAt - answeredAt) / 1000)));
      const cost = callCost(ctx.rate, billedSeconds);
      const answeredBy = end.answeredBy ?? call.answered_by;
      await tx.run(
        `UPDATE calls SET status = $1, answered_by = coalesce($2, answered_by), failure_reason = $3,
           answered_at = coalesce(answered_at, $4), ended_at = $5, billed_seconds = $6, cost_minor = $7,
           phase = 'settled', due_at = NULL, lease_owner = NULL
         WHERE id = $8`,
        [
          end.status,
          end.answeredBy,
          end.failureReason,
          end.answeredAt,
          end.endedAt,
          billedSeconds,
          cost,
          call.id,
        ],
      );
      tx.counters.callChanged(call.campaign_id, call, {
        ...call,
        status: end.status,
        answered_by: answeredBy,
        cost_minor: cost,
      });
      if (cost > 0) {
        await tx.run(
          `INSERT INTO ledger_entries (id, account_id, kind, amount_minor, call_id, note, created_at)
           VALUES ($1, $2, 'call_charge', $3, $4, NULL, $5) ON CONFLICT (call_id) DO NOTHING`,
          [`chg_${call.id}`, call.account_id, -cost, call.id, now],
        );
      }
      await tx.run('UPDATE contacts SET last_result = $1 WHERE id = $2', [
        answeredBy === 'machine' ? 'voicemail' : end.status,
        call.contact_id,
      ]);
      tx.outbox.emit(
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
        phase: 'settled',
      };
      // Variables that came before the end are all the assistant will report: no need to wait for more.
      await decide(tx, ended, lead, ctx, call.variables !== null, now);
      tx.wake(call.campaign_id);
      // The campaign's and the account's rows last, in the claim's order: every worker's settlements and claims
      // of this campaign queue on them, so they are held for the end of the transaction only.
      const slots = await tx.row<{ in_flight: number }>(
        'UPDATE campaigns SET in_flight = in_flight - $1 WHERE id = $2 RETURNING in_flight',
        [call.phase === 'dialing' || call.phase === 'in_flight' ? 1 : 0, call.campaign_id],
      );
      // Completion needs nothing in flight (DESIGN §2.2): with calls still up, no need to look for open leads.
      if (slots?.in_flight === 0) await completeIfDone(tx, call.campaign_id, now);
      const { balance_minor: balance } = (await tx.row<{ balance_minor: number }>(
        `UPDATE accounts SET balance_minor = balance_minor - $1, reserved_minor = reserved_minor - $2
          WHERE id = $3 RETURNING balance_minor`,
        [cost, call.reserved_minor, call.account_id],
      ))!;
      // The charge that takes the balance below the account's threshold says so, once per crossing (§2.8).
      const threshold = ctx.assistant.minimum_start_balance_minor;
      if (balance < threshold && balance + cost >= threshold) {
        tx.outbox.balanceLow(
          {
            accountId: call.account_id,
            campaignId: null,
            balanceMinor: balance,
            currency: ctx.assistant.currency,
            thresholdMinor: threshold,
          },
          now,
        );
      }
    },

    /**
     * Post-call variables arrived: record them and the goal; an opt-out among them is applied, and a lead waiting
     * for them is decided now.
     */
    async recordVariables(
      tx: PgTx,
      call: CallRow,
      variables: Readonly<Record<string, unknown>>,
      now: number,
    ) {
      const ctx = await contextOf(tx, call.campaign_id);
      if (!ctx) return;
      const merged = { ...(call.variables ? (JSON.parse(call.variables) as object) : {}), ...variables };
      const goalName = ctx.rules.goalVariable;
      const read = goalName === null ? null : readBoolean((merged as Record<string, unknown>)[goalName]);
      const goal = read === null ? null : read ? 1 : 0;
      await tx.run('UPDATE calls SET variables = $1, goal = $2 WHERE id = $3', [
        JSON.stringify(merged),
        goal,
        call.id,
      ]);
      tx.counters.callChanged(call.campaign_id, call, { ...call, goal });
      const optedOut = reportsOptOut(variables, ctx.assistant.opt_out_variable);
      if (optedOut) await optOut(tx, call, now);
      // After an opt-out the lead is no longer processing: the decision only settles the call.
      if (call.phase === 'awaiting_variables') {
        await decide(tx, { ...call, goal }, await lockLead(tx, call.lead_id), ctx, true, now);
      }
      if (optedOut || call.phase === 'awaiting_variables') await completeIfDone(tx, call.campaign_id, now);
    },

    /** The wait for variables ran out: the goal counts as not met (DESIGN §2.7). */
    async timeOutVariables(tx: PgTx, call: CallRow, now: number): Promise<void> {
      const ctx = await contextOf(tx, call.campaign_id);
      if (!ctx) return;
      await decide(tx, call, await lockLead(tx, call.lead_id), ctx, true, now);
      await completeIfDone(tx, call.campaign_id, now);
    },
  };
}

export type PgSettlement = ReturnType<typeof createPgSettlement>;
