import type { ErrorObject } from 'ajv';
import { Type, type TSchema } from 'typebox';
import { describe, expect, it } from 'vitest';
import { CampaignCreate } from '../schemas/campaigns.js';
import { AssistantCreate } from '../schemas/catalog.js';
import { LeadPatch, LeadsAdd } from '../schemas/leads.js';
import { compileValidator, toFieldErrors, toFieldPath } from './validation.js';

/** The field errors a request body gets from `schema`, as the API reports them. */
function bodyErrors(schema: TSchema, body: unknown) {
  const validate = compileValidator(schema, 'body');
  expect(validate(body)).toBe(false);
  return toFieldErrors(validate.errors as ErrorObject[]);
}

describe('toFieldPath', () => {
  it.each([
    ['', undefined, ''],
    ['', 'name', 'name'],
    ['/retry/maxRetries', undefined, 'retry.maxRetries'],
    ['/goal', 'variable', 'goal.variable'],
    ['/variables/2/type', undefined, 'variables[2].type'],
    ['/leads/0/secondaryPhones/1', undefined, 'leads[0].secondaryPhones[1]'],
    ['/leads/10', 'phone', 'leads[10].phone'],
    ['/0', undefined, '[0]'],
    // JSON Pointer escapes: `~1` is `/`, `~0` is `~`.
    ['/fields/a~1b', undefined, 'fields.a/b'],
    ['/fields/x~0y', undefined, 'fields.x~y'],
  ])('%j with child %j is %j', (pointer, child, path) => {
    expect(toFieldPath(pointer, child)).toBe(path);
  });
});

const campaign = { assistantId: 'asst_0abc', name: 'Spring' };
const lead = { phone: '+12125550100' };

describe('toFieldErrors', () => {
  it('names nested fields with the range and the value received, every problem at once', () => {
    expect(
      bodyErrors(CampaignCreate, {
        ...campaign,
        retry: { maxRetries: 7, intervalMinutes: '60' },
        schedule: { startTime: '9am', days: [] },
        maxConcurrentCalls: 101,
      }),
    ).toEqual(
      expect.arrayContaining([
        { path: 'retry.maxRetries', message: 'must be 1–5, got 7' },
        { path: 'retry.intervalMinutes', message: 'must be an integer 10–4320, got "60"' },
        { path: 'schedule.startTime', message: 'must be a time HH:MM between 00:00 and 24:00, got "9am"' },
        { path: 'schedule.days', message: 'must hold 1–7 items, got 0' },
        { path: 'maxConcurrentCalls', message: 'must be 1–100, got 101' },
      ]),
    );
  });

  it('names unknown and missing fields where they are', () => {
    expect(bodyErrors(CampaignCreate, { name: 'Spring', retry: { maxRetry: 2 } })).toEqual([
      { path: 'assistantId', message: 'is required' },
      { path: 'retry.maxRetry', message: 'is not a known field' },
    ]);
  });

  it('indexes array items', () => {
    expect(
      bodyErrors(LeadsAdd, {
        leads: [lead, { phone: '' }, { ...lead, secondaryPhones: ['+12125550101', 5] }],
      }),
    ).toEqual([
      { path: 'leads[1].phone', message: 'must be a text of 1–64 characters, got 0' },
      { path: 'leads[2].secondaryPhones[1]', message: 'must be a text, got 5' },
    ]);
    expect(
      bodyErrors(AssistantCreate, assistantWith([{ name: 'ok', type: 'boolean' }, { name: 'x' }])),
    ).toEqual([{ path: 'variables[1].type', message: 'is required' }]);
  });

  describe('a union of an object or null', () => {
    it("reports the object branch's field error when an object is given", () => {
      expect(bodyErrors(CampaignCreate, { ...campaign, goal: { variable: 5 } })).toEqual([
        { path: 'goal.variable', message: 'must be a text, got 5' },
      ]);
      expect(bodyErrors(CampaignCreate, { ...campaign, goal: {} })).toEqual([
        { path: 'goal.variable', message: 'is required' },
      ]);
    });

    it('reports the union once when no branch has the type given', () => {
      expect(bodyErrors(CampaignCreate, { ...campaign, goal: 'booked' })).toEqual([
        { path: 'goal', message: 'must be an object or null, got "booked"' },
      ]);
      expect(bodyErrors(CampaignCreate, { ...campaign, goal: ['booked'] })).toEqual([
        { path: 'goal', message: 'must be an object or null, got ["booked"]' },
      ]);
    });
  });

  it('reports a union of literals as one of its values, not as its first branch', () => {
    expect(bodyErrors(LeadPatch, { status: 'processing' })).toEqual([
      { path: 'status', message: 'must be one of created, completed, got "processing"' },
    ]);
    const events = Type.Object({
      type: Type.Union([Type.Literal('a.b'), Type.Literal('c'), Type.Literal(3)]),
    });
    expect(bodyErrors(events, { type: 'd' })).toEqual([
      { path: 'type', message: 'must be one of a.b, c, 3, got "d"' },
    ]);
  });

  it('lists the values of an enum', () => {
    expect(bodyErrors(CampaignCreate, { ...campaign, schedule: { days: ['mon', 'Tue'] } })).toEqual([
      { path: 'schedule.days[1]', message: 'must be one of mon, tue, wed, thu, fri, sat, sun, got "Tue"' },
    ]);
  });

  it('words a pattern with its x-allowed text, or shows the pattern when there is none', () => {
    expect(bodyErrors(CampaignCreate, { ...campaign, assistantId: 'cmp_1' })).toEqual([
      { path: 'assistantId', message: 'must be an id such as "asst_0ab12cd3…", got "cmp_1"' },
    ]);
    expect(bodyErrors(AssistantCreate, { ...assistantWith([]), ratePerMinute: '0.1234567' })).toEqual([
      {
        path: 'ratePerMinute',
        message:
          'must be a price per minute as text with at most 6 decimal places, such as "0.10", got "0.1234567"',
      },
    ]);
    expect(bodyErrors(Type.Object({ code: Type.String({ pattern: '^[a-z]+$' }) }), { code: 'A1' })).toEqual([
      { path: 'code', message: 'must be a text matching ^[a-z]+$, got "A1"' },
    ]);
  });

  it('names a format, and the length of a text that is too long', () => {
    const at = Type.Object({ at: Type.String({ format: 'date-time' }), note: Type.String({ maxLength: 3 }) });
    expect(bodyErrors(at, { at: 'tomorrow', note: 'long' })).toEqual([
      { path: 'at', message: 'must be a date-time, got "tomorrow"' },
      { path: 'note', message: 'must be a text of at most 3 characters, got 4' },
    ]);
  });

  it('reports a body that is not an object at the root', () => {
    expect(bodyErrors(LeadPatch, null)).toEqual([{ path: '', message: 'must be an object, got null' }]);
  });

  it('does not coerce body values, but coerces path and query parameters', () => {
    const limit = Type.Object({ limit: Type.Integer({ minimum: 1, maximum: 1000 }) });
    expect(bodyErrors(limit, { limit: '10' })).toEqual([
      { path: 'limit', message: 'must be an integer 1–1000, got "10"' },
    ]);
    const query = { limit: '10' };
    expect(compileValidator(limit, 'querystring')(query)).toBe(true);
    expect(query).toEqual({ limit: 10 });
  });
});

function assistantWith(variables: unknown[]) {
  return {
    name: 'Ava',
    provider: 'simulator',
    timezone: 'America/New_York',
    ratePerMinute: '0.10',
    variables,
  };
}
