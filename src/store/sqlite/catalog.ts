import type Database from 'better-sqlite3';
import { DEFAULT_OPT_OUT_VARIABLE } from '../../domain/do-not-call.js';
import type { Account, Campaign, PhoneNumber } from '../../domain/entities.js';
import type { DeleteOutcome, NewAssistant, Store } from '../../engine/ports/store.js';
import {
  toAccount,
  toAssistant,
  toCampaign,
  toLedgerEntry,
  toPhoneNumber,
  type AccountRow,
  type AssistantRow,
  type CampaignRow,
  type LedgerEntryRow,
  type PhoneNumberRow,
} from './rows.js';

/** The Store's catalogue methods (shared with the PostgreSQL store). */
export type CatalogMethods =
  | 'createAccount'
  | 'creditAccount'
  | 'getAccount'
  | 'listLedgerEntries'
  | 'createPhoneNumber'
  | 'getPhoneNumber'
  | 'listPhoneNumbers'
  | 'deletePhoneNumber'
  | 'createAssistant'
  | 'getAssistant'
  | 'listAssistants'
  | 'updateAssistant'
  | 'createCampaign'
  | 'getCampaign'
  | 'listCampaigns'
  | 'updateCampaignSettings'
  | 'deleteCampaign'
  | 'listActiveCampaignIds'
  | 'listCampaignIds';

/** The opt-out variable an assistant is stored with: the default one when it was created without one. */
export const optOutVariableOf = (a: NewAssistant): string | null =>
  a.optOutVariable === undefined ? DEFAULT_OPT_OUT_VARIABLE : a.optOutVariable;

/**
 * What an account owns (DESIGN §1): the account and its ledger, phone numbers, assistants and campaigns. Lists are
 * paged by id (`after` exclusive), except the ledger, which pages in the order written.
 */
export function createCatalog(db: Database.Database): Pick<Store, CatalogMethods> {
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
    // The cursor entry's rowid is its place in the order written; an unknown cursor (or another account's) gives
    // NULL, so an empty page rather than someone else's entries.
    ledgerEntries: db.prepare<[string, string | null, string | null, string, number], LedgerEntryRow>(
      `SELECT * FROM ledger_entries INDEXED BY ledger_entries_written
        WHERE account_id = ?
          AND rowid > CASE WHEN ? IS NULL THEN 0
                           ELSE (SELECT rowid FROM ledger_entries WHERE id = ? AND account_id = ?) END
        ORDER BY rowid LIMIT ?`,
    ),
    insertPhone: db.prepare(
      `INSERT INTO phone_numbers (id, account_id, number, provider, provider_ref, label, calls_per_second, created_at)
       VALUES (@id, @accountId, @number, @provider, @providerRef, @label, @callsPerSecond, @createdAt)`,
    ),
    phone: db.prepare<[string], PhoneNumberRow>('SELECT * FROM phone_numbers WHERE id = ?'),
    phones: db.prepare<[string, string, number], PhoneNumberRow>(
      'SELECT * FROM phone_numbers WHERE account_id = ? AND id > ? ORDER BY id LIMIT ?',
    ),
    phoneInUse: db.prepare<[string], { one: number }>(
      'SELECT 1 AS one FROM assistants WHERE phone_number_id = ? LIMIT 1',
    ),
    deletePhone: db.prepare('DELETE FROM phone_numbers WHERE id = ?'),
    insertAssistant: db.prepare(
      `INSERT INTO assistants (id, account_id, name, provider, provider_assistant_id, phone_number_id, timezone,
         rate_micro_per_minute, max_call_minutes, variables, opt_out_variable, created_at)
       VALUES (@id, @accountId, @name, @provider, @providerAssistantId, @phoneNumberId, @timezone,
         @microPerMinute, @maxCallMinutes, @variables, @optOutVariable, @createdAt)`,
    ),
    // The rate's currency is the account's: an assistant cannot charge in another one.
    updateAssistant: db.prepare(
      `UPDATE assistants SET name = @name, provider = @provider, provider_assistant_id = @providerAssistantId,
         phone_number_id = @phoneNumberId, timezone = @timezone, rate_micro_per_minute = @microPerMinute,
         max_call_minutes = @maxCallMinutes, variables = @variables, opt_out_variable = @optOutVariable
       WHERE id = @id`,
    ),
    assistant: db.prepare<[string], AssistantRow & { currency: string }>(
      `SELECT a.*, acc.currency FROM assistants a JOIN accounts acc ON acc.id = a.account_id WHERE a.id = ?`,
    ),
    assistants: db.prepare<[string, string, number], AssistantRow & { currency: string }>(
      `SELECT a.*, acc.currency FROM assistants a JOIN accounts acc ON acc.id = a.account_id
        WHERE a.account_id = ? AND a.id > ? ORDER BY a.id LIMIT ?`,
    ),
    insertCampaign: db.prepare(
      `INSERT INTO campaigns (id, account_id, assistant_id, status, pause_reason, settings, created_at, started_at, ended_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    // Every campaign has its counters row from the start (campaign-counters.ts).
    insertCounters: db.prepare('INSERT INTO campaign_counters (campaign_id) VALUES (?)'),
    campaign: db.prepare<[string], CampaignRow>('SELECT * FROM campaigns WHERE id = ?'),
    campaigns: db.prepare<[string, string, number], CampaignRow>(
      'SELECT * FROM campaigns WHERE account_id = ? AND id > ? ORDER BY id LIMIT ?',
    ),
    updateSettings: db.prepare('UPDATE campaigns SET settings = ? WHERE id = ?'),
    // Contacts before leads before the campaign: each refers to the next. Its counters go with it.
    deleteContacts: db.prepare('DELETE FROM contacts WHERE campaign_id = ?'),
    deleteLeads: db.prepare('DELETE FROM leads WHERE campaign_id = ?'),
    deleteCounters: db.prepare('DELETE FROM campaign_counters WHERE campaign_id = ?'),
    deleteCampaign: db.prepare('DELETE FROM campaigns WHERE id = ?'),
    campaignIds: db.prepare<[], { id: string }>('SELECT id FROM campaigns ORDER BY id'),
    activeCampaigns: db.prepare<[], { id: string }>(
      "SELECT id FROM campaigns WHERE status = 'active' ORDER BY id",
    ),
  };

  const assistantParams = (a: NewAssistant) => ({
    id: a.id,
    accountId: a.accountId,
    name: a.name,
    provider: a.provider,
    providerAssistantId: a.providerAssistantId,
    phoneNumberId: a.phoneNumberId,
    timezone: a.timezone,
    microPerMinute: a.rate.microPerMinute,
    maxCallMinutes: a.maxCallMinutes,
    variables: JSON.stringify(a.variables),
    optOutVariable: optOutVariableOf(a),
    createdAt: a.createdAt,
  });

  const creditTx = db.transaction(
    (entry: { id: string; accountId: string; amountMinor: number; note: string | null; now: number }) => {
      q.credit.run(entry.amountMinor, entry.accountId);
      q.ledger.run(entry.id, entry.accountId, entry.amountMinor, entry.note, entry.now);
      return toAccount(q.account.get(entry.accountId)!);
    },
  );

  const createCampaignTx = db.transaction((c: Campaign) => {
    q.insertCampaign.run(
      c.id,
      c.accountId,
      c.assistantId,
      c.status,
      c.pauseReason,
      JSON.stringify(c.settings),
      c.createdAt,
      c.startedAt,
      c.endedAt,
    );
    q.insertCounters.run(c.id);
  });

  const deletePhoneTx = db.transaction((id: string): DeleteOutcome<'phone_number_in_use'> => {
    if (!q.phone.get(id)) return { ok: false, code: 'not_found' };
    if (q.phoneInUse.get(id)) return { ok: false, code: 'phone_number_in_use' };
    q.deletePhone.run(id);
    return { ok: true };
  });

  // Only a draft: a started campaign has calls, charges and events that are the account's history (DESIGN §2.8).
  const deleteCampaignTx = db.transaction((id: string): DeleteOutcome<'campaign_not_deletable'> => {
    const campaign = q.campaign.get(id);
    if (!campaign) return { ok: false, code: 'not_found' };
    if (campaign.status !== 'draft') return { ok: false, code: 'campaign_not_deletable' };
    q.deleteContacts.run(id);
    q.deleteLeads.run(id);
    q.deleteCounters.run(id);
    q.deleteCampaign.run(id);
    return { ok: true };
  });

  return {
    createAccount: async (account: Account) => void q.insertAccount.run(account),
    creditAccount: async (entry) => creditTx.immediate(entry),
    getAccount: async (id) => {
      const row = q.account.get(id);
      return row ? toAccount(row) : null;
    },
    listLedgerEntries: async (accountId, page) =>
      q.ledgerEntries.all(accountId, page.after, page.after, accountId, page.limit).map(toLedgerEntry),

    createPhoneNumber: async (phone: PhoneNumber) => void q.insertPhone.run(phone),
    getPhoneNumber: async (id) => {
      const row = q.phone.get(id);
      return row ? toPhoneNumber(row) : null;
    },
    listPhoneNumbers: async (accountId, page) =>
      q.phones.all(accountId, page.after ?? '', page.limit).map(toPhoneNumber),
    deletePhoneNumber: async (id) => deletePhoneTx.immediate(id),

    createAssistant: async (a) => void q.insertAssistant.run(assistantParams(a)),
    getAssistant: async (id) => {
      const row = q.assistant.get(id);
      return row ? toAssistant(row, row.currency) : null;
    },
    listAssistants: async (accountId, page) =>
      q.assistants.all(accountId, page.after ?? '', page.limit).map((row) => toAssistant(row, row.currency)),
    updateAssistant: async (a) => void q.updateAssistant.run(assistantParams(a)),

    createCampaign: async (c) => createCampaignTx.immediate(c),
    getCampaign: async (id) => {
      const row = q.campaign.get(id);
      return row ? toCampaign(row) : null;
    },
    listCampaigns: async (accountId, page) =>
      q.campaigns.all(accountId, page.after ?? '', page.limit).map(toCampaign),
    updateCampaignSettings: async (id, settings) => void q.updateSettings.run(JSON.stringify(settings), id),
    deleteCampaign: async (id) => deleteCampaignTx.immediate(id),
    listActiveCampaignIds: async () => q.activeCampaigns.all().map((r) => r.id),
    listCampaignIds: async () => q.campaignIds.all().map((r) => r.id),
  };
}
