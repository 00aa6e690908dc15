import type Database from 'better-sqlite3';
import type { RetryRules } from '../../domain/attempts.js';
import type { CallingWindow } from '../../domain/calling-window.js';
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
  currency: string;
  phone_number_id: string | null;
  balance_minor: number;
  minimum_start_balance_minor: number;
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
}

/**
 * Reads a campaign with its assistant and currency. Parsed settings and assistant variables are cached by their
 * JSON text, so an edit (which changes the text) is seen by the very next decision while the hot path parses
 * nothing.
 */
export function createCampaignContexts(db: Database.Database) {
  const select = prepareRows<[string], ContextRow>(
    db,
    `SELECT c.id, c.account_id, c.status, c.settings, c.in_flight, c.assistant_id,
            a.provider, a.provider_assistant_id, a.timezone, a.rate_micro_per_minute, a.max_call_minutes,
            a.variables, a.phone_number_id, acc.currency, acc.balance_minor, acc.minimum_start_balance_minor
       FROM campaigns c JOIN assistants a ON a.id = c.assistant_id JOIN accounts acc ON acc.id = c.account_id
      WHERE c.id = ?`,
  );
  const parsed = new Map<
    string,
    { text: string; variablesText: string; settings: CampaignSettings; variables: AssistantVariable[] }
  >();

  return (campaignId: string): CampaignContext | undefined => {
    const row = select.get(campaignId);
    if (!row) return undefined;
    let cached = parsed.get(campaignId);
    if (!cached || cached.text !== row.settings || cached.variablesText !== row.variables) {
      cached = {
        text: row.settings,
        variablesText: row.variables,
        settings: JSON.parse(row.settings) as CampaignSettings,
        variables: JSON.parse(row.variables) as AssistantVariable[],
      };
      parsed.set(campaignId, cached);
    }
    const { settings, variables } = cached;
    return {
      row,
      settings,
      window: { ...settings.schedule, timezone: row.timezone },
      rules: { ...settings.retry, goalVariable: settings.goal?.variable ?? null },
      rate: { microPerMinute: row.rate_micro_per_minute, currency: row.currency },
      variables,
    };
  };
}

export type CampaignContexts = ReturnType<typeof createCampaignContexts>;
