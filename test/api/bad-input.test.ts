import { beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_KEY, type ApiClient } from './api-harness.js';
import { advanceClock, expectProblem } from './fixtures.js';
import {
  expectFieldErrors,
  startedCampaign,
  useSharedApi,
  type ExpectedFieldError,
} from './input-fixtures.js';

/**
 * Bad input on every endpoint that takes input (issue 3): a 422 `application/problem+json` with code
 * `validation_failed` and `errors: [{path, message}]`, where the path names the field and the message names
 * what is allowed and the value received; every problem of a body at once, unknown fields refused by name, the
 * domain's rules (DESIGN §2.1, §2.8) enforced, and nothing else lost.
 */

/** What the table's requests need: an account with an assistant, a draft campaign, a lead and a placed call. */
interface World {
  readonly key: string;
  readonly accountId: string;
  /** An account in yen, a currency without decimals. */
  readonly yenAccountId: string;
  readonly assistantId: string;
  readonly campaignId: string;
  readonly leadId: string;
  readonly callId: string;
}

async function buildWorld(api: ApiClient): Promise<World> {
  const { key, id: accountId } = await api.account();
  const yen = await api.call('POST', '/v1/accounts', {
    key: ADMIN_KEY,
    body: { name: 'Kyoto', currency: 'JPY' },
  });
  const call = (method: string, path: string, body?: unknown) => api.call(method, path, { key, body });
  // A started campaign whose first call (+1 212 555 0100: rings 10 s, then talks 90 s) is in progress.
  const live = await startedCampaign(api, key, ['+12125550100']);
  await advanceClock(api, 1);
  // Its assistant also reports a text variable, so a goal can name a variable that is not boolean.
  const assistant = await call('PATCH', `/v1/assistants/${live.assistantId}`, {
    variables: [
      { name: 'appointment_booked', type: 'boolean' },
      { name: 'notes', type: 'string' },
    ],
  });
  const campaign = await call('POST', '/v1/campaigns', { assistantId: assistant.body.id, name: 'Draft' });
  const lead = (await call('GET', `/v1/campaigns/${live.campaignId}/leads`)).body.data[0];
  const placed = (await call('GET', `/v1/campaigns/${live.campaignId}/calls`)).body.data[0];
  return {
    key,
    accountId,
    yenAccountId: yen.body.account.id,
    assistantId: assistant.body.id,
    campaignId: campaign.body.id,
    leadId: lead.id,
    callId: placed.id,
  };
}

interface BadRequest {
  readonly name: string;
  readonly method: string;
  readonly path: (w: World) => string;
  /** The body, or a function of the world that gives it. */
  readonly body?: unknown;
  /** Sent with the operator's key instead of the account's. */
  readonly admin?: boolean;
  readonly errors: readonly ExpectedFieldError[];
}

type Case = readonly [name: string, body: unknown, errors: readonly ExpectedFieldError[]];

/** The bad requests to one endpoint, one row a case. */
function refusals(
  method: string,
  path: (w: World) => string,
  cases: readonly Case[],
  options: { admin?: boolean } = {},
): BadRequest[] {
  return cases.map(([name, body, errors]) => ({ name, method, path, body, errors, ...options }));
}

const must = (path: string, message: string): ExpectedFieldError => ({ path, message });
const unknownField = (path: string) => must(path, 'is not a known field');
const required = (path: string) => must(path, 'is required');
const text = (path: string, got: string) => must(path, `must be a text, got ${got}`);

/** A valid assistant with `fields` over it. */
const assistant = (fields: object) => ({
  name: 'Ava',
  provider: 'simulator',
  timezone: 'America/New_York',
  ratePerMinute: '0.10',
  ...fields,
});
/** A valid campaign on the world's assistant with `settings` over it. */
const campaign = (settings: object) => (w: World) => ({
  assistantId: w.assistantId,
  name: 'Spring',
  ...settings,
});

const DAYS = 'mon, tue, wed, thu, fri, sat, sun';
const EVENT_TYPES =
  'campaign.started, campaign.paused, campaign.resumed, campaign.completed, lead.status_changed, call.ended, balance.low, *';
const LEAD_STATUSES = 'created, scheduled, processing, rescheduled, completed, max_retries';
const DECIMAL = 'must be a decimal amount as text such as "100.00"';
const TWO_DECIMALS = 'must be a decimal amount with at most 2 decimal places';
const RATE = 'a price per minute as text with at most 6 decimal places, such as "0.10"';
const VARIABLE_NAME =
  'a name of letters, digits and _ that does not start with a digit, at most 64 characters';
const ZONE = 'must be an IANA time zone such as America/New_York';
const UNTIL_GOAL = "needs a goal: set goal.variable to one of the assistant's boolean variables";
const NOT_A_GOAL = "must be one of the assistant's boolean variables (appointment_booked)";
const NOT_YOUR_NUMBER = 'must be one of your phone numbers, got "pn_0abc123"';
const DUPLICATE = 'must be unique, but "booked" is also variables[0]';

const accounts: BadRequest[] = [
  ...refusals(
    'POST',
    () => '/v1/accounts',
    [
      [
        'an account with three wrong fields',
        { name: '', currency: 'usd', minimumStartBalance: 'abc' },
        [
          must('name', 'must be a text of 1–200 characters, got 0'),
          must('currency', 'must be an ISO 4217 code such as "USD", got "usd"'),
          must('minimumStartBalance', `${DECIMAL}, got "abc"`),
        ],
      ],
      [
        'an account with an unknown field and no name',
        { plan: 'gold' },
        [unknownField('plan'), required('name')],
      ],
      [
        'an account in an unknown currency',
        { name: 'Acme', currency: 'XYZ' },
        [must('currency', 'must be an ISO 4217 currency code such as "USD", got "XYZ"')],
      ],
      [
        'an account whose minimum start balance has 3 decimals in USD',
        { name: 'Acme', minimumStartBalance: '5.005' },
        [must('minimumStartBalance', `${TWO_DECIMALS}, got "5.005"`)],
      ],
      ['a body that is not an object', [], [must('', 'must be an object, got []')]],
    ],
    { admin: true },
  ),
  ...refusals(
    'POST',
    (w) => `/v1/accounts/${w.accountId}/credits`,
    [
      [
        'a credit with 3 decimals in USD',
        { amount: '10.005' },
        [must('amount', `${TWO_DECIMALS}, got "10.005"`)],
      ],
      [
        'a credit as a number, with a note that is not text and an unknown field',
        { amount: 10, note: 5, currency: 'USD' },
        [must('amount', `${DECIMAL}, got 10`), text('note', '5'), unknownField('currency')],
      ],
    ],
    { admin: true },
  ),
  ...refusals(
    'POST',
    (w) => `/v1/accounts/${w.yenAccountId}/credits`,
    [
      [
        'a credit with decimals in yen',
        { amount: '1.5' },
        [must('amount', 'must be a whole amount with no decimal places, got "1.5"')],
      ],
    ],
    { admin: true },
  ),
  ...refusals('POST', () => '/v1/account/api-keys', [
    [
      'another API key with a label that is not text and an unknown field',
      { label: 5, scopes: ['all'] },
      [text('label', '5'), unknownField('scopes')],
    ],
  ]),
];

const catalog: BadRequest[] = [
  ...refusals('POST', () => '/v1/phone-numbers', [
    [
      'a phone number with four wrong fields',
      { number: '212555', provider: 'foo', callsPerSecond: 0, lable: 'main' },
      [
        must('number', 'must be an E.164 number such as "+12125550199", got "212555"'),
        must('provider', 'must be one of simulator, twilio, vapi, retell, got "foo"'),
        must('callsPerSecond', 'must be 1–1000, got 0'),
        unknownField('lable'),
      ],
    ],
  ]),
  ...refusals('POST', () => '/v1/assistants', [
    [
      "an assistant's schema and domain errors together: zone, 7-decimal rate, duplicate variable",
      assistant({
        timezone: 'Mars/Olympus',
        ratePerMinute: '0.1234567',
        variables: [
          { name: 'booked', type: 'boolean' },
          { name: 'booked', type: 'string' },
        ],
      }),
      [
        must('timezone', `${ZONE}, got "Mars/Olympus"`),
        must('ratePerMinute', `must be ${RATE}, got "0.1234567"`),
        must('variables[1].name', DUPLICATE),
      ],
    ],
    [
      'an assistant with a negative rate',
      assistant({ ratePerMinute: '-0.10' }),
      [
        must(
          'ratePerMinute',
          'must be a price per minute of 0 or more with at most 6 decimal places, such as "0.10", got "-0.10"',
        ),
      ],
    ],
    [
      'an assistant without its required fields (each named once)',
      {},
      [required('name'), required('provider'), required('timezone'), required('ratePerMinute')],
    ],
    [
      'an assistant variable with a bad name, an unknown type and an unknown property',
      assistant({ variables: [{ name: '1st_try', type: 'date', label: 'First try' }] }),
      [
        must('variables[0].name', `must be ${VARIABLE_NAME}, got "1st_try"`),
        must('variables[0].type', 'must be one of boolean, string, number, got "date"'),
        unknownField('variables[0].label'),
      ],
    ],
    [
      "an assistant with another account's caller id and too long a call limit",
      assistant({ phoneNumberId: 'pn_0abc123', maxCallMinutes: 241 }),
      [must('phoneNumberId', NOT_YOUR_NUMBER), must('maxCallMinutes', 'must be 1–240, got 241')],
    ],
    [
      'an assistant whose caller id is not a phone number id',
      assistant({ phoneNumberId: 'asst_0abc123' }),
      [must('phoneNumberId', 'must be an id such as "pn_0ab12cd3…", got "asst_0abc123"')],
    ],
  ]),
  ...refusals('PATCH', (w) => `/v1/assistants/${w.assistantId}`, [
    [
      'an assistant edit with three wrong fields',
      { timezone: 'Nowhere/Land', phoneNumberId: 'pn_0abc123', maxCallMinutes: 0 },
      [
        must('timezone', `${ZONE}, got "Nowhere/Land"`),
        must('phoneNumberId', NOT_YOUR_NUMBER),
        must('maxCallMinutes', 'must be 1–240, got 0'),
      ],
    ],
    [
      'an assistant edit with duplicate variable names and an unknown field',
      {
        nam: 'Ava',
        variables: [
          { name: 'booked', type: 'boolean' },
          { name: 'booked', type: 'number' },
        ],
      },
      [unknownField('nam'), must('variables[1].name', DUPLICATE)],
    ],
  ]),
];

const campaigns: BadRequest[] = [
  ...refusals('POST', () => '/v1/campaigns', [
    [
      'a campaign with three wrong fields',
      campaign({ retry: { maxRetries: 7 }, schedule: { startTime: '25:00' }, maxConcurrentCalls: 0 }),
      [
        must('retry.maxRetries', 'must be 1–5, got 7'),
        must('schedule.startTime', 'must be a time HH:MM between 00:00 and 24:00, got "25:00"'),
        must('maxConcurrentCalls', 'must be 1–100, got 0'),
      ],
    ],
    [
      'a campaign with a misspelt retry setting',
      campaign({ retry: { maxRetry: 2 } }),
      [unknownField('retry.maxRetry')],
    ],
    [
      "a goal that is not among the assistant's variables",
      campaign({ goal: { variable: 'booked' } }),
      [must('goal.variable', `${NOT_A_GOAL}, got "booked"`)],
    ],
    [
      'a goal on a variable that is not boolean',
      campaign({ goal: { variable: 'notes' } }),
      [must('goal.variable', 'must be a boolean variable, but "notes" is string')],
    ],
    [
      'retry until the goal without a goal',
      campaign({ retry: { untilGoal: true } }),
      [must('retry.untilGoal', UNTIL_GOAL)],
    ],
    [
      'calling hours that end before they start',
      campaign({ schedule: { startTime: '18:00', endTime: '09:00' } }),
      [must('schedule.endTime', 'must be later than startTime 18:00, got "09:00"')],
    ],
    [
      'calling days that are not days',
      campaign({ schedule: { days: ['mon', 'funday'] } }),
      [must('schedule.days[1]', `must be one of ${DAYS}, got "funday"`)],
    ],
    [
      'no calling days',
      campaign({ schedule: { days: [] } }),
      [must('schedule.days', 'must hold 1–7 items, got 0')],
    ],
    [
      'a goal that is neither an object nor null',
      campaign({ goal: 'yes' }),
      [must('goal', 'must be an object or null, got "yes"')],
    ],
    [
      'a goal object without its variable',
      campaign({ goal: { varible: 'appointment_booked' } }),
      [required('goal.variable'), unknownField('goal.varible')],
    ],
    [
      "a campaign on another account's assistant",
      { assistantId: 'asst_0abc123', name: 'Spring' },
      [must('assistantId', 'must be one of your assistants, got "asst_0abc123"')],
    ],
    [
      'a campaign with schema and domain errors together',
      campaign({
        name: 'x'.repeat(201),
        retry: { maxRetries: 7 },
        goal: { variable: 'nope' },
        maxConcurrentCalls: '5',
      }),
      [
        must('name', 'must be a text of 1–200 characters, got 201'),
        must('retry.maxRetries', 'must be 1–5, got 7'),
        must('goal.variable', `${NOT_A_GOAL}, got "nope"`),
        must('maxConcurrentCalls', 'must be an integer 1–100, got "5"'),
      ],
    ],
    ['a campaign without assistant or name', {}, [required('assistantId'), required('name')]],
  ]),
  ...refusals('PATCH', (w) => `/v1/campaigns/${w.campaignId}`, [
    [
      'a campaign edit with two wrong fields',
      { name: '', retry: { maxRetries: 7 } },
      [
        must('name', 'must be a text of 1–200 characters, got 0'),
        must('retry.maxRetries', 'must be 1–5, got 7'),
      ],
    ],
    [
      'a campaign edit that retries until a goal the campaign does not have',
      { retry: { untilGoal: true } },
      [must('retry.untilGoal', UNTIL_GOAL)],
    ],
    [
      'a campaign edit whose end time falls before the current start time',
      { schedule: { endTime: '08:00' } },
      [must('schedule.endTime', 'must be later than startTime 09:00, got "08:00"')],
    ],
    [
      'a campaign edit with schema and domain errors together, and another assistant',
      { assistantId: 'asst_0abc123', retry: { intervalMinutes: 5 }, goal: { variable: 'notes' } },
      [
        unknownField('assistantId'),
        must('retry.intervalMinutes', 'must be 10–4320, got 5'),
        must('goal.variable', 'must be a boolean variable, but "notes" is string'),
      ],
    ],
  ]),
];

const thousandAndOne = Array.from({ length: 1001 }, (_, i) => ({
  phone: `+1212555${String(i).padStart(4, '0')}`,
}));

const leadsAndCalls: BadRequest[] = [
  ...refusals('POST', (w) => `/v1/campaigns/${w.campaignId}/leads`, [
    ['an empty batch of leads', { leads: [] }, [must('leads', 'must hold 1–1000 items, got 0')]],
    [
      'a batch of 1,001 leads',
      { leads: thousandAndOne },
      [must('leads', 'must hold 1–1000 items, got 1001')],
    ],
    [
      'leads of the wrong shape, each reported by index',
      {
        leads: [
          { phone: 12125550100 },
          { name: 'No phone' },
          { phone: '+12125550101', fields: { plan: 1 }, email: 'a@b.c' },
          { phone: '+12125550102', secondaryPhones: '+12125550103' },
        ],
      },
      [
        text('leads[0].phone', '12125550100'),
        required('leads[1].phone'),
        text('leads[2].fields.plan', '1'),
        unknownField('leads[2].email'),
        must('leads[3].secondaryPhones', 'must be a list, got "+12125550103"'),
      ],
    ],
    ['a batch without leads', {}, [required('leads')]],
  ]),
  ...refusals('GET', (w) => `/v1/campaigns/${w.campaignId}/leads?status=done`, [
    [
      'a lead list filtered by an unknown status',
      undefined,
      [must('status', `must be one of ${LEAD_STATUSES}, got "done"`)],
    ],
  ]),
  ...refusals('GET', (w) => `/v1/campaigns/${w.campaignId}/leads?status=completed&limit=all`, [
    [
      'a lead list with a limit that is not a number',
      undefined,
      [must('limit', 'must be an integer 1–1000, got "all"')],
    ],
  ]),
  ...refusals('PATCH', (w) => `/v1/leads/${w.leadId}`, [
    [
      'a lead override to a status that is not an override',
      { status: 'processing' },
      [must('status', 'must be one of created, completed, got "processing"')],
    ],
    [
      'a lead override without a status, with an unknown field',
      { state: 'completed' },
      [required('status'), unknownField('state')],
    ],
  ]),
  ...refusals('POST', (w) => `/v1/calls/${w.callId}/variables`, [
    [
      'call variables that are not an object',
      { variables: 'booked' },
      [must('variables', 'must be an object, got "booked"')],
    ],
    [
      'a call variable that is a list',
      { variables: { appointment_booked: [true] } },
      [
        must(
          'variables.appointment_booked',
          'must be true or false or a text or a number or null, got [true]',
        ),
      ],
    ],
  ]),
  ...refusals('POST', () => '/v1/webhook-endpoints', [
    [
      'a webhook subscription to an unknown event',
      { url: 'https://example.com/hooks', events: ['call.ended', 'call.started'] },
      [must('events[1]', `must be one of ${EVENT_TYPES}, got "call.started"`)],
    ],
    [
      'a webhook subscription with a URL that is not text, no events and an unknown field',
      { url: 5, events: [], secret: 'mine' },
      [text('url', '5'), must('events', 'must hold 1–8 items, got 0'), unknownField('secret')],
    ],
    [
      'a webhook subscription to an ftp URL',
      { url: 'ftp://example.com/hooks', events: ['*'] },
      [must('url', 'is refused: ftp://example.com/hooks uses ftp: webhook URLs must be https (or http)')],
    ],
  ]),
  ...refusals(
    'POST',
    () => '/v1/clock/advance',
    [
      ['a clock advance by no minutes', { minutes: 0 }, [must('minutes', 'must be 1–527040, got 0')]],
      [
        'a clock advance by a fraction of a minute, with an unknown field',
        { minutes: 1.5, days: 1 },
        [must('minutes', 'must be an integer 1–527040, got 1.5'), unknownField('days')],
      ],
      [
        'a clock advance to a time that is not a time',
        { to: 'tomorrow' },
        [
          must(
            'to',
            'must be an ISO 8601 time with its offset, such as "2026-03-09T14:00:00Z", got "tomorrow"',
          ),
        ],
      ],
    ],
    { admin: true },
  ),
];

/** Every route with an id in its path, and the id's prefix; each is sent another resource's id. */
const ID_ROUTES: readonly (readonly [method: string, path: string, prefix: string, body?: unknown])[] = [
  ['POST', '/v1/accounts/{id}/credits', 'acct', { amount: '1.00' }],
  ['DELETE', '/v1/phone-numbers/{id}', 'pn'],
  ['GET', '/v1/assistants/{id}', 'asst'],
  // A body with errors of its own: the path is checked first, and alone.
  ['PATCH', '/v1/assistants/{id}', 'asst', { timezone: 'Nowhere/Land' }],
  ['GET', '/v1/campaigns/{id}', 'cmp'],
  ['PATCH', '/v1/campaigns/{id}', 'cmp', { retry: { maxRetries: 7 } }],
  ['DELETE', '/v1/campaigns/{id}', 'cmp'],
  ['POST', '/v1/campaigns/{id}/start', 'cmp'],
  ['POST', '/v1/campaigns/{id}/pause', 'cmp'],
  ['POST', '/v1/campaigns/{id}/resume', 'cmp'],
  ['GET', '/v1/campaigns/{id}/stats', 'cmp'],
  ['POST', '/v1/campaigns/{id}/leads', 'cmp', { leads: [{ phone: '+12125550100' }] }],
  ['GET', '/v1/campaigns/{id}/leads', 'cmp'],
  ['GET', '/v1/campaigns/{id}/calls', 'cmp'],
  ['GET', '/v1/campaigns/{id}/events', 'cmp'],
  ['GET', '/v1/leads/{id}', 'lead'],
  ['PATCH', '/v1/leads/{id}', 'lead', { status: 'completed' }],
  ['GET', '/v1/calls/{id}', 'call'],
  ['POST', '/v1/calls/{id}/variables', 'call', { variables: {} }],
  ['DELETE', '/v1/webhook-endpoints/{id}', 'whe'],
  ['GET', '/v1/webhook-endpoints/{id}/deliveries', 'whe'],
  ['DELETE', '/v1/account/api-keys/{id}', 'key'],
];

const pathIds: BadRequest[] = ID_ROUTES.map(([method, template, prefix, body]) => {
  const wrong = prefix === 'cmp' ? 'asst_0abc123' : 'cmp_0abc123';
  return {
    name: `${method} ${template} with a ${wrong.split('_')[0]} id`,
    method,
    path: () => template.replace('{id}', wrong),
    body,
    admin: prefix === 'acct',
    errors: [must('id', `must be an id such as "${prefix}_0ab12cd3…", got "${wrong}"`)],
  };
});

describe('bad input on every endpoint', () => {
  const api = useSharedApi();
  let world: World;
  beforeAll(async () => {
    world = await buildWorld(api());
  });

  const send = (request: BadRequest) =>
    api().call(request.method, request.path(world), {
      key: request.admin ? ADMIN_KEY : world.key,
      body:
        typeof request.body === 'function' ? (request.body as (w: World) => unknown)(world) : request.body,
    });

  describe.each([
    ['accounts, credits and API keys', accounts],
    ['phone numbers and assistants', catalog],
    ['campaigns', campaigns],
    ['leads, calls, webhooks and the clock', leadsAndCalls],
    ['ids in paths', pathIds],
  ])('%s', (_group, requests) => {
    it.each(requests)('refuses $name', async (request) => {
      expectFieldErrors(await send(request), request.errors);
    });
  });

  it('answers a body that is not JSON with 400 invalid_json, and one that is not JSON at all with 415', async () => {
    const broken = await api().call('POST', '/v1/campaigns', { key: world.key, body: '{"name": "Spring",' });
    expectProblem(broken, 400, 'invalid_json');

    const empty = await api().call('POST', '/v1/campaigns', {
      key: world.key,
      headers: { 'content-type': 'application/json' },
    });
    expectProblem(empty, 400, 'invalid_json');

    const plain = await api().call('POST', '/v1/campaigns', {
      key: world.key,
      body: 'name=Spring',
      headers: { 'content-type': 'text/plain' },
    });
    expectProblem(plain, 415, 'unsupported_media_type');
  });

  it('names the value received in the detail of a single error', async () => {
    const refused = await api().call('POST', '/v1/campaigns', {
      key: world.key,
      body: { assistantId: world.assistantId, name: 'Spring', retry: { maxRetries: 7 } },
    });
    expect(refused.body.detail).toBe('retry.maxRetries must be 1–5, got 7');
  });
});

describe('bad input loses nothing else', () => {
  const api = useSharedApi();
  let world: World;
  beforeAll(async () => {
    world = await buildWorld(api());
  });
  const call = (method: string, path: string, body?: unknown) =>
    api().call(method, path, { key: world.key, body });

  it('creates the valid leads of a batch and reports the invalid ones by index, field and message', async () => {
    const { body: campaign } = await call('POST', '/v1/campaigns', {
      assistantId: world.assistantId,
      name: 'Batch',
    });
    const added = await call('POST', `/v1/campaigns/${campaign.id}/leads`, {
      leads: [
        { phone: '+12125550100', name: 'Valid' },
        { phone: 'not a number', name: 'Typo' },
        { phone: '+12125550101', secondaryPhones: ['+12125550102', '12'], name: 'Bad second number' },
        { phone: '(212) 555-0103', name: 'National format' },
        { phone: '+1212555010', name: 'Too short' },
      ],
    });
    expect(added.status).toBe(200);
    expect(added.body).toEqual({
      created: 2,
      duplicates: [],
      suppressed: [],
      invalid: [
        { index: 1, field: 'phone', message: expect.stringContaining('"not a number"') },
        { index: 2, field: 'secondaryPhones[1]', message: expect.stringContaining('"12"') },
        { index: 4, field: 'phone', message: expect.stringContaining('"+1212555010"') },
      ],
    });
    const leads = (await call('GET', `/v1/campaigns/${campaign.id}/leads`)).body.data as { name: string }[];
    expect(leads.map((l) => l.name)).toEqual(['Valid', 'National format']);
  });

  it('leaves a campaign exactly as it was when an edit is refused', async () => {
    const { body: created } = await call('POST', '/v1/campaigns', {
      assistantId: world.assistantId,
      name: 'Kept',
      schedule: { startTime: '10:00', endTime: '16:00', days: ['tue', 'thu'] },
      retry: { maxRetries: 2, intervalMinutes: 120 },
      goal: { variable: 'appointment_booked' },
    });
    const before = (await call('GET', `/v1/campaigns/${created.id}`)).body;
    const refusedEdits = [
      // Schema errors only; the valid name and days beside them are not applied either.
      { name: 'Renamed', schedule: { days: ['mon'] }, retry: { maxRetries: 9 } },
      // Domain errors only.
      { goal: null, retry: { untilGoal: true } },
      { schedule: { startTime: '17:00' } },
      // Both.
      { maxConcurrentCalls: 500, goal: { variable: 'notes' } },
    ];
    for (const edit of refusedEdits) {
      expect((await call('PATCH', `/v1/campaigns/${created.id}`, edit)).status).toBe(422);
    }
    expect((await call('GET', `/v1/campaigns/${created.id}`)).body).toEqual(before);
  });

  it('leaves an assistant exactly as it was when an edit is refused', async () => {
    const before = (await call('GET', `/v1/assistants/${world.assistantId}`)).body;
    const refused = await call('PATCH', `/v1/assistants/${world.assistantId}`, {
      name: 'Renamed',
      ratePerMinute: '0.25',
      timezone: 'Europe/Nowhere',
    });
    expectFieldErrors(refused, [must('timezone', `${ZONE}, got "Europe/Nowhere"`)]);
    expect((await call('GET', `/v1/assistants/${world.assistantId}`)).body).toEqual(before);
  });

  it('refuses call variables of the wrong type or not declared by the assistant, and applies none', async () => {
    const refused = await call('POST', `/v1/calls/${world.callId}/variables`, {
      variables: { appointment_booked: 'yes', notes: 'Call back Tuesday', mood: 'happy', notes_2: 3 },
    });
    expectFieldErrors(refused, [
      must('variables.appointment_booked', 'must be a boolean, got "yes"'),
      must('variables.mood', 'is not a variable of the assistant (it has: appointment_booked, notes)'),
      must('variables.notes_2', 'is not a variable of the assistant (it has: appointment_booked, notes)'),
    ]);
    const numberForText = await call('POST', `/v1/calls/${world.callId}/variables`, {
      variables: { notes: 3 },
    });
    expectFieldErrors(numberForText, [must('variables.notes', 'must be a string, got 3')]);
    // The valid `notes` beside the refused ones was not recorded.
    expect((await call('GET', `/v1/calls/${world.callId}`)).body).toMatchObject({
      status: 'in_progress',
      variables: null,
    });
  });
});
