/**
 * An independent checker of DESIGN §2.10 guarantees 1–3 (plus the money rules of §2.8 they rest on), reading the
 * SQLite tables of a finished (or interrupted) simulation directly with read-only SQL. It knows the rules, not
 * the engine: it re-derives from the recorded calls what the engine was allowed to do, and reports every place
 * where the data shows it did something else. An empty list means every guarantee held.
 *
 * What is checked, for the one campaign in the database:
 * - G1 never dial twice: idempotency key = `lead:contact:attempt` (plus `:rN` for the N-th manual reset of the
 *   lead, after which attempts count from 1 again), unique; per contact and reset generation the attempts are 1..n
 *   with no gap or repeat, and the contact's attempt counter equals its calls since the lead's last reset.
 * - G2 window: every `placed_at` is inside the calling window (settings + the assistant's timezone).
 * - G2 retries: no contact has more than `maxRetries` attempts per reset generation; a dead contact is never
 *   dialed again.
 * - G2 interval / order: replaying each lead's calls by the rules of §2.6, every call is to the contact the rules
 *   name (within a round: the next live contact after the previous one, at once; a new round: the first live
 *   contact) and never earlier than allowed (within a round: not before the previous call ended, i.e. never two
 *   in flight; a new round: not before the previous call's end + `intervalMinutes`). No call follows a call that
 *   completed the lead or a call after which no live contact was left.
 * - G2 pause / overrides: replaying the outbox, no lead was claimed while the campaign was not active, nor from a
 *   status other than `scheduled`/`rescheduled` (a completed lead is never called again).
 * - G3 nothing lost: lead statuses agree with their calls and with the outbox (`lead.status_changed` chain, one
 *   `call.ended` per ended call); at completion every lead is terminal and no call is left open.
 * - Money: cost = ceil(rate × billed / 60); balance = credits − Σ costs = Σ ledger; one `call_charge` per call
 *   with a cost (amount −cost) and none otherwise; reservations and the in-flight counter match the open calls;
 *   replaying the outbox, no call was claimed without one minute's headroom per call in flight, and a pause for
 *   money happened only with nothing in flight and less than one minute's cost available.
 */
import type Database from 'better-sqlite3';
import { isInsideWindow, localDateTime, type CallingWindow } from '../../src/domain/calling-window.js';
import { callCost, type Rate } from '../../src/domain/money.js';
import type { CampaignSettings } from '../../src/domain/settings.js';
import type {
  AccountRow as StoredAccountRow,
  AssistantRow as StoredAssistantRow,
  CallRow,
  CampaignRow as StoredCampaignRow,
} from '../../src/store/sqlite/rows.js';

const MINUTE = 60_000;
/** DESIGN §2.7: a silent call is reconciled after the assistant's `maxCallMinutes` plus this margin. */
const RECONCILE_MARGIN_MS = 5 * MINUTE;
const TERMINAL_CALL = new Set(['completed', 'busy', 'unanswered', 'failed']);
const OPEN_PHASES = new Set(['dialing', 'in_flight']);

type CampaignRow = Pick<
  StoredCampaignRow,
  'id' | 'account_id' | 'assistant_id' | 'status' | 'pause_reason' | 'settings' | 'in_flight'
>;
type AssistantRow = Pick<StoredAssistantRow, 'timezone' | 'rate_micro_per_minute' | 'max_call_minutes'>;
type AccountRow = Pick<StoredAccountRow, 'id' | 'currency' | 'balance_minor' | 'reserved_minor'>;
interface LeadRow {
  id: string;
  /** Manual resets so far (absent in schemas before the column existed). */
  resets?: number;
  name: string | null;
  status: string;
  completion_reason: string | null;
  next_attempt_at: number | null;
  next_contact_id: string | null;
}
interface ContactRow {
  id: string;
  lead_id: string;
  campaign_id: string;
  position: number;
  phone: string;
  attempts: number;
  dead: number;
}
interface LedgerRow {
  id: string;
  account_id: string;
  kind: string;
  amount_minor: number;
  call_id: string | null;
  created_at: number;
}
interface EventRow {
  seq: number;
  type: string;
  payload: string;
  created_at: number;
}

interface Rules {
  readonly maxRetries: number;
  readonly intervalMs: number;
  readonly onVoicemail: boolean;
  readonly untilGoal: boolean;
}

/** The SQL the checker reads the tables with: plain SELECTs that both dialects run alike. */
export const GUARANTEE_QUERIES = {
  campaigns: 'SELECT * FROM campaigns',
  assistants: 'SELECT * FROM assistants',
  accounts: 'SELECT * FROM accounts',
  leads: 'SELECT * FROM leads ORDER BY id',
  contacts: 'SELECT * FROM contacts ORDER BY lead_id, position',
  calls: 'SELECT * FROM calls ORDER BY placed_at, coalesce(ended_at, 9000000000000000), id',
  ledger: 'SELECT * FROM ledger_entries ORDER BY created_at, id',
  events: 'SELECT * FROM events ORDER BY seq',
} as const;

/** The tables of one campaign's database, as `GUARANTEE_QUERIES` read them. */
export interface GuaranteeTables {
  readonly campaigns: readonly CampaignRow[];
  readonly assistants: readonly (AssistantRow & { id: string })[];
  readonly accounts: readonly AccountRow[];
  readonly leads: readonly LeadRow[];
  readonly contacts: readonly ContactRow[];
  readonly calls: readonly CallRow[];
  readonly ledger: readonly (LedgerRow & { account_id: string })[];
  readonly events: readonly EventRow[];
}

/** Returns every violation found in a SQLite database; `[]` when all guarantees hold. */
export function checkGuarantees(db: Database.Database): string[] {
  const read = (sql: string) => db.prepare(sql).all() as never[];
  return checkGuaranteeTables(
    Object.fromEntries(
      Object.entries(GUARANTEE_QUERIES).map(([table, sql]) => [table, read(sql)]),
    ) as unknown as GuaranteeTables,
  );
}

/** Returns every violation the tables show; `[]` when all guarantees hold (see the header for what is checked). */
export function checkGuaranteeTables(tables: GuaranteeTables): string[] {
  const v: string[] = [];
  const { campaigns, calls, events } = tables;
  if (campaigns.length !== 1) return [`expected exactly one campaign, found ${campaigns.length}`];
  const campaign = campaigns[0]!;
  const settings = JSON.parse(campaign.settings) as CampaignSettings;
  const assistant = tables.assistants.find((a) => a.id === campaign.assistant_id);
  const account = tables.accounts.find((a) => a.id === campaign.account_id);
  if (!assistant || !account) return [`campaign ${campaign.id} has no assistant or account`];

  const window: CallingWindow = { ...settings.schedule, timezone: assistant.timezone };
  const rate: Rate = { microPerMinute: assistant.rate_micro_per_minute, currency: account.currency };
  const minuteCost = callCost(rate, 60);
  const rules: Rules = {
    maxRetries: settings.retry.maxRetries,
    intervalMs: settings.retry.intervalMinutes * MINUTE,
    onVoicemail: settings.retry.onVoicemail,
    untilGoal: settings.retry.untilGoal,
  };
  const leads = tables.leads;
  const contacts = tables.contacts.filter((c) => c.campaign_id === campaign.id);
  const ledger = tables.ledger.filter((e) => e.account_id === account.id);

  const leadById = new Map(leads.map((l) => [l.id, l]));
  const contactById = new Map(contacts.map((c) => [c.id, c]));
  const contactsByLead = groupBy(contacts, (c) => c.lead_id);
  const callsByLead = groupBy(calls, (c) => c.lead_id);
  const callsByContact = groupBy(calls, (c) => c.contact_id);
  const describeCall = (call: CallRow) => {
    const contact = contactById.get(call.contact_id);
    return `call ${call.id} (lead ${call.lead_id}, contact #${contact?.position ?? '?'} ${contact?.phone ?? '?'}, attempt ${call.attempt}, ${call.status}${call.answered_by ? `/${call.answered_by}` : ''}${call.failure_reason ? `/${call.failure_reason}` : ''}, placed ${at(call.placed_at, assistant.timezone)}, ended ${call.ended_at === null ? '—' : at(call.ended_at, assistant.timezone)})`;
  };

  // ── every call on its own ──
  for (const call of calls) {
    const what = describeCall(call);
    if (call.campaign_id !== campaign.id) v.push(`[G3] ${what} belongs to an unknown campaign`);
    if (call.account_id !== account.id) v.push(`[G3] ${what} belongs to another account`);
    const contact = contactById.get(call.contact_id);
    if (!contact || contact.lead_id !== call.lead_id) v.push(`[G3] ${what}: its contact is not the lead's`);
    if (!leadById.has(call.lead_id)) v.push(`[G3] ${what}: its lead does not exist`);
    const generation = generationOf(call);
    const base = `${call.lead_id}:${call.contact_id}:${call.attempt}`;
    if (call.idempotency_key !== (generation === 0 ? base : `${base}:r${generation}`)) {
      v.push(`[G1] ${what} has idempotency key ${call.idempotency_key}`);
    }
    if (generation > (leadById.get(call.lead_id)?.resets ?? 0)) {
      v.push(`[G1] ${what} names reset ${generation}, but the lead was reset fewer times`);
    }
    const inside = isInsideWindow(window, call.placed_at);
    if (!inside) {
      v.push(
        `[G2] ${what} was placed outside the window ${window.startTime}–${window.endTime} ${window.days.join(',')} ${window.timezone}`,
      );
    }
    if (inside !== insideByIntl(window, call.placed_at)) {
      v.push(
        `[G2] ${what}: isInsideWindow says ${inside ? 'inside' : 'outside'}, the local time Intl gives says otherwise`,
      );
    }
    const terminal = TERMINAL_CALL.has(call.status);
    if (terminal) {
      if (call.ended_at === null) v.push(`[G3] ${what} is ${call.status} but has no end time`);
      else if (call.ended_at < call.placed_at) v.push(`[G3] ${what} ended before it was placed`);
      if (OPEN_PHASES.has(call.phase)) v.push(`[G3] ${what} has ended but is still in phase ${call.phase}`);
    } else {
      if (call.ended_at !== null) v.push(`[G3] ${what} has an end time but status ${call.status}`);
      if (!OPEN_PHASES.has(call.phase)) v.push(`[G3] ${what} is not ended but in phase ${call.phase}`);
    }
    if ((call.status === 'failed') !== (call.failure_reason !== null)) {
      v.push(`[G3] ${what}: a failure reason must be given exactly for failed calls`);
    }
    if (call.failure_reason === 'lost' && call.ended_at !== null) {
      const earliest = call.placed_at + assistant.max_call_minutes * MINUTE + RECONCILE_MARGIN_MS;
      if (call.ended_at < earliest) {
        v.push(
          `[G3] ${what} was declared lost before maxCallMinutes + 5 min (${at(earliest, assistant.timezone)})`,
        );
      }
    }
    const expectedCost = callCost(rate, call.billed_seconds);
    if (call.cost_minor !== expectedCost) {
      v.push(
        `[money] ${what} costs ${call.cost_minor}, expected ceil(rate × ${call.billed_seconds}/60) = ${expectedCost}`,
      );
    }
    if (call.billed_seconds > 0) {
      if (call.answered_at === null || call.ended_at === null) {
        v.push(`[money] ${what} bills ${call.billed_seconds} s but was never answered or never ended`);
      } else if (call.billed_seconds > Math.ceil((call.ended_at - call.answered_at) / 1000)) {
        v.push(`[money] ${what} bills ${call.billed_seconds} s, more than from answer to end`);
      }
    }
    if (call.reserved_minor !== minuteCost) {
      v.push(`[money] ${what} reserved ${call.reserved_minor}, expected one minute's cost ${minuteCost}`);
    }
  }

  // ── attempts per contact (G1, G2 maxRetries) ──
  for (const contact of contacts) {
    const all = callsByContact.get(contact.id) ?? [];
    const label = `contact #${contact.position} ${contact.phone} of lead ${contact.lead_id}`;
    for (const [generation, calls] of groupBy(all, (c) => String(generationOf(c)))) {
      const gen = generation === '0' ? '' : ` after reset ${generation}`;
      const attempts = calls.map((c) => c.attempt).sort((a, b) => a - b);
      if (!attempts.every((a, i) => a === i + 1)) {
        v.push(`[G1] ${label} has attempts ${attempts.join(',')}${gen}, expected 1..${calls.length}`);
      }
      if (calls.length > rules.maxRetries) {
        v.push(`[G2] ${label} was called ${calls.length} times${gen}, maxRetries is ${rules.maxRetries}`);
      }
    }
    const resets = leadById.get(contact.lead_id)?.resets ?? 0;
    const current = all.filter((c) => generationOf(c) === resets).length;
    if (contact.attempts !== current) {
      v.push(
        `[G3] ${label} counts ${contact.attempts} attempts but has ${current} calls since its last reset`,
      );
    }
    const own = [...all].sort((a, b) => a.placed_at - b.placed_at);
    const invalid = own.findIndex((c) => c.failure_reason === 'invalid_number');
    if ((contact.dead === 1) !== invalid >= 0) {
      v.push(
        `[G3] ${label} is ${contact.dead === 1 ? 'dead without' : 'alive despite'} an invalid_number call`,
      );
    }
    if (invalid >= 0 && invalid < own.length - 1) {
      v.push(`[G2] ${label} was dialed again after it failed as an invalid number`);
    }
  }
  const keys = new Map<string, number>();
  for (const call of calls) keys.set(call.idempotency_key, (keys.get(call.idempotency_key) ?? 0) + 1);
  for (const [key, n] of keys) if (n > 1) v.push(`[G1] idempotency key ${key} appears ${n} times`);

  // ── each lead replayed by the rules of §2.6 (G2 order + interval, never two in flight; G3 status) ──
  for (const lead of leads) {
    const own = contactsByLead.get(lead.id) ?? [];
    if (own.length === 0) v.push(`[G3] lead ${lead.id} has no contact`);
    v.push(
      ...replayLead(lead, own, callsByLead.get(lead.id) ?? [], rules, describeCall, (t) =>
        at(t, assistant.timezone),
      ),
    );
  }

  // ── completion (G3) ──
  const openCalls = calls.filter((c) => OPEN_PHASES.has(c.phase));
  if (campaign.status === 'completed') {
    for (const lead of leads) {
      if (lead.status !== 'completed' && lead.status !== 'max_retries') {
        v.push(`[G3] the campaign is completed but lead ${lead.id} is ${lead.status}`);
      }
    }
    for (const call of calls) {
      if (call.phase !== 'settled')
        v.push(`[G3] the campaign is completed but ${describeCall(call)} is ${call.phase}`);
    }
  }
  if (campaign.in_flight !== openCalls.length) {
    v.push(`[money] campaigns.in_flight is ${campaign.in_flight}, but ${openCalls.length} calls are open`);
  }

  // ── money ──
  const reservedOpen = openCalls.reduce((sum, c) => sum + c.reserved_minor, 0);
  if (account.reserved_minor !== reservedOpen) {
    v.push(
      `[money] accounts.reserved_minor is ${account.reserved_minor}, the open calls reserve ${reservedOpen}`,
    );
  }
  const credits = ledger.filter((e) => e.kind === 'credit').reduce((sum, e) => sum + e.amount_minor, 0);
  const costs = calls.reduce((sum, c) => sum + c.cost_minor, 0);
  const ledgerSum = ledger.reduce((sum, e) => sum + e.amount_minor, 0);
  if (account.balance_minor !== credits - costs) {
    v.push(
      `[money] balance is ${account.balance_minor}, credits ${credits} − call costs ${costs} = ${credits - costs}`,
    );
  }
  if (account.balance_minor !== ledgerSum) {
    v.push(`[money] balance is ${account.balance_minor}, the ledger sums to ${ledgerSum}`);
  }
  const callById = new Map(calls.map((c) => [c.id, c]));
  const charges = groupBy(
    ledger.filter((e) => e.kind === 'call_charge'),
    (e) => e.call_id ?? '(none)',
  );
  for (const [callId, entries] of charges) {
    const call = callById.get(callId);
    if (!call) v.push(`[money] ledger charges ${entries.length}× for unknown call ${callId}`);
    else if (call.cost_minor === 0) v.push(`[money] ${describeCall(call)} costs nothing but is charged`);
  }
  for (const call of calls) {
    if (call.cost_minor <= 0) continue;
    const entries = charges.get(call.id) ?? [];
    if (entries.length !== 1) v.push(`[money] ${describeCall(call)} has ${entries.length} ledger charges`);
    else if (entries[0]!.amount_minor !== -call.cost_minor) {
      v.push(
        `[money] ${describeCall(call)} is charged ${entries[0]!.amount_minor}, expected ${-call.cost_minor}`,
      );
    }
  }

  v.push(...replayOutbox(events, campaign, leads, calls, credits, minuteCost, describeCall));
  return v;
}

/**
 * Walks a lead's calls in time order with the state the rules keep (attempts so far, dead contacts) and checks
 * each call is the one §2.6 allows, no earlier than allowed; then checks the lead's status against what the last
 * call left it.
 */
function replayLead(
  lead: LeadRow,
  contacts: readonly ContactRow[],
  calls: readonly CallRow[],
  rules: Rules,
  describeCall: (call: CallRow) => string,
  at: (t: number) => string,
): string[] {
  const v: string[] = [];
  const byPosition = [...contacts].sort((a, b) => a.position - b.position);
  const attempts = new Map<string, number>();
  const dead = new Set<string>();
  const live = () =>
    byPosition.filter((c) => !dead.has(c.id) && (attempts.get(c.id) ?? 0) < rules.maxRetries);
  const positionOf = (contactId: string) => contacts.find((c) => c.id === contactId)?.position ?? -1;

  type Next =
    | { kind: 'dial'; contactId: string; earliest: number; newRound: boolean; why: string }
    | { kind: 'done'; status: 'completed' | 'max_retries'; reason: string | null; why: string }
    | { kind: 'busy'; why: string };

  const newRound = (ended: number, why: string): Next => {
    const first = live()[0];
    return first
      ? { kind: 'dial', contactId: first.id, earliest: ended + rules.intervalMs, newRound: true, why }
      : { kind: 'done', status: 'max_retries', reason: null, why: `${why}, and no live contact is left` };
  };

  let next: Next = (() => {
    const first = live()[0];
    return first
      ? {
          kind: 'dial',
          contactId: first.id,
          earliest: -Infinity,
          newRound: true,
          why: 'first call of the lead',
        }
      : { kind: 'done', status: 'max_retries', reason: null, why: 'no contact' };
  })();

  let generation = 0;
  let previous: CallRow | undefined;
  for (const call of calls) {
    const what = describeCall(call);
    const callGeneration = generationOf(call);
    if (callGeneration < generation) {
      v.push(`[G1] ${what} belongs to reset ${callGeneration}, after a call of reset ${generation}`);
    } else if (callGeneration > generation && next.kind !== 'busy') {
      // A manual reset (§2.4), allowed once the last call has ended: attempts count from 1 again and the lead is
      // called again at once, from its first live contact.
      generation = callGeneration;
      attempts.clear();
      const first = live()[0];
      const ended = previous?.ended_at ?? -Infinity;
      next = first
        ? { kind: 'dial', contactId: first.id, earliest: ended, newRound: false, why: 'the lead was reset' }
        : {
            kind: 'done',
            status: 'max_retries',
            reason: null,
            why: 'the lead was reset with no live contact',
          };
    }
    previous = call;
    if (next.kind === 'done') {
      v.push(`[G2] ${what} follows the lead's end (${next.why}): nothing may be dialed after it`);
    } else if (next.kind === 'busy') {
      v.push(`[G2] ${what} was placed while the lead had another call in flight (${next.why})`);
    } else {
      if (call.contact_id !== next.contactId) {
        v.push(
          `[G2] ${what} went to contact #${positionOf(call.contact_id)}, but the rules name contact #${positionOf(next.contactId)} (${next.why})`,
        );
      }
      if (call.placed_at < next.earliest) {
        v.push(
          next.newRound
            ? `[G2] ${what} starts a new round before the interval passed: allowed from ${at(next.earliest)} (${next.why})`
            : `[G2] ${what} was placed before the lead's previous call ended at ${at(next.earliest)} (two in flight)`,
        );
      }
    }
    attempts.set(call.contact_id, (attempts.get(call.contact_id) ?? 0) + 1);
    if (call.failure_reason === 'invalid_number') dead.add(call.contact_id);

    if (!TERMINAL_CALL.has(call.status) || call.ended_at === null) {
      next = { kind: 'busy', why: `${call.id} has not ended` };
      continue;
    }
    const ended = call.ended_at;
    if (call.phase === 'awaiting_variables') {
      next = { kind: 'busy', why: `${call.id} awaits its post-call variables` };
      continue;
    }
    const human = call.status === 'completed' && call.answered_by !== 'machine';
    const voicemail = call.status === 'completed' && call.answered_by === 'machine';
    if (human && call.goal === 1) {
      next = { kind: 'done', status: 'completed', reason: 'goal_achieved', why: `${call.id} met the goal` };
    } else if (human && !rules.untilGoal) {
      next = { kind: 'done', status: 'completed', reason: 'answered', why: `${call.id} was answered` };
    } else if (voicemail && !rules.onVoicemail) {
      next = { kind: 'done', status: 'completed', reason: 'voicemail', why: `${call.id} reached voicemail` };
    } else if (human) {
      next = newRound(ended, `${call.id} was answered without the goal: the round ended`);
    } else {
      const position = positionOf(call.contact_id);
      const following = live().find((c) => c.position > position);
      next = following
        ? {
            kind: 'dial',
            contactId: following.id,
            earliest: ended,
            newRound: false,
            why: `next live contact of the round after ${call.id}`,
          }
        : newRound(ended, `${call.id} ended the round`);
    }
  }

  // The lead's status against what its last call left.
  const label = `lead ${lead.id}${lead.name ? ` (${lead.name})` : ''}`;
  // Marked completed by hand (§2.4): whatever its calls say, nothing follows.
  if (lead.status === 'completed' && lead.completion_reason === 'manual') return v;
  // Reset by hand after its last call: called again from its first live contact, at once.
  if ((lead.resets ?? 0) > generation && (lead.status === 'scheduled' || lead.status === 'created')) return v;
  switch (next.kind) {
    case 'done':
      if (lead.status !== next.status) {
        v.push(`[G3] ${label} is ${lead.status}, but its calls say ${next.status} (${next.why})`);
      } else if (next.status === 'completed' && lead.completion_reason !== next.reason) {
        v.push(`[G3] ${label} completed for ${lead.completion_reason}, its calls say ${next.reason}`);
      }
      break;
    case 'busy':
      if (lead.status !== 'processing') v.push(`[G3] ${label} is ${lead.status} while ${next.why}`);
      break;
    case 'dial':
      if (calls.length === 0) {
        if (lead.status !== 'created' && lead.status !== 'scheduled') {
          v.push(`[G3] ${label} has no call but is ${lead.status}`);
        }
        break;
      }
      if (lead.status !== (next.newRound ? 'rescheduled' : 'scheduled')) {
        v.push(
          `[G3] ${label} is ${lead.status}, but after its last call it should wait for ${next.newRound ? 'its next round (rescheduled)' : 'its next contact (scheduled)'} (${next.why})`,
        );
      } else {
        if (lead.next_contact_id !== next.contactId) {
          v.push(`[G3] ${label} plans contact ${lead.next_contact_id}, the rules name ${next.contactId}`);
        }
        if (lead.next_attempt_at === null || lead.next_attempt_at < next.earliest) {
          v.push(
            `[G2] ${label} is due at ${lead.next_attempt_at === null ? 'never' : at(lead.next_attempt_at)}, not before ${at(next.earliest)} allowed`,
          );
        }
      }
      break;
  }
  return v;
}

/**
 * Replays the transactional outbox in commit order: every claim is a lead moving to `processing`, every end a
 * `call.ended`. Checks the events agree with the tables (nothing lost, nothing twice) and the money headroom rule.
 */
function replayOutbox(
  events: readonly EventRow[],
  campaign: CampaignRow,
  leads: readonly LeadRow[],
  calls: readonly CallRow[],
  credits: number,
  minuteCost: number,
  describeCall: (call: CallRow) => string,
): string[] {
  const v: string[] = [];
  let balance = credits;
  let open = 0;
  let campaignStatus = 'draft';
  const leadStatus = new Map<string, string>();
  const claims = new Map<string, number>();
  const ended = new Map<string, { n: number; status: unknown; cost: unknown }>();
  for (const event of events) {
    const payload = JSON.parse(event.payload) as Record<string, unknown>;
    if (event.type.startsWith('campaign.') && typeof payload.to === 'string') campaignStatus = payload.to;
    switch (event.type) {
      case 'lead.status_changed': {
        const leadId = String(payload.leadId);
        const before = leadStatus.get(leadId);
        if (before !== undefined && payload.from !== before) {
          v.push(
            `[G3] outbox seq ${event.seq}: lead ${leadId} moves from ${String(payload.from)}, but was ${before}`,
          );
        }
        leadStatus.set(leadId, String(payload.to));
        if (payload.to === 'processing') {
          // A claim: only of a lead waiting for its call, only while the campaign is active (§2.2: a pause stops
          // new dials at once; a completed lead is never called again, §2.4).
          if (payload.from !== 'scheduled' && payload.from !== 'rescheduled') {
            v.push(`[G2] outbox seq ${event.seq}: lead ${leadId} was claimed from ${String(payload.from)}`);
          }
          if (campaignStatus !== 'active') {
            v.push(
              `[G2] outbox seq ${event.seq}: lead ${leadId} was claimed while the campaign was ${campaignStatus}`,
            );
          }
          claims.set(leadId, (claims.get(leadId) ?? 0) + 1);
          open += 1;
          if (balance - open * minuteCost < 0) {
            v.push(
              `[money] outbox seq ${event.seq}: lead ${leadId} was claimed with balance ${balance} and ${open} calls in flight reserving ${minuteCost} each`,
            );
          }
        }
        break;
      }
      case 'call.ended': {
        const callId = String(payload.callId);
        const seen = ended.get(callId);
        ended.set(callId, { n: (seen?.n ?? 0) + 1, status: payload.status, cost: payload.costMinor });
        open -= 1;
        balance -= Number(payload.costMinor);
        break;
      }
      case 'campaign.paused':
        if (payload.pauseReason === 'insufficient_balance' && (open > 0 || balance >= minuteCost)) {
          v.push(
            `[money] outbox seq ${event.seq}: paused for money with ${open} calls in flight and ${balance} left (one minute costs ${minuteCost})`,
          );
        }
        break;
      default:
        break;
    }
  }
  for (const call of calls) {
    const seen = ended.get(call.id);
    const terminal = TERMINAL_CALL.has(call.status);
    if (terminal && seen?.n !== 1) v.push(`[G3] ${describeCall(call)} has ${seen?.n ?? 0} call.ended events`);
    if (!terminal && seen) v.push(`[G3] ${describeCall(call)} is open but has a call.ended event`);
    if (seen && (seen.status !== call.status || seen.cost !== call.cost_minor)) {
      v.push(
        `[G3] ${describeCall(call)} disagrees with its call.ended event (${String(seen.status)}, ${String(seen.cost)})`,
      );
    }
  }
  const callIds = new Set(calls.map((c) => c.id));
  for (const callId of ended.keys()) {
    if (!callIds.has(callId)) v.push(`[G3] call.ended for call ${callId}, which is not in the calls table`);
  }
  const callsPerLead = groupBy(calls, (c) => c.lead_id);
  for (const lead of leads) {
    const replayed = leadStatus.get(lead.id);
    if (replayed !== undefined && replayed !== lead.status) {
      v.push(`[G3] lead ${lead.id} is ${lead.status}, its last lead.status_changed says ${replayed}`);
    }
    const n = callsPerLead.get(lead.id)?.length ?? 0;
    if ((claims.get(lead.id) ?? 0) !== n) {
      v.push(`[G3] lead ${lead.id} has ${n} calls but the outbox shows ${claims.get(lead.id) ?? 0} claims`);
    }
  }
  if (open !== campaign.in_flight) {
    v.push(`[G3] the outbox leaves ${open} calls in flight, campaigns.in_flight is ${campaign.in_flight}`);
  }
  return v;
}

/** The reset generation a call's idempotency key names: `…:rN` → N, else 0. */
function generationOf(call: Pick<CallRow, 'idempotency_key'>): number {
  const match = /:r(\d+)$/.exec(call.idempotency_key);
  return match ? Number(match[1]) : 0;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/** An instant as UTC ISO plus the local wall time in `timezone`, for messages. */
function at(instant: number, timezone: string): string {
  if (!Number.isFinite(instant)) return String(instant);
  const local = localDateTime(timezone, instant);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${new Date(instant).toISOString()} (${local.weekday} ${local.year}-${pad(local.month)}-${pad(local.day)} ${pad(Math.floor(local.minuteOfDay / 60))}:${pad(local.minuteOfDay % 60)}:${pad(local.second)} local)`;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * A second opinion on the window, independent of `src/domain/calling-window.ts`: the local weekday and time of
 * `instant` straight from `Intl.DateTimeFormat#formatToParts`, compared with `[startTime, endTime)`.
 */
export function insideByIntl(window: CallingWindow, instant: number): boolean {
  let format = formatters.get(window.timezone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: window.timezone,
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(window.timezone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(instant).map((p) => [p.type, p.value]));
  const weekday = String(parts.weekday).toLowerCase().slice(0, 3);
  const localMs =
    ((Number(parts.hour) * 60 + Number(parts.minute)) * 60 + Number(parts.second)) * 1000 +
    (((instant % 1000) + 1000) % 1000);
  const minutes = (text: string) => Number(text.slice(0, 2)) * 60 + Number(text.slice(3, 5));
  return (
    (window.days as readonly string[]).includes(weekday) &&
    localMs >= minutes(window.startTime) * MINUTE &&
    localMs < minutes(window.endTime) * MINUTE
  );
}
