import type Database from 'better-sqlite3';
import type { RetryRules } from '../../domain/attempts.js';
import { currentWindowClose, isInsideWindow, type CallingWindow } from '../../domain/calling-window.js';
import type { Rate } from '../../domain/money.js';
import type { AssistantVariable, CampaignSettings } from '../../domain/settings.js';
import { prepareRows } from './fast-rows.js';

interface ContextRow {
  id: string;
  account_id: string;
  status: string;
  settings: string;
  in_flight: number;
  assistant_id: string;
  provider: string;
  provider_assistant_id: string | null;
  timezone: string;
  rate_micro_per_minute: number;
  max_call_minutes: number;
  variables: string;
  /** The assistant's opt-out variable (DESIGN §2.4), or null when it reads none. */
  opt_out_variable: string | null;
  currency: string;
  phone_number_id: string | null;
  balance_minor: number;
  minimum_start_balance_minor: number;
  /** Leads still `created`: a started campaign schedules them a chunk per claim (lead-scheduling.ts). */
  leads_created: number;
}

/** What the dialer and the call settlement need to know about a campaign, read in one query. */
export interface CampaignContext {
  readonly row: ContextRow;
  readonly settings: CampaignSettings;
  readonly window: CallingWindow;
  readonly rules: RetryRules;
  readonly rate: Rate;
  /** The post-call variables the assistant reports, parsed. */
  readonly variables: readonly AssistantVariable[];
  /** `isInsideWindow(window, now)`, remembered for the open stretch that contains `now`. */
  isInsideWindow(now: number): boolean;
}

/** What is derived from a campaign's settings and its assistant, kept while neither changes. */
interface Derived {
  readonly key: string;
  readonly settings: CampaignSettings;
  readonly window: CallingWindow;
  readonly rules: RetryRules;
  readonly rate: Rate;
  readonly variables: readonly AssistantVariable[];
  /** The last open stretch of the window seen: inside from `from` until `until` (exclusive). */
  open: { readonly from: number; readonly until: number } | null;
}

/**
 * Reads a campaign with its assistant and currency. What is derived from the settings and the assistant (parsed
 * JSON, the window, the rules, the rate) is cached under the text it came from, so an edit is seen by the very
 * next decision while the hot path parses nothing. The window check is remembered per open stretch: the local time
 * of an instant costs an `Intl` call, and every claim asks.
 */
export function createCampaignContexts(db: Database.Database) {
  const select = prepareRows<[string], ContextRow>(
    db,
    `SELECT c.id, c.account_id, c.status, c.settings, c.in_flight, c.assistant_id,
            a.provider, a.provider_assistant_id, a.timezone, a.rate_micro_per_minute, a.max_call_minutes,
            a.variables, a.opt_out_variable, a.phone_number_id, acc.currency, acc.balance_minor,
            acc.minimum_start_balance_minor, k.leads_created
       FROM campaigns c JOIN assistants a ON a.id = c.assistant_id JOIN accounts acc ON acc.id = c.account_id
            JOIN campaign_counters k ON k.campaign_id = c.id
      WHERE c.id = ?`,
  );
  const cache = new Map<string, Derived>();

  const derive = (row: ContextRow): Derived => {
    const key = `${row.timezone}|${row.rate_micro_per_minute}|${row.currency}|${row.settings}|${row.variables}`;
    const cached = cache.get(row.id);
    if (cached?.key === key) return cached;
    const settings = JSON.parse(row.settings) as CampaignSettings;
    const derived: Derived = {
      key,
      settings,
      window: { ...settings.schedule, timezone: row.timezone },
      rules: { ...settings.retry, goalVariable: settings.goal?.variable ?? null },
      rate: { microPerMinute: row.rate_micro_per_minute, currency: row.currency },
      variables: JSON.parse(row.variables) as AssistantVariable[],
      open: null,
    };
    cache.set(row.id, derived);
    return derived;
  };

  return (campaignId: string): CampaignContext | undefined => {
    const row = select.get(campaignId);
    if (!row) return undefined;
    const derived = derive(row);
    return {
      row,
      settings: derived.settings,
      window: derived.window,
      rules: derived.rules,
      rate: derived.rate,
      variables: derived.variables,
      isInsideWindow(now) {
        const open = derived.open;
        if (open && open.from <= now && now < open.until) return true;
        if (!isInsideWindow(derived.window, now)) return false;
        // Null: the window never closes (every day, 00:00–24:00).
        derived.open = { from: now, until: currentWindowClose(derived.window, now) ?? Infinity };
        return true;
      },
    };
  };
}

export type CampaignContexts = ReturnType<typeof createCampaignContexts>;
