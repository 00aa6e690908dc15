import type { NewAssistant, Store } from '../../engine/ports/store.js';
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
} from '../sqlite/rows.js';
import { optOutVariableOf, type CatalogMethods } from '../sqlite/catalog.js';
import type { PgDatabase } from './pg-database.js';

const ASSISTANT = 'SELECT a.*, acc.currency FROM assistants a JOIN accounts acc ON acc.id = a.account_id';

const assistantValues = (a: NewAssistant) => [
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
  optOutVariableOf(a),
  a.createdAt,
];

/** What an account owns (DESIGN §1), on PostgreSQL: lists paged by id, the ledger in the order written. */
export function createPgCatalog(db: PgDatabase): Pick<Store, CatalogMethods> {
  const q = db.queries;
  return {
    createAccount: async (a) =>
      void (await q.run(
        `INSERT INTO accounts (id, name, currency, balance_minor, reserved_minor, minimum_start_balance_minor, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [a.id, a.name, a.currency, a.balanceMinor, a.reservedMinor, a.minimumStartBalanceMinor, a.createdAt],
      )),
    creditAccount: (entry) =>
      db.transaction(async (tx) => {
        const row = await tx.row<AccountRow>(
          'UPDATE accounts SET balance_minor = balance_minor + $1 WHERE id = $2 RETURNING *',
          [entry.amountMinor, entry.accountId],
        );
        await tx.run(
          `INSERT INTO ledger_entries (id, account_id, kind, amount_minor, call_id, note, created_at)
           VALUES ($1, $2, 'credit', $3, NULL, $4, $5)`,
          [entry.id, entry.accountId, entry.amountMinor, entry.note, entry.now],
        );
        return toAccount(row!);
      }),
    getAccount: async (id) => {
      const row = await q.row<AccountRow>('SELECT * FROM accounts WHERE id = $1', [id]);
      return row ? toAccount(row) : null;
    },
    // An unknown cursor (or another account's) gives an empty page rather than someone else's entries.
    listLedgerEntries: async (accountId, page) =>
      (
        await q.rows<LedgerEntryRow>(
          `SELECT * FROM ledger_entries WHERE account_id = $1
              AND seq > CASE WHEN $2::text IS NULL THEN 0
                             ELSE coalesce((SELECT seq FROM ledger_entries WHERE id = $2 AND account_id = $1),
                                           9223372036854775807) END
            ORDER BY seq LIMIT $3`,
          [accountId, page.after, page.limit],
        )
      ).map(toLedgerEntry),

    createPhoneNumber: async (p) =>
      void (await q.run(
        `INSERT INTO phone_numbers (id, account_id, number, provider, provider_ref, label, calls_per_second, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [p.id, p.accountId, p.number, p.provider, p.providerRef, p.label, p.callsPerSecond, p.createdAt],
      )),
    getPhoneNumber: async (id) => {
      const row = await q.row<PhoneNumberRow>('SELECT * FROM phone_numbers WHERE id = $1', [id]);
      return row ? toPhoneNumber(row) : null;
    },
    listPhoneNumbers: async (accountId, page) =>
      (
        await q.rows<PhoneNumberRow>(
          'SELECT * FROM phone_numbers WHERE account_id = $1 AND id > $2 ORDER BY id LIMIT $3',
          [accountId, page.after ?? '', page.limit],
        )
      ).map(toPhoneNumber),
    deletePhoneNumber: (id) =>
      db.transaction(async (tx) => {
        if (!(await tx.row('SELECT 1 FROM phone_numbers WHERE id = $1 FOR NO KEY UPDATE', [id]))) {
          return { ok: false, code: 'not_found' } as const;
        }
        if (await tx.row('SELECT 1 FROM assistants WHERE phone_number_id = $1 LIMIT 1', [id])) {
          return { ok: false, code: 'phone_number_in_use' } as const;
        }
        await tx.run('DELETE FROM phone_numbers WHERE id = $1', [id]);
        return { ok: true } as const;
      }),

    createAssistant: async (a) =>
      void (await q.run(
        `INSERT INTO assistants (id, account_id, name, provider, provider_assistant_id, phone_number_id, timezone,
           rate_micro_per_minute, max_call_minutes, variables, opt_out_variable, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
        assistantValues(a),
      )),
    getAssistant: async (id) => {
      const row = await q.row<AssistantRow & { currency: string }>(`${ASSISTANT} WHERE a.id = $1`, [id]);
      return row ? toAssistant(row, row.currency) : null;
    },
    listAssistants: async (accountId, page) =>
      (
        await q.rows<AssistantRow & { currency: string }>(
          `${ASSISTANT} WHERE a.account_id = $1 AND a.id > $2 ORDER BY a.id LIMIT $3`,
          [accountId, page.after ?? '', page.limit],
        )
      ).map((row) => toAssistant(row, row.currency)),
    // The rate's currency is the account's: an assistant cannot charge in another one.
    updateAssistant: async (a) =>
      void (await q.run(
        `UPDATE assistants SET name = $2, provider = $3, provider_assistant_id = $4, phone_number_id = $5,
           timezone = $6, rate_micro_per_minute = $7, max_call_minutes = $8, variables = $9,
           opt_out_variable = $10
         WHERE id = $1`,
        [a.id, ...assistantValues(a).slice(2, 11)],
      )),

    createCampaign: (c) =>
      db.transaction(async (tx) => {
        await tx.run(
          `INSERT INTO campaigns (id, account_id, assistant_id, status, pause_reason, settings, created_at, started_at,
             ended_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
          [
            c.id,
            c.accountId,
            c.assistantId,
            c.status,
            c.pauseReason,
            JSON.stringify(c.settings),
            c.createdAt,
            c.startedAt,
            c.endedAt,
          ],
        );
        await tx.run('INSERT INTO campaign_counters (campaign_id) VALUES ($1)', [c.id]);
      }),
    getCampaign: async (id) => {
      const row = await q.row<CampaignRow>('SELECT * FROM campaigns WHERE id = $1', [id]);
      return row ? toCampaign(row) : null;
    },
    listCampaigns: async (accountId, page) =>
      (
        await q.rows<CampaignRow>(
          'SELECT * FROM campaigns WHERE account_id = $1 AND id > $2 ORDER BY id LIMIT $3',
          [accountId, page.after ?? '', page.limit],
        )
      ).map(toCampaign),
    updateCampaignSettings: (id, settings) =>
      db.transaction(async (tx) => {
        await tx.run('UPDATE campaigns SET settings = $1 WHERE id = $2', [JSON.stringify(settings), id]);
        tx.wake(id);
      }),
    // Only a draft: a started campaign has calls, charges and events that are the account's history (DESIGN §2.8).
    deleteCampaign: (id) =>
      db.transaction(async (tx) => {
        const campaign = await tx.row<CampaignRow>(
          'SELECT * FROM campaigns WHERE id = $1 FOR NO KEY UPDATE',
          [id],
        );
        if (!campaign) return { ok: false, code: 'not_found' } as const;
        if (campaign.status !== 'draft') return { ok: false, code: 'campaign_not_deletable' } as const;
        await tx.run('DELETE FROM contacts WHERE campaign_id = $1', [id]);
        await tx.run('DELETE FROM leads WHERE campaign_id = $1', [id]);
        await tx.run('DELETE FROM campaign_counters WHERE campaign_id = $1', [id]);
        await tx.run('DELETE FROM campaigns WHERE id = $1', [id]);
        return { ok: true } as const;
      }),
    listActiveCampaignIds: async () =>
      (await q.rows<{ id: string }>("SELECT id FROM campaigns WHERE status = 'active' ORDER BY id")).map(
        (r) => r.id,
      ),
    listCampaignIds: async () =>
      (await q.rows<{ id: string }>('SELECT id FROM campaigns ORDER BY id')).map((r) => r.id),
  };
}
