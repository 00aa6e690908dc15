import type { RetryRules } from '../../domain/attempts.js';
import type { CallingWindow } from '../../domain/calling-window.js';
import type { Rate } from '../../domain/money.js';
import type { AssistantVariable, CampaignSettings } from '../../domain/settings.js';
import type { CampaignRow } from '../sqlite/rows.js';
import type { PgQueries } from './pg-queries.js';

interface AssistantFacts {
  provider: string;
  provider_assistant_id: string | null;
  timezone: string;
  rate_micro_per_minute: number;
  max_call_minutes: number;
  variables: string;
  /** The opt-out variable (DESIGN §2.4), or null when the assistant reads none. */
  opt_out_variable: string | null;
  phone_number_id: string | null;
  currency: string;
  minimum_start_balance_minor: number;
}

/** A campaign with what its decisions need: parsed settings, window, retry rules, rate, assistant. */
export interface PgCampaignContext {
  readonly campaign: CampaignRow;
  readonly assistant: AssistantFacts;
  readonly settings: CampaignSettings;
  readonly window: CallingWindow;
  readonly rules: RetryRules;
  readonly rate: Rate;
  readonly variables: readonly AssistantVariable[];
}

const SELECT = `SELECT a.provider, a.provider_assistant_id, a.timezone, a.rate_micro_per_minute, a.max_call_minutes,
    a.variables, a.opt_out_variable, a.phone_number_id, acc.currency, acc.minimum_start_balance_minor
  FROM assistants a JOIN accounts acc ON acc.id = a.account_id WHERE a.id = $1`;

/**
 * Reads a campaign's context around a campaign row the caller read (locked or not). Parsed settings and variables
 * are cached by their JSON text, so an edit is seen by the very next decision while the hot path parses nothing.
 */
export function createPgContexts() {
  const parsed = new Map<string, { text: string; settings: CampaignSettings }>();
  const parsedVariables = new Map<string, { text: string; variables: AssistantVariable[] }>();

  return async (q: PgQueries, campaign: CampaignRow): Promise<PgCampaignContext | undefined> => {
    const assistant = await q.row<AssistantFacts>(SELECT, [campaign.assistant_id]);
    if (!assistant) return undefined;
    let settings = parsed.get(campaign.id);
    if (!settings || settings.text !== campaign.settings) {
      settings = { text: campaign.settings, settings: JSON.parse(campaign.settings) as CampaignSettings };
      parsed.set(campaign.id, settings);
    }
    let variables = parsedVariables.get(campaign.assistant_id);
    if (!variables || variables.text !== assistant.variables) {
      variables = {
        text: assistant.variables,
        variables: JSON.parse(assistant.variables) as AssistantVariable[],
      };
      parsedVariables.set(campaign.assistant_id, variables);
    }
    const s = settings.settings;
    return {
      campaign,
      assistant,
      settings: s,
      window: { ...s.schedule, timezone: assistant.timezone },
      rules: { ...s.retry, goalVariable: s.goal?.variable ?? null },
      rate: { microPerMinute: assistant.rate_micro_per_minute, currency: assistant.currency },
      variables: variables.variables,
    };
  };
}

export type PgContexts = ReturnType<typeof createPgContexts>;
