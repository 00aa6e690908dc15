import Database from 'better-sqlite3';
import { CALL_STATUSES, type CallStatus } from '../../domain/call-status.js';
import type { Account, Assistant, Campaign, PhoneNumber } from '../../domain/entities.js';
import { LEAD_STATUSES, type LeadStatus } from '../../domain/lead-status.js';
import { formatAmount } from '../../domain/money.js';
import type { CampaignSettings } from '../../domain/settings.js';
import { checkStartRequirements } from '../../domain/start-requirements.js';
import type {
  PlacedAttempt,
  CampaignReport,
  CampaignTransitionOutcome,
  CampaignTransitionRequest,
  Store,
} from '../../engine/ports/store.js';
import { createCallEvents } from './call-events.js';
import { createCallSettlement } from './call-settlement.js';
import { createCampaignContexts } from './campaign-context.js';
import { createCampaignState } from './campaign-state.js';
import { createClaim } from './claim.js';
import { createLeadState } from './lead-state.js';
import { createLeadWrites } from './leads.js';
import { migrateSqlite } from './migrate.js';
import { createOutbox } from './outbox.js';
import {
  toAccount,
  toAssistant,
  toCall,
  toCampaign,
  toContact,
  toLead,
  type AccountRow,
  type AssistantRow,
  type CallRow,
  type CampaignRow,
  type ContactRow,
  type LeadRow,
} from './rows.js';

/**
 * Opens (creating and migrating) a SQLite database: a file path, or `:memory:`. WAL lets readers run beside the
 * one writer; `synchronous = NORMAL` in WAL keeps every commit across a process crash (DESIGN §2.10.3) and only
 * risks the last commits on a power loss, the trade better-sqlite3 documents.
 */
export function openSqliteDatabase(path: string): Database.Database {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrateSqlite(db);
  return db;
}

/** The Store port on SQLite: the embedded default (DESIGN §5). One writer at a time, so one dialer process. */
export function createSqliteStore(db: Database.Database): Store {
  const outbox = createOutbox(db);
  const leadState = createLeadState(db, outbox);
  const campaigns = createCampaignState(db, outbox);
  const contexts = createCampaignContexts(db);
  const settlement = createCallSettlement(db, outbox, leadState, campaigns, contexts);
  const callEvents = createCallEvents(db, settlement);
  const claim = createClaim(db, contexts, campaigns, leadState, outbox);
  const leadWrites = createLeadWrites(db, campaigns, leadState);

  const q = {
    insertAccount: db.prepare(
      `INSERT INTO accounts (id, name, currency, balance_minor, reserved_minor, minimum_start_balance_minor, created_at)
       VALUES (@id, @name, @currency, @balanceMinor, @reservedMinor, @minimumStartBalanceMinor, @createdAt)`,
    ),
    account: db.prepare<[string], AccountRow>('SELECT * FROM accounts WHERE id = ?'),
    credit: db.prepare('UPDATE accounts SET balance_minor = balance_minor + ? WHERE id = ?'),
    ledger: db.prepare(
      `INSERT INTO ledger_entries (id, account_id, kind, amount_minor, call_id, note, created_at)
       VALUES (?, ?, 'credit', ?, NULL, ?, ?)`,
    ),
    insertPhone: db.prepare(
      `INSERT INTO phone_numbers (id, account_id, number, provider, provider_ref, label, calls_per_second, created_at)
       VALUES (@id, @accountId, @number, @provider, @providerRef, @label, @callsPerSecond, @createdAt)`,
    ),
    insertAssistant: db.prepare(
      `INSERT INTO assistants (id, account_id, name, provider, provider_assistant_id, phone_number_id, timezone,
         rate_micro_per_minute, max_call_minutes, variables, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    assistant: db.prepare<[string], AssistantRow & { currency: string }>(
      `SELECT a.*, acc.currency FROM assistants a JOIN accounts acc ON acc.id = a.account_id WHERE a.id = ?`,
    ),
    insertCampaign: db.prepare(
      `INSERT INTO campaigns (id, account_id, assistant_id, status, pause_reason, settings, created_at, started_at, ended_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    campaign: db.prepare<[string], CampaignRow>('SELECT * FROM campaigns WHERE id = ?'),
    updateSettings: db.prepare('UPDATE campaigns SET settings = ? WHERE id = ?'),
    events: db.prepare<
      [string | null, string | null, number, number],
      {
        seq: number;
        account_id: string;
        campaign_id: string | null;
        type: string;
        payload: string;
        created_at: number;
      }
    >('SELECT * FROM events WHERE (? IS NULL OR campaign_id = ?) AND seq > ? ORDER BY seq LIMIT ?'),
    campaignIds: db.prepare<[], { id: string }>('SELECT id FROM campaigns ORDER BY id'),
    lastActivity: db.prepare<[], { at: number | null }>('SELECT max(created_at) AS at FROM events'),
    activeCampaigns: db.prepare<[], { id: string }>(
      "SELECT id FROM campaigns WHERE status = 'active' ORDER BY id",
    ),
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
    callableLeads: db.prepare<[string], { n: number }>(
      `SELECT count(*) AS n FROM leads WHERE campaign_id = ? AND status IN ('created', 'scheduled', 'rescheduled')`,
    ),
    scheduleCreated: db.prepare(
      `UPDATE leads SET status = 'scheduled', next_attempt_at = ?, updated_at = ?,
         next_contact_id = (SELECT id FROM contacts WHERE lead_id = leads.id AND dead = 0 ORDER BY position LIMIT 1)
       WHERE campaign_id = ? AND status = 'created'`,
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
    leads: db.prepare<[string, string | null, string | null, string, number], LeadRow>(
      `SELECT * FROM leads WHERE campaign_id = ? AND (? IS NULL OR status = ?) AND id > ? ORDER BY id LIMIT ?`,
    ),
    contacts: db.prepare<[string], ContactRow>('SELECT * FROM contacts WHERE lead_id = ? ORDER BY position'),
    leadCounts: db.prepare<[string], { status: LeadStatus; n: number }>(
      'SELECT status, count(*) AS n FROM leads WHERE campaign_id = ? GROUP BY status',
    ),
    callCounts: db.prepare<
      [string],
      { status: CallStatus; n: number; voicemail: number; goal: number; cost: number }
    >(
      `SELECT status, count(*) AS n, sum(answered_by = 'machine' AND status = 'completed') AS voicemail,
              sum(goal = 1) AS goal, sum(cost_minor) AS cost
         FROM calls WHERE campaign_id = ? GROUP BY status`,
    ),
    calls: db.prepare<
      [string, string, number],
      CallRow & { lead_name: string | null; phone: string; position: number }
    >(
      `SELECT calls.*, leads.name AS lead_name, contacts.phone, contacts.position
         FROM calls JOIN leads ON leads.id = calls.lead_id JOIN contacts ON contacts.id = calls.contact_id
        WHERE calls.campaign_id = ? AND calls.id > ? ORDER BY calls.id LIMIT ?`,
    ),
  };

  const creditTx = db.transaction(
    (entry: { id: string; accountId: string; amountMinor: number; note: string | null; now: number }) => {
      q.credit.run(entry.amountMinor, entry.accountId);
      q.ledger.run(entry.id, entry.accountId, entry.amountMinor, entry.note, entry.now);
      return toAccount(q.account.get(entry.accountId)!);
    },
  );

  const transitionTx = db.transaction((request: CampaignTransitionRequest): CampaignTransitionOutcome => {
    const campaign = q.campaign.get(request.campaignId);
    if (!campaign) return { ok: false, code: 'not_found' };
    if (request.action === 'start' && campaign.status === 'draft') {
      const facts = q.startFacts.get(campaign.id)!;
      const unmet = checkStartRequirements({
        assistantHasPhoneNumber: facts.has_number === 1,
        provider: facts.provider,
        providerConfigured: request.providerConfigured ?? false,
        balanceMinor: facts.balance_minor,
        minimumStartBalanceMinor: facts.minimum_start_balance_minor,
        formatAmount: (minor) => `${formatAmount(minor, facts.currency)} ${facts.currency}`,
        callableLeads: q.callableLeads.get(campaign.id)!.n,
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
    if (request.action === 'start') q.scheduleCreated.run(request.now, request.now, campaign.id);
    // Leads may all have finished while the campaign was paused: then resuming completes it.
    if (request.action === 'resume') campaigns.completeIfDone(campaign.id, request.now);
    return { ok: true, campaign: toCampaign(q.campaign.get(campaign.id)!) };
  });

  const markPlacedTx = db.transaction((calls: readonly PlacedAttempt[]) => {
    for (const call of calls) q.markPlaced.run(call.providerCallId, call.reconcileAt, call.callId);
  });

  const abandonTx = db.transaction((callId: string, retryAt: number, now: number) => {
    const call = q.call.get(callId);
    if (!call || call.phase !== 'dialing') return;
    q.deleteCall.run(call.id);
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

    createAccount: async (account: Account) => void q.insertAccount.run(account),
    creditAccount: async (entry) => creditTx.immediate(entry),
    getAccount: async (id) => {
      const row = q.account.get(id);
      return row ? toAccount(row) : null;
    },
    createPhoneNumber: async (phone: PhoneNumber) => void q.insertPhone.run(phone),
    createAssistant: async (a: Assistant) =>
      void q.insertAssistant.run(
        a.id,
        a.accountId,
        a.name,
        a.provider,
        a.providerAssistantId,
        a.phoneNumberId,
        a.timezone,
        a.rate.microPerMinute,
        a.maxCallMinutes,
        JSON.stringify(a.variables),
        a.createdAt,
      ),
    getAssistant: async (id) => {
      const row = q.assistant.get(id);
      return row ? toAssistant(row, row.currency) : null;
    },
    createCampaign: async (c: Campaign) =>
      void q.insertCampaign.run(
        c.id,
        c.accountId,
        c.assistantId,
        c.status,
        c.pauseReason,
        JSON.stringify(c.settings),
        c.createdAt,
        c.startedAt,
        c.endedAt,
      ),
    getCampaign: async (id) => {
      const row = q.campaign.get(id);
      return row ? toCampaign(row) : null;
    },
    updateCampaignSettings: async (id: string, settings: CampaignSettings) =>
      void q.updateSettings.run(JSON.stringify(settings), id),

    addLeads: async (campaignId, leads, now) => {
      const campaign = q.campaign.get(campaignId);
      if (!campaign) throw new Error(`campaign ${campaignId} does not exist`);
      return leadWrites.add(campaign, leads, now);
    },
    transitionCampaign: async (request) => transitionTx.immediate(request),
    overrideLeadStatus: async (leadId, to, now) => leadWrites.override(leadId, to, now),
    listActiveCampaignIds: async () => q.activeCampaigns.all().map((r) => r.id),
    listCampaignIds: async () => q.campaignIds.all().map((r) => r.id),
    lastActivityAt: async () => q.lastActivity.get()?.at ?? null,

    claimAttempts: async (request) => claim(request),
    markCallsPlaced: async (calls) => markPlacedTx.immediate(calls),
    abandonAttempt: async (callId, retryAt, now) => abandonTx.immediate(callId, retryAt, now),
    applyCallEvent: async (event, now) => callEvents.apply(event, now),
    applyCallEvents: async (events, now) => callEvents.applyMany(events, now),
    resolveCall: async (callId, resolution, now) => callEvents.resolve(callId, resolution, now),
    claimOverdueCalls: async (now, limit, workerId, leaseMs) =>
      callEvents.claimOverdue(now, limit, workerId, leaseMs),
    nextCallDeadline: async () => callEvents.nextDeadline(),

    getLead: async (leadId) => {
      const lead = q.lead.get(leadId);
      return lead ? { lead: toLead(lead), contacts: q.contacts.all(leadId).map(toContact) } : null;
    },
    listLeads: async (campaignId, page) =>
      q.leads.all(campaignId, page.status, page.status, page.after ?? '', page.limit).map(toLead),
    campaignReport: async (campaignId): Promise<CampaignReport> => {
      const leadsByStatus = Object.fromEntries(LEAD_STATUSES.map((s) => [s, 0])) as Record<
        LeadStatus,
        number
      >;
      for (const row of q.leadCounts.all(campaignId)) leadsByStatus[row.status] = row.n;
      const callsByStatus = Object.fromEntries(CALL_STATUSES.map((s) => [s, 0])) as Record<
        CallStatus,
        number
      >;
      let voicemail = 0;
      let goalAchieved = 0;
      let costMinor = 0;
      for (const row of q.callCounts.all(campaignId)) {
        callsByStatus[row.status] = row.n;
        voicemail += row.voicemail;
        goalAchieved += row.goal;
        costMinor += row.cost;
      }
      const inFlight = q.campaign.get(campaignId)?.in_flight ?? 0;
      return { leadsByStatus, callsByStatus, voicemail, goalAchieved, costMinor, inFlight };
    },
    listCalls: async (campaignId, page) =>
      q.calls.all(campaignId, page.after ?? '', page.limit).map((row) => ({
        ...toCall(row),
        leadName: row.lead_name,
        contactPhone: row.phone,
        contactPosition: row.position,
      })),

    listEvents: async ({ campaignId, after, limit }) =>
      q.events.all(campaignId, campaignId, after, limit).map((row) => ({
        seq: row.seq,
        accountId: row.account_id,
        campaignId: row.campaign_id,
        type: row.type,
        payload: JSON.parse(row.payload) as Record<string, unknown>,
        createdAt: row.created_at,
      })),

    close: async () => void db.close(),
  };
}
