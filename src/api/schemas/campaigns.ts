import { Type } from 'typebox';
import { CALL_STATUSES } from '../../domain/call-status.js';
import { WEEKDAYS } from '../../domain/calling-window.js';
import { DIALING_REASONS, DIALING_STATES } from '../../domain/dialing-diagnosis.js';
import { LEAD_STATUSES } from '../../domain/lead-status.js';
import { CAMPAIGN_NAME_MAX_LENGTH, SETTINGS_LIMITS } from '../../domain/settings.js';
import { Id, Instant, Nullable, NullableInstant } from './common.js';

/**
 * A campaign's settings (DESIGN §2.1) as JSON Schema: the shape and ranges; the domain then checks the rules
 * across fields (a goal among the assistant's boolean variables, `untilGoal` needing a goal).
 */
const ClockTime = Type.String({
  pattern: '^([01]\\d|2[0-3]):[0-5]\\d$|^24:00$',
  'x-allowed': 'a time HH:MM between 00:00 and 24:00',
});
const Day = Type.Enum(WEEKDAYS);
const range = (limits: { min: number; max: number }, description: string) =>
  Type.Integer({ minimum: limits.min, maximum: limits.max, description });

const settingsFields = {
  name: Type.String({ minLength: 1, maxLength: CAMPAIGN_NAME_MAX_LENGTH }),
  schedule: Type.Object(
    {
      startTime: ClockTime,
      endTime: ClockTime,
      days: Type.Array(Day, { minItems: 1, maxItems: 7 }),
    },
    {
      additionalProperties: false,
      description: "Calling hours in the assistant's time zone. Default Mon–Fri 09:00–18:00.",
    },
  ),
  retry: Type.Object(
    {
      maxRetries: range(SETTINGS_LIMITS.maxRetries, 'Attempts per number. Default 3.'),
      intervalMinutes: range(SETTINGS_LIMITS.intervalMinutes, 'Minutes between attempts. Default 60.'),
      onVoicemail: Type.Boolean({ description: 'Try again after a voicemail. Default true.' }),
      untilGoal: Type.Boolean({
        description: 'Keep trying answered leads until the goal is met. Default false.',
      }),
    },
    { additionalProperties: false },
  ),
  goal: Nullable(
    Type.Object(
      { variable: Type.String({ description: "One of the assistant's boolean variables." }) },
      { additionalProperties: false },
    ),
  ),
  maxConcurrentCalls: range(SETTINGS_LIMITS.maxConcurrentCalls, 'Calls at once. Default 5.'),
};

const PartialSections = {
  ...settingsFields,
  schedule: Type.Partial(settingsFields.schedule, { additionalProperties: false }),
  retry: Type.Partial(settingsFields.retry, { additionalProperties: false }),
};

export const CampaignCreate = Type.Object(
  {
    assistantId: Id('asst'),
    name: settingsFields.name,
    schedule: Type.Optional(PartialSections.schedule),
    retry: Type.Optional(PartialSections.retry),
    goal: Type.Optional(settingsFields.goal),
    maxConcurrentCalls: Type.Optional(settingsFields.maxConcurrentCalls),
  },
  { additionalProperties: false },
);

export const CampaignPatch = Type.Partial(Type.Object(PartialSections), { additionalProperties: false });

const LeadCounts = Type.Object(Object.fromEntries(LEAD_STATUSES.map((s) => [s, Type.Integer()])));

export const Campaign = Type.Object({
  id: Type.String(),
  assistantId: Type.String(),
  ...settingsFields,
  status: Type.String({ description: 'draft, active, paused or completed.' }),
  pauseReason: Nullable(Type.String()),
  leadCounts: LeadCounts,
  dialing: Type.Object(
    {
      state: Type.Enum(DIALING_STATES),
      reason: Nullable(Type.Enum(DIALING_REASONS)),
      nextDialAt: NullableInstant,
    },
    { description: 'Why calls are or are not being placed now, and when the next one can be.' },
  ),
  createdAt: Instant,
  startedAt: NullableInstant,
  endedAt: NullableInstant,
});

export const StartRefused = Type.Object(
  {
    code: Type.Literal('campaign_not_startable'),
    unmet: Type.Array(Type.Object({ code: Type.String(), message: Type.String() })),
  },
  { additionalProperties: true },
);

export const CampaignStats = Type.Object({
  leads: LeadCounts,
  calls: Type.Record(Type.String(), Type.Integer()),
  inFlight: Type.Integer(),
  voicemail: Type.Integer(),
  goalAchieved: Type.Integer(),
  answerRate: Nullable(
    Type.Number({ description: 'Answered by a person / finished calls; null before any.' }),
  ),
  cost: Type.Object({ amount: Type.String(), currency: Type.String() }),
  lastEventSeq: Type.Integer({
    description:
      "The seq of the campaign's newest event, 0 before any, read with these figures: " +
      '`GET /v1/campaigns/{id}/events?after=<lastEventSeq>` streams exactly the changes they do not include yet.',
  }),
});

/** The most buckets a timeline answers: 500 hours are three weeks, 500 days well over a year. */
export const TIMELINE_MAX_BUCKETS = 500;

const TIMELINE_BUCKETS = ['hour', 'day'] as const;

export const TimelineQuery = Type.Object({
  bucket: Type.Enum(TIMELINE_BUCKETS, {
    default: 'hour',
    description: "hour: UTC hours. day: days from local midnight in the campaign's time zone.",
  }),
});

const CallCounts = Type.Object(Object.fromEntries(CALL_STATUSES.map((s) => [s, Type.Integer()])), {
  description: 'The calls by their status now.',
});

export const CallTimeline = Type.Object({
  bucket: Type.Enum(TIMELINE_BUCKETS),
  timezone: Type.String({
    description:
      "The campaign's time zone (its assistant's, IANA): a day bucket runs from local midnight to local midnight " +
      'in it, 23 or 25 hours across a DST change. Hour buckets are UTC hours, which are its hours too unless ' +
      'its offset is not whole hours (Asia/Kolkata).',
  }),
  buckets: Type.Array(
    Type.Object({
      start: Type.String({
        format: 'date-time',
        description:
          "The bucket's first instant, ISO 8601 UTC: the hour, or the local midnight starting the day.",
      }),
      calls: Type.Integer({ description: 'Calls placed in the bucket.' }),
      answered: Type.Integer({
        description: 'Answered by a person: completed, not by a machine (as in the answer rate of stats).',
      }),
      voicemail: Type.Integer({ description: 'Completed calls a machine answered.' }),
      goalAchieved: Type.Integer(),
      byStatus: CallCounts,
    }),
    {
      description: `By when the calls were placed, oldest first: only buckets with calls, at most the newest ${TIMELINE_MAX_BUCKETS}.`,
    },
  ),
});
