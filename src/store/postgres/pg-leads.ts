import { Readable } from 'node:stream';
import type { AddLeadsResult, LeadOverrideOutcome, NewLead } from '../../engine/ports/store.js';
import { toLead, type LeadRow } from '../sqlite/rows.js';
import { completeIfDone, lockCampaign, writeTransition } from './pg-campaign-state.js';
import type { PgDatabase, PgTx } from './pg-database.js';
import { changeLead } from './pg-lead-state.js';
import type { SqlValue } from './pg-queries.js';

/** Batches of at least this many contacts are staged with COPY; smaller ones go inline as arrays. */
const COPY_FROM_CONTACTS = 2_000;

const STAGED_COLUMNS = 'lead_index, position, lead_id, name, external_id, fields, contact_id, phone';
const INLINE = `SELECT * FROM unnest($7::int[], $8::int[], $9::text[], $10::text[], $11::text[], $12::text[], $13::text[],
  $14::text[]) AS s (${STAGED_COLUMNS})`;

/**
 * The set-based insert with dedup and the do-not-call list (DESIGN §2.4), from staged rows (one per contact, in
 * batch order). A number is new (`fresh`) on its first row in the batch unless the campaign already has it; a new
 * number is kept unless it is on the account's do-not-call list. One person, one lead: a kept number goes to the
 * campaign's lead with its external id (after that lead's numbers), else to the batch's first lead with that
 * external id that keeps one, else to its own lead, which is then created. Contacts are numbered from 0 per lead,
 * as on SQLite. The leads, their contacts, and what was a duplicate or suppressed, in batch order.
 *
 * In steps, each a query over the one before: `judged` (every staged row, `fresh` and `kept`), `kept` (the kept
 * rows with their `owner` lead, `merged` into a lead of the campaign or not, and their position `pos`), then the
 * two inserts and the report. A small batch runs them as one statement (`insertInline`); a staged one as separate
 * statements over temporary tables (`insertStagedSteps`), which a million rows need: in one statement the
 * foreign-key checks of both inserts wait for its end and read back rows long evicted from the buffers, and the
 * steps between were kept in spilling tuple stores (1,000,000 leads: 21 s in steps, 30 s in one statement).
 *
 * The windows only group (numbers, people, owners), so they sort under the "C" collation: equality is the same
 * under every deterministic collation, and the byte order is several times cheaper to sort in than the database's
 * (a million numbers: 0.9 s instead of 2.2 s).
 */
const judge = (staged: string, campaign: string, account: string) => `WITH ranked AS (
    SELECT s.*, row_number() OVER (PARTITION BY s.phone COLLATE "C" ORDER BY s.lead_index, s.position) = 1
             AND NOT EXISTS (SELECT 1 FROM contacts c WHERE c.campaign_id = ${campaign} AND c.phone = s.phone) AS fresh
      FROM (${staged}) s)
  SELECT r.*,
         r.fresh AND NOT EXISTS (SELECT 1 FROM do_not_call d WHERE d.account_id = ${account} AND d.phone = r.phone)
           AS kept
    FROM ranked r`;

const own = (judged: string, campaign: string) => `WITH people AS (
    SELECT DISTINCT ON (l.external_id) l.external_id, l.id,
           (SELECT coalesce(max(c.position) + 1, 0) FROM contacts c WHERE c.lead_id = l.id) AS next_position
      FROM leads l
     WHERE l.campaign_id = ${campaign}
       AND l.external_id IN (SELECT external_id FROM ${judged} WHERE kept AND external_id IS NOT NULL)
     ORDER BY l.external_id, l.id),
  owned AS (
    SELECT j.*, p.id IS NOT NULL AS merged, coalesce(p.next_position, 0) AS first_position,
           coalesce(p.id, first_value(j.lead_id) OVER (PARTITION BY coalesce(j.external_id, j.lead_id) COLLATE "C"
                                                        ORDER BY j.lead_index, j.position)) AS owner
      FROM ${judged} j LEFT JOIN people p ON p.external_id = j.external_id
     WHERE j.kept)
  SELECT *, first_position + row_number() OVER (PARTITION BY owner COLLATE "C"
                                                ORDER BY lead_index, position) - 1 AS pos
    FROM owned`;

/** $1 campaign, $2 status, $3 next attempt, $4 started (the first contact is next), $5 now. */
const insertLeads = (kept: string) => `INSERT INTO leads (id, campaign_id, name, external_id, fields, status,
    next_attempt_at, next_contact_id, created_at, updated_at)
  SELECT lead_id, $1, name, external_id, fields, $2, $3, CASE WHEN $4 THEN contact_id END, $5, $5
    FROM ${kept} WHERE NOT merged AND pos = 0 ORDER BY lead_index`;

/** $1 campaign. */
const insertContacts = (kept: string) => `INSERT INTO contacts (id, lead_id, campaign_id, position, phone)
  SELECT contact_id, owner, $1, pos, phone FROM ${kept}`;

const report = (judged: string) => `
  (SELECT coalesce(json_agg(json_build_array(lead_index, phone) ORDER BY lead_index, position), '[]')
     FROM ${judged} WHERE NOT fresh)::text AS duplicates,
  (SELECT coalesce(json_agg(json_build_array(lead_index, phone) ORDER BY lead_index, position), '[]')
     FROM ${judged} WHERE fresh AND NOT kept)::text AS suppressed`;

/** One statement (a data-modifying WITH runs whether or not it is read); $6 the account, then the rows' arrays. */
const insertInline = `WITH judged AS (${judge(INLINE, '$1', '$6')}),
  kept AS (${own('judged', '$1')}),
  new_leads AS (${insertLeads('kept')} RETURNING 1),
  new_contacts AS (${insertContacts('kept')})
  SELECT (SELECT count(*) FROM new_leads) AS created, ${report('judged')}`;

/** The steps over the staging table, in order; the last reads the report. */
const insertStagedSteps = {
  judge: `CREATE TEMP TABLE lead_judged ON COMMIT DROP AS ${judge('SELECT * FROM lead_staging', '$1', '$2')}`,
  own: `CREATE TEMP TABLE lead_kept ON COMMIT DROP AS ${own('lead_judged', '$1')}`,
  leads: insertLeads('lead_kept'),
  contacts: insertContacts('lead_kept'),
  report: `SELECT ${report('lead_judged')}`,
};

const STAGING_TABLE = `CREATE TEMP TABLE lead_staging (lead_index int, position int, lead_id text, name text,
  external_id text, fields text, contact_id text, phone text) ON COMMIT DROP`;

/** One staged row per contact of the batch. */
function* stagedRows(batch: readonly NewLead[]) {
  for (let index = 0; index < batch.length; index += 1) {
    const lead = batch[index]!;
    const fields = JSON.stringify(lead.fields);
    for (let position = 0; position < lead.contacts.length; position += 1) {
      const contact = lead.contacts[position]!;
      yield [
        index,
        position,
        lead.id,
        lead.name,
        lead.externalId,
        fields,
        contact.id,
        contact.phone,
      ] as const;
    }
  }
}

/** COPY's text format: tab-separated, `\N` for null, backslash escapes for the characters it gives meaning to. */
const COPY_SPECIAL = /[\\\t\n\r]/;
const copyField = (value: string | null) =>
  value === null
    ? '\\N'
    : COPY_SPECIAL.test(value)
      ? value.replace(/[\\\t\n\r]/g, (c) => ({ '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' })[c]!)
      : value;

/** The staged rows as COPY text, in chunks of about 64 KiB; a lead's own fields are escaped once for its numbers. */
function* copyText(batch: readonly NewLead[]) {
  let chunk = '';
  for (let index = 0; index < batch.length; index += 1) {
    const lead = batch[index]!;
    const shared = `${copyField(lead.id)}\t${copyField(lead.name)}\t${copyField(lead.externalId)}\t${copyField(JSON.stringify(lead.fields))}`;
    for (let position = 0; position < lead.contacts.length; position += 1) {
      const contact = lead.contacts[position]!;
      chunk += `${index}\t${position}\t${shared}\t${copyField(contact.id)}\t${copyField(contact.phone)}\n`;
    }
    if (chunk.length > 64 * 1024) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk !== '') yield chunk;
}

/** What the insert reports: leads created, and the `[lead_index, phone]` pairs as JSON. */
interface Inserted {
  created: number;
  duplicates: string;
  suppressed: string;
}

/** The statement's `[lead_index, phone]` pairs as the port reports them. */
const byLead = (pairs: string) =>
  (JSON.parse(pairs) as [number, string][]).map(([index, phone]) => ({ index, phone }));

/**
 * Adding leads (with per-campaign dedup by number and the account's do-not-call list) and the manual overrides of
 * DESIGN §2.4, on PostgreSQL.
 */
export function createPgLeadWrites(db: PgDatabase) {
  /**
   * Large batches are staged with `COPY` into a temporary table first, before the campaign's row is locked, so
   * a million-row import holds that lock (and so the campaign's dialing) only for the set-based insert.
   */
  async function stage(tx: PgTx, batch: readonly NewLead[]) {
    await tx.run(STAGING_TABLE);
    await tx.copyIn(`COPY lead_staging (${STAGED_COLUMNS}) FROM STDIN`, Readable.from(copyText(batch)));
    // A temporary table has no statistics until analysed: without them the planner takes a million rows for a
    // few and picks nested loops. The dedup sorts by number: room to do it in memory.
    await tx.run('ANALYZE lead_staging');
    await tx.run("SET LOCAL work_mem = '256MB'");
    // The insert's cost estimate crosses the JIT threshold; compiling it costs more than it saves.
    await tx.run('SET LOCAL jit = off');
  }

  /** The steps of `insertStagedSteps`; `values` are $1–$5 of the inserts. */
  async function insertStaged(tx: PgTx, values: readonly SqlValue[], accountId: string): Promise<Inserted> {
    await tx.run(insertStagedSteps.judge, [values[0]!, accountId]);
    await tx.run(insertStagedSteps.own, [values[0]!]);
    const created = await tx.run(insertStagedSteps.leads, values);
    await tx.run(insertStagedSteps.contacts, [values[0]!]);
    const report = (await tx.row<Omit<Inserted, 'created'>>(insertStagedSteps.report))!;
    // A large batch can multiply the tables' size before autovacuum looks at them: planned with the old
    // statistics, the next claims would read every contact for their 100 leads. ANALYZE samples, in well under
    // a second.
    await tx.run('ANALYZE leads, contacts');
    return { created, ...report };
  }

  return {
    add: (campaignId: string, batch: readonly NewLead[], now: number) =>
      db.transaction(async (tx): Promise<AddLeadsResult> => {
        const inline = batch.reduce((n, lead) => n + lead.contacts.length, 0) < COPY_FROM_CONTACTS;
        const rows = inline ? [...stagedRows(batch)] : [];
        const columns = inline ? [0, 1, 2, 3, 4, 5, 6, 7].map((i) => rows.map((r) => r[i]!)) : [];
        if (!inline) await stage(tx, batch);
        // Locked: a start (which schedules created leads) or a completion cannot slip between the read of the
        // status and the insert, and two batches into one campaign dedup against each other.
        const campaign = await lockCampaign(tx, campaignId);
        if (!campaign) throw new Error(`campaign ${campaignId} does not exist`);
        const started = campaign.status !== 'draft';
        const values = [campaign.id, started ? 'scheduled' : 'created', started ? now : null, started, now];
        const result = inline
          ? (await tx.row<Inserted>(insertInline, [...values, campaign.account_id, ...columns]))!
          : await insertStaged(tx, values, campaign.account_id);
        tx.counters.leads(campaign.id, started ? 'scheduled' : 'created', result.created);
        if (result.created > 0) {
          tx.wake(campaign.id);
          if (campaign.status === 'completed') await writeTransition(tx, campaign, 'reopen', now);
        }
        return {
          created: result.created,
          duplicates: byLead(result.duplicates),
          suppressed: byLead(result.suppressed),
        };
      }),

    override: (leadId: string, to: 'created' | 'completed', now: number) =>
      db.transaction(async (tx): Promise<LeadOverrideOutcome> => {
        const lead = await tx.row<LeadRow>('SELECT * FROM leads WHERE id = $1 FOR NO KEY UPDATE', [leadId]);
        const campaign = lead
          ? await tx.row<{ id: string; account_id: string; status: string }>(
              'SELECT id, account_id, status FROM campaigns WHERE id = $1',
              [lead.campaign_id],
            )
          : undefined;
        if (!lead || !campaign)
          return { ok: false, code: 'not_found', message: `lead ${leadId} does not exist` };
        if (to === 'completed') {
          await changeLead(
            tx,
            lead,
            campaign.account_id,
            { status: 'completed', nextAttemptAt: null, nextContactId: null, completionReason: 'manual' },
            now,
          );
          await completeIfDone(tx, campaign.id, now);
        } else {
          // Not only `processing`: a lead marked completed by hand may still have its last call live.
          const live = await tx.row("SELECT 1 FROM calls WHERE lead_id = $1 AND phase != 'settled' LIMIT 1", [
            leadId,
          ]);
          if (lead.status === 'processing' || live) {
            return {
              ok: false,
              code: 'lead_processing',
              message: 'the lead has a call in flight: reset it once the call has ended',
            };
          }
          await tx.run('UPDATE contacts SET attempts = 0, last_result = NULL WHERE lead_id = $1', [leadId]);
          await tx.run('UPDATE leads SET resets = resets + 1 WHERE id = $1', [leadId]);
          const first = await tx.row<{ id: string }>(
            'SELECT id FROM contacts WHERE lead_id = $1 AND dead = 0 ORDER BY position LIMIT 1',
            [leadId],
          );
          const locked = await lockCampaign(tx, campaign.id);
          const started = locked!.status !== 'draft';
          await changeLead(
            tx,
            lead,
            campaign.account_id,
            first === undefined
              ? { status: 'max_retries', nextAttemptAt: null, nextContactId: null, completionReason: null }
              : {
                  status: started ? 'scheduled' : 'created',
                  nextAttemptAt: started ? now : null,
                  nextContactId: started ? first.id : null,
                  completionReason: null,
                },
            now,
          );
          if (first !== undefined && locked!.status === 'completed')
            await writeTransition(tx, locked!, 'reopen', now);
          tx.wake(campaign.id);
        }
        return {
          ok: true,
          lead: toLead((await tx.row<LeadRow>('SELECT * FROM leads WHERE id = $1', [leadId]))!),
        };
      }),
  };
}
