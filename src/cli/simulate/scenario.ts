import { isValidCountryCode, type CountryCode } from '../../imports/phone.js';
import {
  DEFAULT_SIMULATOR_OUTCOMES,
  resolveOutcomeRates,
  type SimulatorOutcomeRates,
} from '../../providers/simulator/random-outcome.js';
import { isKnownCurrency, parseAmount, parseRate, type Rate } from '../../domain/money.js';
import { isE164 } from '../../domain/phone-format.js';
import { parseIsoInstant } from '../../domain/time-format.js';
import { err, ok, type FieldError, type Result } from '../../domain/result.js';
import {
  validateAssistantVariables,
  validateCampaignSettings,
  validateTimeZone,
  type AssistantVariable,
  type CampaignSettings,
} from '../../domain/settings.js';

/**
 * The `callwright simulate --scenario s.json` file: who calls, from where, at what price, with which settings,
 * starting when. Every field but `start` has a default (the values of the example in docs/simulate.md).
 */
export interface Scenario {
  readonly start: number;
  readonly defaultCountry: CountryCode;
  readonly account: {
    readonly balanceMinor: number;
    readonly currency: string;
    readonly minimumStartBalanceMinor: number;
  };
  readonly assistant: {
    readonly name: string;
    readonly timezone: string;
    readonly rate: Rate;
    readonly maxCallMinutes: number;
    readonly phoneNumber: string;
    readonly callsPerSecond: number;
    readonly variables: readonly AssistantVariable[];
  };
  readonly campaign: CampaignSettings;
  readonly simulator: { readonly seed: number; readonly outcomes: SimulatorOutcomeRates };
}

const DEFAULTS = {
  defaultCountry: 'US',
  account: { balance: '500.00', currency: 'USD', minimumStartBalance: '1.00' },
  assistant: {
    name: 'Ava',
    timezone: 'America/New_York',
    ratePerMinute: '0.10',
    maxCallMinutes: 30,
    phoneNumber: '+12125550199',
    callsPerSecond: 1,
    variables: [{ name: 'appointment_booked', type: 'boolean' }],
  },
  campaign: { name: 'Simulated campaign' },
  simulator: { seed: 7 },
} as const;

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const show = (v: unknown) => JSON.stringify(v) ?? 'nothing';

export function parseScenario(input: unknown): Result<Scenario, readonly FieldError[]> {
  const errors: FieldError[] = [];
  const fail = (path: string, message: string) => {
    errors.push({ path, message });
    return undefined;
  };
  if (!isObject(input)) return err([{ path: '', message: `must be a JSON object, got ${show(input)}` }]);
  const section = (key: string): Json => {
    const value = input[key];
    if (value === undefined) return {};
    if (isObject(value)) return value;
    fail(key, `must be an object, got ${show(value)}`);
    return {};
  };
  const account = section('account');
  const assistant = section('assistant');
  const simulator = section('simulator');

  const startText = input.start;
  const start =
    parseIsoInstant(startText) ??
    fail(
      'start',
      `must be an ISO 8601 time with an offset such as "2026-03-06T16:30:00-05:00", got ${show(startText)}`,
    );

  const country = input.defaultCountry ?? DEFAULTS.defaultCountry;
  const defaultCountry =
    typeof country === 'string' && isValidCountryCode(country)
      ? country
      : fail('defaultCountry', `must be a two-letter country code such as "US", got ${show(country)}`);

  const currencyValue = account.currency ?? DEFAULTS.account.currency;
  const currency =
    typeof currencyValue === 'string' && isKnownCurrency(currencyValue)
      ? currencyValue
      : fail(
          'account.currency',
          `must be an ISO 4217 currency code such as "USD", got ${show(currencyValue)}`,
        );
  const amount = (path: string, value: unknown) => {
    if (currency === undefined) return undefined;
    const parsed = parseAmount(value, currency);
    return parsed.ok ? parsed.value : fail(path, parsed.error);
  };
  const balanceMinor = amount('account.balance', account.balance ?? DEFAULTS.account.balance);
  const minimumStartBalanceMinor = amount(
    'account.minimumStartBalance',
    account.minimumStartBalance ?? DEFAULTS.account.minimumStartBalance,
  );

  const name = assistant.name ?? DEFAULTS.assistant.name;
  if (typeof name !== 'string' || name.trim() === '')
    fail('assistant.name', `must be a non-empty string, got ${show(name)}`);
  const timezone = assistant.timezone ?? DEFAULTS.assistant.timezone;
  const zoneError = validateTimeZone('assistant.timezone', timezone);
  if (zoneError) errors.push(zoneError);
  const rateParsed =
    currency === undefined
      ? undefined
      : parseRate(assistant.ratePerMinute ?? DEFAULTS.assistant.ratePerMinute, currency);
  if (rateParsed && !rateParsed.ok) fail('assistant.ratePerMinute', rateParsed.error);
  const maxCallMinutes = integer(
    assistant.maxCallMinutes ?? DEFAULTS.assistant.maxCallMinutes,
    1,
    240,
    'assistant.maxCallMinutes',
    fail,
  );
  const phoneNumber = assistant.phoneNumber ?? DEFAULTS.assistant.phoneNumber;
  if (typeof phoneNumber !== 'string' || !isE164(phoneNumber)) {
    fail('assistant.phoneNumber', `must be an E.164 number such as "+12125550199", got ${show(phoneNumber)}`);
  }
  const callsPerSecond = integer(
    assistant.callsPerSecond ?? DEFAULTS.assistant.callsPerSecond,
    1,
    1000,
    'assistant.callsPerSecond',
    fail,
  );
  const variables = validateAssistantVariables(assistant.variables ?? DEFAULTS.assistant.variables);
  if (!variables.ok) errors.push(...variables.error.map((e) => ({ ...e, path: `assistant.${e.path}` })));

  const campaignInput = input.campaign === undefined ? {} : input.campaign;
  const assistantVariables = variables.ok ? variables.value : [];
  // The default goal is the default assistant's variable, when the assistant still has it.
  const defaultGoal = assistantVariables.some((v) => v.name === 'appointment_booked' && v.type === 'boolean')
    ? { goal: { variable: 'appointment_booked' } }
    : {};
  const campaign = isObject(campaignInput)
    ? validateCampaignSettings(
        { ...DEFAULTS.campaign, ...defaultGoal, ...campaignInput },
        { variables: assistantVariables },
      )
    : err([{ path: '', message: `must be an object, got ${show(campaignInput)}` }]);
  if (!campaign.ok)
    errors.push(...campaign.error.map((e) => ({ ...e, path: e.path ? `campaign.${e.path}` : 'campaign' })));

  const seed = integer(simulator.seed ?? DEFAULTS.simulator.seed, 0, 2 ** 32 - 1, 'simulator.seed', fail);
  const outcomes = readOutcomes(simulator.outcomes ?? {}, fail);
  rejectUnknownKeys(
    input,
    '',
    ['start', 'defaultCountry', 'account', 'assistant', 'campaign', 'simulator'],
    fail,
  );
  rejectUnknownKeys(account, 'account.', Object.keys(DEFAULTS.account), fail);
  rejectUnknownKeys(assistant, 'assistant.', Object.keys(DEFAULTS.assistant), fail);
  rejectUnknownKeys(simulator, 'simulator.', ['seed', 'outcomes'], fail);

  if (
    errors.length > 0 ||
    start === undefined ||
    defaultCountry === undefined ||
    currency === undefined ||
    balanceMinor === undefined ||
    minimumStartBalanceMinor === undefined ||
    !rateParsed?.ok ||
    maxCallMinutes === undefined ||
    callsPerSecond === undefined ||
    seed === undefined ||
    outcomes === undefined ||
    !variables.ok ||
    !campaign.ok
  ) {
    return err(errors);
  }
  return ok({
    start,
    defaultCountry,
    account: { balanceMinor, currency, minimumStartBalanceMinor },
    assistant: {
      name: (name as string).trim(),
      timezone: timezone as string,
      rate: rateParsed.value,
      maxCallMinutes,
      phoneNumber: phoneNumber as string,
      callsPerSecond,
      variables: variables.value,
    },
    campaign: campaign.value,
    simulator: { seed, outcomes },
  });
}

function integer(value: unknown, min: number, max: number, path: string, fail: Fail): number | undefined {
  if (typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max) return value;
  return fail(path, `must be an integer ${min}–${max}, got ${show(value)}`);
}

type Fail = (path: string, message: string) => undefined;

/** A typo in a scenario would silently run with a default: every key must be one the file format knows. */
function rejectUnknownKeys(section: Json, prefix: string, known: readonly string[], fail: Fail): void {
  for (const key of Object.keys(section)) {
    if (!known.includes(key))
      fail(`${prefix}${key}`, `is not a known scenario field; known: ${known.join(', ')}`);
  }
}

function readOutcomes(value: unknown, fail: Fail): SimulatorOutcomeRates | undefined {
  if (!isObject(value)) return fail('simulator.outcomes', `must be an object, got ${show(value)}`);
  rejectUnknownKeys(value, 'simulator.outcomes.', Object.keys(DEFAULT_SIMULATOR_OUTCOMES), fail);
  try {
    return resolveOutcomeRates(value);
  } catch (error) {
    return fail('simulator.outcomes', (error as Error).message);
  }
}
