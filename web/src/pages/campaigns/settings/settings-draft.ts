import type { Campaign, CampaignSettingsInput } from '../../../api/types';
import type { Weekday } from '../../../components/format';

/** A number input's value: a number, or the text the user left in it ('' when cleared). */
type NumberField = number | string;

/** The settings form's values, as the user edits them; `toSettingsBody` turns them into the API's shape. */
export interface SettingsDraft {
  readonly name: string;
  readonly startTime: string;
  readonly endTime: string;
  readonly days: readonly Weekday[];
  readonly maxRetries: NumberField;
  readonly intervalMinutes: NumberField;
  readonly onVoicemail: boolean;
  readonly untilGoal: boolean;
  /** The goal's boolean variable; null for no goal. */
  readonly goalVariable: string | null;
  readonly maxConcurrentCalls: NumberField;
}

/**
 * The API's defaults (DEFAULT_SETTINGS in src/domain/settings.ts, also worded in the OpenAPI descriptions), so
 * the wizard shows what a campaign gets when nothing is changed. The API has no endpoint that serves them.
 */
export const DEFAULT_DRAFT: SettingsDraft = {
  name: '',
  startTime: '09:00',
  endTime: '18:00',
  days: ['mon', 'tue', 'wed', 'thu', 'fri'],
  maxRetries: 3,
  intervalMinutes: 60,
  onVoicemail: true,
  untilGoal: false,
  goalVariable: null,
  maxConcurrentCalls: 5,
};

export function draftFromCampaign(campaign: Campaign): SettingsDraft {
  return {
    name: campaign.name,
    ...campaign.schedule,
    ...campaign.retry,
    goalVariable: campaign.goal?.variable ?? null,
    maxConcurrentCalls: campaign.maxConcurrentCalls,
  };
}

export type SettingsBody = Omit<CampaignSettingsInput, 'assistantId'>;

/**
 * The settings as the API takes them. A cleared number goes as null rather than being left out: left out, the
 * API would silently keep a default, while null gets its message naming the field and the allowed range.
 */
export function toSettingsBody(draft: SettingsDraft): SettingsBody {
  const number = (value: NumberField) => (typeof value === 'number' ? value : numberOrNull(value));
  return {
    name: draft.name,
    schedule: { startTime: draft.startTime, endTime: draft.endTime, days: [...draft.days] },
    retry: {
      maxRetries: number(draft.maxRetries),
      intervalMinutes: number(draft.intervalMinutes),
      onVoicemail: draft.onVoicemail,
      untilGoal: draft.untilGoal,
    },
    goal: draft.goalVariable === null ? null : { variable: draft.goalVariable },
    maxConcurrentCalls: number(draft.maxConcurrentCalls),
  };
}

/** The text of a number input the user left unparsable or empty; typed as a number for the request body. */
function numberOrNull(text: string): number {
  const trimmed = text.trim();
  return (trimmed === '' ? null : Number(trimmed)) as number;
}
