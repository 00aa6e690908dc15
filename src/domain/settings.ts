/**
 * Campaign settings (DESIGN §2.1): ranges, defaults and validation of user input.
 *
 * Input is parsed JSON from a user, so everything arrives as `unknown`. Validation reports every problem at
 * once; each `FieldError` names the field (`path`), the value it got and what is allowed. Unknown keys are
 * refused rather than ignored, so a typo (`maxRetry`) is never silently replaced by a default.
 *
 * Small checkers (`readInteger`, `readBoolean`, …) each read one value, push an error when it is wrong, and
 * return the value or `undefined`; the validators compose them and only build settings when nothing failed.
 */
import { WEEKDAYS, isValidTimeZone, parseClockTime } from './calling-window.js';
import type { Weekday } from './calling-window.js';
import { err, ok } from './result.js';
import type { FieldError, Result } from './result.js';

/** A post-call variable the assistant reports (DESIGN §1); a goal is one of its boolean variables. */
export interface AssistantVariable {
  readonly name: string;
  readonly type: 'boolean' | 'string' | 'number';
}

export const ASSISTANT_VARIABLE_TYPES = [
  'boolean',
  'string',
  'number',
] as const satisfies readonly AssistantVariable['type'][];

export interface CampaignSettings {
  readonly name: string;
  /** Local calling hours `[startTime, endTime)` as canonical `HH:MM`, on the allowed days (mon..sun order). */
  readonly schedule: {
    readonly startTime: string;
    readonly endTime: string;
    readonly days: readonly Weekday[];
  };
  readonly retry: {
    readonly maxRetries: number;
    readonly intervalMinutes: number;
    readonly onVoicemail: boolean;
    readonly untilGoal: boolean;
  };
  readonly goal: { readonly variable: string } | null;
  readonly maxConcurrentCalls: number;
}

interface IntegerRange {
  readonly min: number;
  readonly max: number;
}

export const SETTINGS_LIMITS = {
  maxRetries: { min: 1, max: 5 },
  intervalMinutes: { min: 10, max: 4320 },
  maxConcurrentCalls: { min: 1, max: 100 },
} as const satisfies Record<string, IntegerRange>;

/** A campaign name is what people see in lists; 200 characters is plenty and keeps tables readable. */
export const CAMPAIGN_NAME_MAX_LENGTH = 200;

export const DEFAULT_SETTINGS: Omit<CampaignSettings, 'name'> = Object.freeze({
  schedule: Object.freeze({
    startTime: '09:00',
    endTime: '18:00',
    days: Object.freeze(['mon', 'tue', 'wed', 'thu', 'fri'] as const),
  }),
  retry: Object.freeze({ maxRetries: 3, intervalMinutes: 60, onVoicemail: true, untilGoal: false }),
  goal: null,
  maxConcurrentCalls: 5,
});

type Assistant = { readonly variables: readonly AssistantVariable[] };
type Errors = FieldError[];
type JsonObject = Readonly<Record<string, unknown>>;

const SETTINGS_KEYS = ['name', 'schedule', 'retry', 'goal', 'maxConcurrentCalls'] as const;
const SCHEDULE_KEYS = ['startTime', 'endTime', 'days'] as const;
const RETRY_KEYS = ['maxRetries', 'intervalMinutes', 'onVoicemail', 'untilGoal'] as const;
const GOAL_KEYS = ['variable'] as const;
const VARIABLE_KEYS = ['name', 'type'] as const;

const UNKNOWN_SETTING = 'is not a known setting';
const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
const DAY_LIST = WEEKDAYS.join(', ');

/** Shows a user's value in a message; `undefined` (a missing field) reads as "nothing". */
function show(value: unknown): string {
  return value === undefined ? 'nothing' : (JSON.stringify(value) ?? typeof value);
}

function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function join(prefix: string, key: string): string {
  return prefix === '' ? key : `${prefix}.${key}`;
}

// ── checkers: read one value, push an error if it is wrong, return the value or undefined ──

/** Refuses keys outside `known`, so a typo is reported instead of silently replaced by a default. */
function rejectUnknownKeys(
  prefix: string,
  object: JsonObject,
  known: readonly string[],
  message: string,
  errors: Errors,
): void {
  for (const key of Object.keys(object)) {
    if (!known.includes(key)) errors.push({ path: join(prefix, key), message });
  }
}

/** Reads a nested object of known keys; `undefined` (with an error pushed) when it is not an object. */
function readObject(
  path: string,
  value: unknown,
  known: readonly string[],
  unknownKeyMessage: string,
  errors: Errors,
): JsonObject | undefined {
  if (!isJsonObject(value)) {
    errors.push({ path, message: `must be an object, got ${show(value)}` });
    return undefined;
  }
  rejectUnknownKeys(path, value, known, unknownKeyMessage, errors);
  return value;
}

/** A field's value, or `fallback` when it is absent. Only absence takes the default: `null` is an error. */
function valueOr(object: JsonObject, key: string, fallback: unknown): unknown {
  const value = object[key];
  return value === undefined ? fallback : value;
}

function readInteger(path: string, value: unknown, range: IntegerRange, errors: Errors): number | undefined {
  const allowed = `${range.min}–${range.max}`;
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    errors.push({ path, message: `must be an integer ${allowed}, got ${show(value)}` });
    return undefined;
  }
  if (value < range.min || value > range.max) {
    errors.push({ path, message: `must be ${allowed}, got ${show(value)}` });
    return undefined;
  }
  return value;
}

function readBoolean(path: string, value: unknown, errors: Errors): boolean | undefined {
  if (typeof value === 'boolean') return value;
  errors.push({ path, message: `must be true or false, got ${show(value)}` });
  return undefined;
}

/** A clock time as minutes since midnight (0..1440), or undefined with an error pushed. */
function readClockTime(path: string, value: unknown, errors: Errors): number | undefined {
  const minutes = typeof value === 'string' ? parseClockTime(value) : null;
  if (minutes === null) {
    errors.push({ path, message: `must be a time HH:MM between 00:00 and 24:00, got ${show(value)}` });
    return undefined;
  }
  return minutes;
}

function readName(path: string, value: unknown, errors: Errors): string | undefined {
  const allowed = `a non-empty text of at most ${CAMPAIGN_NAME_MAX_LENGTH} characters`;
  const trimmed = typeof value === 'string' ? value.trim() : '';
  if (trimmed === '') {
    errors.push({ path, message: `must be ${allowed}, got ${show(value)}` });
    return undefined;
  }
  const length = [...trimmed].length;
  if (length > CAMPAIGN_NAME_MAX_LENGTH) {
    errors.push({ path, message: `must be ${allowed}, got ${length} characters` });
    return undefined;
  }
  return trimmed;
}

/** The allowed days, de-duplicated and in mon..sun order. */
function readDays(path: string, value: unknown, errors: Errors): Weekday[] | undefined {
  if (!Array.isArray(value)) {
    errors.push({
      path,
      message: `must be a list naming at least one day of ${DAY_LIST}, got ${show(value)}`,
    });
    return undefined;
  }
  if (value.length === 0) {
    errors.push({ path, message: `must name at least one day of ${DAY_LIST}, got []` });
    return undefined;
  }
  const chosen = new Set<unknown>();
  let valid = true;
  value.forEach((day: unknown, index) => {
    if (!(WEEKDAYS as readonly unknown[]).includes(day)) {
      errors.push({ path: `${path}[${index}]`, message: `must be one of ${DAY_LIST}, got ${show(day)}` });
      valid = false;
    }
    chosen.add(day);
  });
  return valid ? WEEKDAYS.filter((day) => chosen.has(day)) : undefined;
}

/** The goal variable: it must be one of the assistant's boolean variables (DESIGN §2.1). */
function readGoalVariable(
  path: string,
  value: unknown,
  assistant: Assistant,
  errors: Errors,
): string | undefined {
  const booleans = assistant.variables.filter((variable) => variable.type === 'boolean').map((v) => v.name);
  const defined = assistant.variables.find((variable) => variable.name === value);
  if (defined !== undefined && defined.type !== 'boolean') {
    errors.push({
      path,
      message: `must be a boolean variable, but ${show(defined.name)} is ${defined.type}`,
    });
    return undefined;
  }
  if (defined === undefined) {
    const list = booleans.length === 0 ? 'the assistant defines none' : booleans.join(', ');
    errors.push({
      path,
      message: `must be one of the assistant's boolean variables (${list}), got ${show(value)}`,
    });
    return undefined;
  }
  return defined.name;
}

// ── validators ──

/**
 * Validates a whole settings object and fills defaults for every absent field except `name`; reports EVERY
 * problem at once. `assistant` gives the variables the goal must refer to.
 */
export function validateCampaignSettings(
  input: unknown,
  assistant: Assistant,
): Result<CampaignSettings, readonly FieldError[]> {
  if (!isJsonObject(input)) {
    return err([{ path: '', message: `must be an object of campaign settings, got ${show(input)}` }]);
  }
  const errors: Errors = [];
  rejectUnknownKeys('', input, SETTINGS_KEYS, UNKNOWN_SETTING, errors);
  const name = readName('name', input['name'], errors);
  const schedule = readSchedule(readSection(input, 'schedule', SCHEDULE_KEYS, errors), errors);

  const retryIn = readSection(input, 'retry', RETRY_KEYS, errors);
  const retryDefaults = DEFAULT_SETTINGS.retry;
  const retry = {
    maxRetries: readInteger(
      'retry.maxRetries',
      valueOr(retryIn, 'maxRetries', retryDefaults.maxRetries),
      SETTINGS_LIMITS.maxRetries,
      errors,
    ),
    intervalMinutes: readInteger(
      'retry.intervalMinutes',
      valueOr(retryIn, 'intervalMinutes', retryDefaults.intervalMinutes),
      SETTINGS_LIMITS.intervalMinutes,
      errors,
    ),
    onVoicemail: readBoolean(
      'retry.onVoicemail',
      valueOr(retryIn, 'onVoicemail', retryDefaults.onVoicemail),
      errors,
    ),
    untilGoal: readBoolean('retry.untilGoal', valueOr(retryIn, 'untilGoal', retryDefaults.untilGoal), errors),
  };

  // `goal: null` and an absent goal both mean "no goal"; a goal that failed validation is `undefined`.
  const goalIn = input['goal'];
  let goal: string | null | undefined = null;
  if (goalIn !== undefined && goalIn !== null) {
    const goalObject = readObject('goal', goalIn, GOAL_KEYS, UNKNOWN_SETTING, errors);
    goal =
      goalObject === undefined
        ? undefined
        : readGoalVariable('goal.variable', goalObject['variable'], assistant, errors);
  }
  if (retry.untilGoal === true && goal === null) {
    errors.push({
      path: 'retry.untilGoal',
      message: "needs a goal: set goal.variable to one of the assistant's boolean variables",
    });
  }

  const maxConcurrentCalls = readInteger(
    'maxConcurrentCalls',
    valueOr(input, 'maxConcurrentCalls', DEFAULT_SETTINGS.maxConcurrentCalls),
    SETTINGS_LIMITS.maxConcurrentCalls,
    errors,
  );

  if (
    errors.length > 0 ||
    name === undefined ||
    schedule === undefined ||
    retry.maxRetries === undefined ||
    retry.intervalMinutes === undefined ||
    retry.onVoicemail === undefined ||
    retry.untilGoal === undefined ||
    goal === undefined ||
    maxConcurrentCalls === undefined
  ) {
    return err(errors);
  }
  return ok({
    name,
    schedule,
    retry: {
      maxRetries: retry.maxRetries,
      intervalMinutes: retry.intervalMinutes,
      onVoicemail: retry.onVoicemail,
      untilGoal: retry.untilGoal,
    },
    goal: goal === null ? null : { variable: goal },
    maxConcurrentCalls,
  });
}

/**
 * A nested settings object (`schedule`, `retry`): `{}` when absent so every field takes its default, and also
 * when it is not an object (the error is pushed; defaults keep its fields from adding noise).
 */
function readSection(input: JsonObject, key: string, known: readonly string[], errors: Errors): JsonObject {
  const value = input[key];
  if (value === undefined) return {};
  return readObject(key, value, known, UNKNOWN_SETTING, errors) ?? {};
}

/** Calling hours and days; start must be before end (the window is `[start, end)`, DESIGN §2.5). */
function readSchedule(input: JsonObject, errors: Errors): CampaignSettings['schedule'] | undefined {
  const defaults = DEFAULT_SETTINGS.schedule;
  const start = readClockTime('schedule.startTime', valueOr(input, 'startTime', defaults.startTime), errors);
  const end = readClockTime('schedule.endTime', valueOr(input, 'endTime', defaults.endTime), errors);
  const days = readDays('schedule.days', valueOr(input, 'days', defaults.days), errors);
  if (start === undefined || end === undefined) return undefined;
  if (start >= end) {
    errors.push({
      path: 'schedule.endTime',
      message: `must be later than startTime ${formatClockTime(start)}, got ${show(formatClockTime(end))}`,
    });
    return undefined;
  }
  if (days === undefined) return undefined;
  return { startTime: formatClockTime(start), endTime: formatClockTime(end), days };
}

/** Minutes since midnight as canonical `HH:MM` (1440 → "24:00"). */
function formatClockTime(minutes: number): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}

/**
 * Applies a partial edit to current settings and validates the result as a whole (DESIGN §2.1: settings may be
 * edited while active or paused). The patch has the settings' shape, any subset: nested objects (`schedule`,
 * `retry`, `goal`) are merged field by field, arrays (`schedule.days`) replace, and `goal: null` removes the goal.
 */
export function applySettingsPatch(
  current: CampaignSettings,
  patch: unknown,
  assistant: Assistant,
): Result<CampaignSettings, readonly FieldError[]> {
  if (!isJsonObject(patch)) {
    return err([{ path: '', message: `must be an object of campaign settings, got ${show(patch)}` }]);
  }
  const merged: Record<string, unknown> = { ...current };
  for (const [key, value] of Object.entries(patch)) {
    const base = merged[key];
    merged[key] = isJsonObject(base) && isJsonObject(value) ? { ...base, ...value } : value;
  }
  return validateCampaignSettings(merged, assistant);
}

/**
 * Validates the post-call variables an assistant reports: a list of `{ name, type }` with identifier-like,
 * unique names. Paths read `variables[2].type`.
 */
export function validateAssistantVariables(
  input: unknown,
): Result<readonly AssistantVariable[], readonly FieldError[]> {
  if (!Array.isArray(input)) {
    return err([
      { path: 'variables', message: `must be a list of {"name","type"} objects, got ${show(input)}` },
    ]);
  }
  const errors: Errors = [];
  const variables: AssistantVariable[] = [];
  const firstIndexByName = new Map<string, number>();
  input.forEach((item: unknown, index) => {
    const path = `variables[${index}]`;
    const object = readObject(path, item, VARIABLE_KEYS, 'is not a known variable property', errors);
    if (object === undefined) return;
    const name = readVariableName(`${path}.name`, object['name'], errors);
    const type = readVariableType(`${path}.type`, object['type'], errors);
    if (name !== undefined) {
      const first = firstIndexByName.get(name);
      if (first !== undefined) {
        errors.push({
          path: `${path}.name`,
          message: `must be unique, but ${show(name)} is also variables[${first}]`,
        });
        return;
      }
      firstIndexByName.set(name, index);
    }
    if (name !== undefined && type !== undefined) variables.push({ name, type });
  });
  return errors.length > 0 ? err(errors) : ok(variables);
}

function readVariableName(path: string, value: unknown, errors: Errors): string | undefined {
  if (typeof value === 'string' && VARIABLE_NAME.test(value)) return value;
  errors.push({
    path,
    message: `must be a name of letters, digits and _ that does not start with a digit, at most 64 characters, got ${show(value)}`,
  });
  return undefined;
}

function readVariableType(
  path: string,
  value: unknown,
  errors: Errors,
): AssistantVariable['type'] | undefined {
  const type = ASSISTANT_VARIABLE_TYPES.find((candidate) => candidate === value);
  if (type === undefined) {
    errors.push({
      path,
      message: `must be one of ${ASSISTANT_VARIABLE_TYPES.join(', ')}, got ${show(value)}`,
    });
  }
  return type;
}

/**
 * Checks an assistant's timezone (the campaign's calling window is computed in it, DESIGN §2.1): a FieldError
 * for anything the IANA database does not know, else null.
 */
export function validateTimeZone(path: string, value: unknown): FieldError | null {
  if (typeof value === 'string' && isValidTimeZone(value)) return null;
  return { path, message: `must be an IANA time zone such as America/New_York, got ${show(value)}` };
}
