import { describe, expect, it } from 'vitest';

import { err, ok } from './result.js';
import type { FieldError } from './result.js';
import {
  DEFAULT_SETTINGS,
  SETTINGS_LIMITS,
  applySettingsPatch,
  validateAssistantVariables,
  validateCampaignSettings,
  validateTimeZone,
} from './settings.js';
import type { AssistantVariable, CampaignSettings } from './settings.js';

const assistant: { readonly variables: readonly AssistantVariable[] } = {
  variables: [
    { name: 'appointment_booked', type: 'boolean' },
    { name: 'budget', type: 'number' },
    { name: 'notes', type: 'string' },
  ],
};

const full = {
  name: 'Spring follow-up',
  schedule: { startTime: '08:30', endTime: '20:00', days: ['sat', 'mon'] },
  retry: { maxRetries: 5, intervalMinutes: 120, onVoicemail: false, untilGoal: true },
  goal: { variable: 'appointment_booked' },
  maxConcurrentCalls: 20,
};

function validSettings(input: unknown): CampaignSettings {
  const result = validateCampaignSettings(input, assistant);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}

/** The errors for `input`, which must fail. */
function errorsOf(input: unknown): readonly FieldError[] {
  const result = validateCampaignSettings(input, assistant);
  if (result.ok) throw new Error(`expected errors, got ${JSON.stringify(result.value)}`);
  return result.error;
}

describe('validateCampaignSettings: defaults (DESIGN §2.1)', () => {
  it('fills every default except the name', () => {
    expect(validSettings({ name: 'Spring follow-up' })).toEqual({
      name: 'Spring follow-up',
      schedule: { startTime: '09:00', endTime: '18:00', days: ['mon', 'tue', 'wed', 'thu', 'fri'] },
      retry: { maxRetries: 3, intervalMinutes: 60, onVoicemail: true, untilGoal: false },
      goal: null,
      maxConcurrentCalls: 5,
    });
  });

  it('DEFAULT_SETTINGS holds the same defaults and cannot be mutated', () => {
    expect({ name: 'x', ...DEFAULT_SETTINGS }).toEqual(validSettings({ name: 'x' }));
    expect(Object.isFrozen(DEFAULT_SETTINGS.schedule.days)).toBe(true);
    expect(Object.isFrozen(DEFAULT_SETTINGS.retry)).toBe(true);
  });

  it('fills defaults field by field inside nested objects', () => {
    const settings = validSettings({ name: 'x', schedule: { endTime: '17:00' }, retry: { maxRetries: 1 } });
    expect(settings.schedule).toEqual({
      startTime: '09:00',
      endTime: '17:00',
      days: DEFAULT_SETTINGS.schedule.days,
    });
    expect(settings.retry).toEqual({ ...DEFAULT_SETTINGS.retry, maxRetries: 1 });
  });

  it('keeps every given value', () => {
    expect(validSettings(full)).toEqual({ ...full, schedule: { ...full.schedule, days: ['mon', 'sat'] } });
  });

  it('treats goal null and an absent goal alike', () => {
    expect(validSettings({ name: 'x', goal: null }).goal).toBeNull();
  });

  it('trims the name', () => {
    expect(validSettings({ name: '  Spring  ' }).name).toBe('Spring');
  });

  it('sorts days mon..sun and drops duplicates', () => {
    const days = validSettings({ name: 'x', schedule: { days: ['sun', 'fri', 'mon', 'fri', 'sun'] } })
      .schedule.days;
    expect(days).toEqual(['mon', 'fri', 'sun']);
  });

  it.each([
    ['00:00', '24:00'],
    ['23:59', '24:00'],
    ['00:00', '00:01'],
  ])('accepts calling hours %s–%s (the edges of the day)', (startTime, endTime) => {
    expect(validSettings({ name: 'x', schedule: { startTime, endTime } }).schedule).toMatchObject({
      startTime,
      endTime,
    });
  });

  it.each(Object.entries(SETTINGS_LIMITS))('accepts both ends of %s', (field, { min, max }) => {
    for (const value of [min, max]) {
      const input =
        field === 'maxConcurrentCalls'
          ? { name: 'x', [field]: value }
          : { name: 'x', retry: { [field]: value } };
      expect(validateCampaignSettings(input, assistant).ok).toBe(true);
    }
  });
});

describe('validateCampaignSettings: one rule, one message', () => {
  const booleanVariables = "must be one of the assistant's boolean variables (appointment_booked)";
  const untilGoalNeedsGoal = {
    path: 'retry.untilGoal',
    message: "needs a goal: set goal.variable to one of the assistant's boolean variables",
  };

  it.each<[string, Record<string, unknown>, FieldError[]]>([
    // name
    [
      'missing name',
      { name: undefined },
      [{ path: 'name', message: 'must be a non-empty text of at most 200 characters, got nothing' }],
    ],
    [
      'blank name',
      { name: '   ' },
      [{ path: 'name', message: 'must be a non-empty text of at most 200 characters, got "   "' }],
    ],
    [
      'numeric name',
      { name: 7 },
      [{ path: 'name', message: 'must be a non-empty text of at most 200 characters, got 7' }],
    ],
    [
      'long name',
      { name: 'n'.repeat(201) },
      [{ path: 'name', message: 'must be a non-empty text of at most 200 characters, got 201 characters' }],
    ],
    // integers: range, then type
    [
      'maxRetries 7',
      { retry: { maxRetries: 7 } },
      [{ path: 'retry.maxRetries', message: 'must be 1–5, got 7' }],
    ],
    [
      'maxRetries 0',
      { retry: { maxRetries: 0 } },
      [{ path: 'retry.maxRetries', message: 'must be 1–5, got 0' }],
    ],
    [
      'maxRetries "3"',
      { retry: { maxRetries: '3' } },
      [{ path: 'retry.maxRetries', message: 'must be an integer 1–5, got "3"' }],
    ],
    [
      'maxRetries 2.5',
      { retry: { maxRetries: 2.5 } },
      [{ path: 'retry.maxRetries', message: 'must be an integer 1–5, got 2.5' }],
    ],
    [
      'maxRetries null',
      { retry: { maxRetries: null } },
      [{ path: 'retry.maxRetries', message: 'must be an integer 1–5, got null' }],
    ],
    [
      'intervalMinutes 9',
      { retry: { intervalMinutes: 9 } },
      [{ path: 'retry.intervalMinutes', message: 'must be 10–4320, got 9' }],
    ],
    [
      'intervalMinutes 4321',
      { retry: { intervalMinutes: 4321 } },
      [{ path: 'retry.intervalMinutes', message: 'must be 10–4320, got 4321' }],
    ],
    [
      'maxConcurrentCalls 0',
      { maxConcurrentCalls: 0 },
      [{ path: 'maxConcurrentCalls', message: 'must be 1–100, got 0' }],
    ],
    [
      'maxConcurrentCalls 101',
      { maxConcurrentCalls: 101 },
      [{ path: 'maxConcurrentCalls', message: 'must be 1–100, got 101' }],
    ],
    [
      'maxConcurrentCalls true',
      { maxConcurrentCalls: true },
      [{ path: 'maxConcurrentCalls', message: 'must be an integer 1–100, got true' }],
    ],
    // booleans
    [
      'onVoicemail "yes"',
      { retry: { onVoicemail: 'yes' } },
      [{ path: 'retry.onVoicemail', message: 'must be true or false, got "yes"' }],
    ],
    [
      'untilGoal 1',
      { retry: { untilGoal: 1 } },
      [{ path: 'retry.untilGoal', message: 'must be true or false, got 1' }],
    ],
    // calling hours
    [
      'startTime "9am"',
      { schedule: { startTime: '9am' } },
      [{ path: 'schedule.startTime', message: 'must be a time HH:MM between 00:00 and 24:00, got "9am"' }],
    ],
    [
      'endTime "24:01"',
      { schedule: { endTime: '24:01' } },
      [{ path: 'schedule.endTime', message: 'must be a time HH:MM between 00:00 and 24:00, got "24:01"' }],
    ],
    [
      'endTime 1800',
      { schedule: { endTime: 1800 } },
      [{ path: 'schedule.endTime', message: 'must be a time HH:MM between 00:00 and 24:00, got 1800' }],
    ],
    [
      'start after end',
      { schedule: { startTime: '18:00', endTime: '09:00' } },
      [{ path: 'schedule.endTime', message: 'must be later than startTime 18:00, got "09:00"' }],
    ],
    [
      'start equal to end',
      { schedule: { startTime: '12:00', endTime: '12:00' } },
      [{ path: 'schedule.endTime', message: 'must be later than startTime 12:00, got "12:00"' }],
    ],
    [
      'start after the default end',
      { schedule: { startTime: '19:00' } },
      [{ path: 'schedule.endTime', message: 'must be later than startTime 19:00, got "18:00"' }],
    ],
    // days
    [
      'no days',
      { schedule: { days: [] } },
      [
        {
          path: 'schedule.days',
          message: 'must name at least one day of mon, tue, wed, thu, fri, sat, sun, got []',
        },
      ],
    ],
    [
      'unknown day',
      { schedule: { days: ['mon', 'funday'] } },
      [
        {
          path: 'schedule.days[1]',
          message: 'must be one of mon, tue, wed, thu, fri, sat, sun, got "funday"',
        },
      ],
    ],
    [
      'capitalised day',
      { schedule: { days: ['Mon'] } },
      [{ path: 'schedule.days[0]', message: 'must be one of mon, tue, wed, thu, fri, sat, sun, got "Mon"' }],
    ],
    [
      'days not a list',
      { schedule: { days: 'mon' } },
      [
        {
          path: 'schedule.days',
          message: 'must be a list naming at least one day of mon, tue, wed, thu, fri, sat, sun, got "mon"',
        },
      ],
    ],
    // goal
    ['untilGoal without a goal', { retry: { untilGoal: true } }, [untilGoalNeedsGoal]],
    ['untilGoal with goal null', { retry: { untilGoal: true }, goal: null }, [untilGoalNeedsGoal]],
    [
      'undefined goal variable',
      { goal: { variable: 'foo' } },
      [{ path: 'goal.variable', message: `${booleanVariables}, got "foo"` }],
    ],
    [
      'missing goal variable',
      { goal: {} },
      [{ path: 'goal.variable', message: `${booleanVariables}, got nothing` }],
    ],
    [
      'number goal variable',
      { goal: { variable: 'budget' } },
      [{ path: 'goal.variable', message: 'must be a boolean variable, but "budget" is number' }],
    ],
    [
      'string goal variable',
      { goal: { variable: 'notes' } },
      [{ path: 'goal.variable', message: 'must be a boolean variable, but "notes" is string' }],
    ],
    [
      'goal as a bare name (its failure does not also blame untilGoal)',
      { goal: 'appointment_booked', retry: { untilGoal: true } },
      [{ path: 'goal', message: 'must be an object, got "appointment_booked"' }],
    ],
    // shapes and unknown keys
    [
      'schedule not an object',
      { schedule: 'weekdays' },
      [{ path: 'schedule', message: 'must be an object, got "weekdays"' }],
    ],
    ['retry null', { retry: null }, [{ path: 'retry', message: 'must be an object, got null' }]],
    ['unknown top-level key', { maxRetry: 3 }, [{ path: 'maxRetry', message: 'is not a known setting' }]],
    [
      'timezone is the assistant’s',
      { timezone: 'Europe/Paris' },
      [{ path: 'timezone', message: 'is not a known setting' }],
    ],
    [
      'unknown schedule key',
      { schedule: { start: '08:00' } },
      [{ path: 'schedule.start', message: 'is not a known setting' }],
    ],
    [
      'unknown retry key',
      { retry: { onVoiceMail: false } },
      [{ path: 'retry.onVoiceMail', message: 'is not a known setting' }],
    ],
    [
      'unknown goal key',
      { goal: { variable: 'appointment_booked', value: true } },
      [{ path: 'goal.value', message: 'is not a known setting' }],
    ],
  ])('%s', (_case, input, expected) => {
    expect(errorsOf({ name: 'x', ...input })).toEqual(expected);
  });

  it.each([null, [], 'settings', 42])('refuses %j as a whole', (input) => {
    expect(errorsOf(input)).toEqual([
      { path: '', message: `must be an object of campaign settings, got ${JSON.stringify(input)}` },
    ]);
  });

  it('reports an assistant without boolean variables', () => {
    const result = validateCampaignSettings({ name: 'x', goal: { variable: 'foo' } }, { variables: [] });
    expect(result).toEqual(
      err([
        {
          path: 'goal.variable',
          message: `must be one of the assistant's boolean variables (the assistant defines none), got "foo"`,
        },
      ]),
    );
  });

  it('reports every problem at once', () => {
    const errors = errorsOf({
      name: '',
      nmae: 'typo',
      schedule: { startTime: '9am', days: ['mon', 'funday', 'noday'] },
      retry: { maxRetries: 7, intervalMinutes: '60', onVoicemail: 'yes', untilGoal: true },
      maxConcurrentCalls: 0,
    });
    expect(errors.map((e) => e.path)).toEqual([
      'nmae',
      'name',
      'schedule.startTime',
      'schedule.days[1]',
      'schedule.days[2]',
      'retry.maxRetries',
      'retry.intervalMinutes',
      'retry.onVoicemail',
      'retry.untilGoal',
      'maxConcurrentCalls',
    ]);
  });
});

describe('applySettingsPatch', () => {
  const current = validSettings(full);

  function patched(patch: unknown): CampaignSettings {
    const result = applySettingsPatch(current, patch, assistant);
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    return result.value;
  }

  it('an empty patch changes nothing', () => {
    expect(patched({})).toEqual(current);
  });

  it('merges nested objects field by field', () => {
    expect(patched({ schedule: { endTime: '21:00' }, retry: { maxRetries: 2 } })).toEqual({
      ...current,
      schedule: { ...current.schedule, endTime: '21:00' },
      retry: { ...current.retry, maxRetries: 2 },
    });
  });

  it('replaces the days list as a whole', () => {
    expect(patched({ schedule: { days: ['sun'] } }).schedule.days).toEqual(['sun']);
  });

  it('replaces top-level values', () => {
    expect(patched({ name: ' Renamed ', maxConcurrentCalls: 1 })).toMatchObject({
      name: 'Renamed',
      maxConcurrentCalls: 1,
    });
  });

  it('goal: null removes the goal, which untilGoal needs', () => {
    expect(applySettingsPatch(current, { goal: null }, assistant)).toEqual(
      err([
        {
          path: 'retry.untilGoal',
          message: "needs a goal: set goal.variable to one of the assistant's boolean variables",
        },
      ]),
    );
    expect(patched({ goal: null, retry: { untilGoal: false } })).toMatchObject({
      goal: null,
      retry: { ...current.retry, untilGoal: false },
    });
  });

  it('sets a goal where there was none', () => {
    const withoutGoal = validSettings({ name: 'x' });
    const result = applySettingsPatch(
      withoutGoal,
      { goal: { variable: 'appointment_booked' }, retry: { untilGoal: true } },
      assistant,
    );
    expect(result).toEqual(
      ok({
        ...withoutGoal,
        goal: { variable: 'appointment_booked' },
        retry: { ...withoutGoal.retry, untilGoal: true },
      }),
    );
  });

  it('validates the merged result as a whole', () => {
    // Only startTime changes, yet it now collides with the current end.
    expect(applySettingsPatch(current, { schedule: { startTime: '20:00' } }, assistant)).toEqual(
      err([{ path: 'schedule.endTime', message: 'must be later than startTime 20:00, got "20:00"' }]),
    );
  });

  it('re-checks the current goal against the assistant given now', () => {
    const result = applySettingsPatch(
      current,
      {},
      { variables: [{ name: 'appointment_booked', type: 'string' }] },
    );
    expect(result).toEqual(
      err([
        { path: 'goal.variable', message: 'must be a boolean variable, but "appointment_booked" is string' },
      ]),
    );
  });

  it.each<[string, unknown, FieldError[]]>([
    ['unknown key', { maxRetries: 2 }, [{ path: 'maxRetries', message: 'is not a known setting' }]],
    ['unknown nested key', { retry: { max: 2 } }, [{ path: 'retry.max', message: 'is not a known setting' }]],
    [
      'out of range',
      { retry: { intervalMinutes: 5 } },
      [{ path: 'retry.intervalMinutes', message: 'must be 10–4320, got 5' }],
    ],
    [
      'nested object replaced by a scalar',
      { schedule: 5 },
      [{ path: 'schedule', message: 'must be an object, got 5' }],
    ],
    [
      'name removed',
      { name: null },
      [{ path: 'name', message: 'must be a non-empty text of at most 200 characters, got null' }],
    ],
    ['not an object', [], [{ path: '', message: 'must be an object of campaign settings, got []' }]],
  ])('refuses a patch with %s', (_case, patch, expected) => {
    expect(applySettingsPatch(current, patch, assistant)).toEqual(err(expected));
  });

  it('does not modify the current settings', () => {
    const before = JSON.stringify(current);
    patched({ schedule: { days: ['sun'] }, retry: { maxRetries: 1 } });
    expect(JSON.stringify(current)).toBe(before);
  });
});

describe('validateAssistantVariables', () => {
  it('accepts a list of named, typed variables', () => {
    expect(validateAssistantVariables(assistant.variables)).toEqual(ok(assistant.variables));
    expect(validateAssistantVariables([])).toEqual(ok([]));
    expect(validateAssistantVariables([{ name: `_${'a'.repeat(63)}`, type: 'number' }]).ok).toBe(true);
  });

  const nameRule =
    'must be a name of letters, digits and _ that does not start with a digit, at most 64 characters, got';

  it.each<[string, unknown, FieldError[]]>([
    [
      'not a list',
      { appointment_booked: 'boolean' },
      [
        {
          path: 'variables',
          message: 'must be a list of {"name","type"} objects, got {"appointment_booked":"boolean"}',
        },
      ],
    ],
    ['an item not an object', ['x'], [{ path: 'variables[0]', message: 'must be an object, got "x"' }]],
    [
      'a bad type',
      [
        { name: 'ok', type: 'boolean' },
        { name: 'a', type: 'string' },
        { name: 'b', type: 'bool' },
      ],
      [{ path: 'variables[2].type', message: 'must be one of boolean, string, number, got "bool"' }],
    ],
    [
      'a missing type',
      [{ name: 'a' }],
      [{ path: 'variables[0].type', message: 'must be one of boolean, string, number, got nothing' }],
    ],
    [
      'a name starting with a digit',
      [{ name: '1st', type: 'string' }],
      [{ path: 'variables[0].name', message: `${nameRule} "1st"` }],
    ],
    [
      'a name with a space',
      [{ name: 'a b', type: 'string' }],
      [{ path: 'variables[0].name', message: `${nameRule} "a b"` }],
    ],
    [
      'a name of 65 characters',
      [{ name: 'a'.repeat(65), type: 'string' }],
      [{ path: 'variables[0].name', message: `${nameRule} "${'a'.repeat(65)}"` }],
    ],
    [
      'a duplicate name',
      [
        { name: 'x', type: 'boolean' },
        { name: 'y', type: 'string' },
        { name: 'x', type: 'number' },
      ],
      [{ path: 'variables[2].name', message: 'must be unique, but "x" is also variables[0]' }],
    ],
    [
      'an unknown property',
      [{ name: 'x', type: 'boolean', default: false }],
      [{ path: 'variables[0].default', message: 'is not a known variable property' }],
    ],
    [
      'several problems',
      [{ name: '', type: 'date' }, null],
      [
        { path: 'variables[0].name', message: `${nameRule} ""` },
        { path: 'variables[0].type', message: 'must be one of boolean, string, number, got "date"' },
        { path: 'variables[1]', message: 'must be an object, got null' },
      ],
    ],
  ])('refuses %s', (_case, input, expected) => {
    expect(validateAssistantVariables(input)).toEqual(err(expected));
  });
});

describe('validateTimeZone', () => {
  it.each(['America/New_York', 'Europe/Paris', 'Asia/Kolkata', 'UTC'])('accepts %s', (tz) => {
    expect(validateTimeZone('timezone', tz)).toBeNull();
  });

  it.each([
    ['Mars/Olympus', 'must be an IANA time zone such as America/New_York, got "Mars/Olympus"'],
    ['', 'must be an IANA time zone such as America/New_York, got ""'],
    [5, 'must be an IANA time zone such as America/New_York, got 5'],
  ])('refuses %j', (tz, message) => {
    expect(validateTimeZone('assistant.timezone', tz)).toEqual({ path: 'assistant.timezone', message });
  });
});
