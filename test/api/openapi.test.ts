import { beforeAll, describe, expect, it } from 'vitest';
import { createCampaign } from './api-harness.js';
import { expectFieldErrors, useSharedApi } from './input-fixtures.js';

/**
 * What operators and client generators read (issue 3): the OpenAPI 3.1 document generated from the schemas that
 * validate requests, the docs page, liveness, readiness and Prometheus metrics. None of them needs a key.
 */

/** The table of routes, with the methods each path answers. */
const ROUTES: readonly (readonly [method: string, path: string])[] = [
  ['post', '/v1/accounts'],
  ['get', '/v1/account'],
  ['post', '/v1/accounts/{id}/credits'],
  ['get', '/v1/account/ledger'],
  ['post', '/v1/phone-numbers'],
  ['get', '/v1/phone-numbers'],
  ['delete', '/v1/phone-numbers/{id}'],
  ['post', '/v1/assistants'],
  ['get', '/v1/assistants'],
  ['get', '/v1/assistants/{id}'],
  ['patch', '/v1/assistants/{id}'],
  ['post', '/v1/campaigns'],
  ['get', '/v1/campaigns'],
  ['get', '/v1/campaigns/{id}'],
  ['patch', '/v1/campaigns/{id}'],
  ['delete', '/v1/campaigns/{id}'],
  ['post', '/v1/campaigns/{id}/start'],
  ['post', '/v1/campaigns/{id}/pause'],
  ['post', '/v1/campaigns/{id}/resume'],
  ['post', '/v1/campaigns/{id}/leads'],
  ['get', '/v1/campaigns/{id}/leads'],
  ['get', '/v1/leads/{id}'],
  ['patch', '/v1/leads/{id}'],
  ['get', '/v1/campaigns/{id}/calls'],
  ['get', '/v1/calls/{id}'],
  ['post', '/v1/calls/{id}/variables'],
  ['get', '/v1/campaigns/{id}/stats'],
  ['get', '/v1/campaigns/{id}/events'],
  ['post', '/v1/webhook-endpoints'],
  ['get', '/v1/webhook-endpoints'],
  ['delete', '/v1/webhook-endpoints/{id}'],
  ['get', '/v1/webhook-endpoints/{id}/deliveries'],
  ['get', '/v1/clock'],
  ['post', '/v1/clock/advance'],
];

type Schema = { [key: string]: any };

describe('the OpenAPI document', () => {
  const api = useSharedApi();
  let doc: Schema;
  beforeAll(async () => {
    const response = await api().call('GET', '/openapi.json');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/json');
    doc = response.body;
  });
  const bodyOf = (method: string, path: string): Schema =>
    doc.paths[path][method].requestBody.content['application/json'].schema;

  it('is OpenAPI 3.1.0 with bearer API keys', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.info).toMatchObject({ title: 'Callwright API', version: 'test' });
    expect(doc.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(doc.security).toEqual([{ bearer: [] }]);
  });

  it('lists every route of the API with its method', () => {
    const listed = Object.entries(doc.paths as Record<string, Schema>).flatMap(([path, item]) =>
      Object.keys(item).map((method) => `${method} ${path}`),
    );
    expect(listed).toEqual(expect.arrayContaining(ROUTES.map(([method, path]) => `${method} ${path}`)));
    // Only the API: the operational endpoints and the document itself are not in it.
    expect(Object.keys(doc.paths).every((path) => path.startsWith('/v1/'))).toBe(true);
  });

  it('carries the request schemas, ranges included', () => {
    const create = bodyOf('post', '/v1/campaigns');
    expect(create.required).toEqual(expect.arrayContaining(['assistantId', 'name']));
    expect(create.additionalProperties).toBe(false);
    expect(create.properties.retry.properties.maxRetries).toMatchObject({
      type: 'integer',
      minimum: 1,
      maximum: 5,
    });
    expect(create.properties.retry.properties.intervalMinutes).toMatchObject({ minimum: 10, maximum: 4320 });
    expect(create.properties.maxConcurrentCalls).toMatchObject({ minimum: 1, maximum: 100 });
    expect(create.properties.schedule.properties.days.items.enum).toEqual([
      'mon',
      'tue',
      'wed',
      'thu',
      'fri',
      'sat',
      'sun',
    ]);
    expect(bodyOf('patch', '/v1/campaigns/{id}').properties.retry.properties.maxRetries).toMatchObject({
      minimum: 1,
      maximum: 5,
    });

    const assistant = bodyOf('post', '/v1/assistants');
    expect(assistant.required).toEqual(
      expect.arrayContaining(['name', 'provider', 'timezone', 'ratePerMinute']),
    );
    expect(assistant.properties.variables.items.properties.type.enum).toEqual([
      'boolean',
      'string',
      'number',
    ]);
    expect(bodyOf('post', '/v1/campaigns/{id}/leads').properties.leads).toMatchObject({ maxItems: 1000 });
    expect(bodyOf('post', '/v1/accounts').properties.currency.pattern).toBe('^[A-Z]{3}$');

    const leadList = doc.paths['/v1/campaigns/{id}/leads'].get.parameters as Schema[];
    const status = leadList.find((p) => p.name === 'status')!;
    expect(status).toMatchObject({ in: 'query' });
    expect(status.schema.enum).toContain('max_retries');
    const id = leadList.find((p) => p.name === 'id')!;
    expect(id).toMatchObject({ in: 'path', required: true, schema: { pattern: '^cmp_[0-9a-z]+$' } });
  });

  it('is the schema that validates requests: its limits are the ones enforced', async () => {
    const { key } = await api().account();
    const { assistantId } = await createCampaign(api(), key);
    const maxRetries = bodyOf('post', '/v1/campaigns').properties.retry.properties.maxRetries;
    const accepted = await api().call('POST', '/v1/campaigns', {
      key,
      body: { assistantId, name: 'At the limit', retry: { maxRetries: maxRetries.maximum } },
    });
    expect(accepted.status).toBe(201);
    const refused = await api().call('POST', '/v1/campaigns', {
      key,
      body: { assistantId, name: 'Over it', retry: { maxRetries: maxRetries.maximum + 1 } },
    });
    expectFieldErrors(refused, [
      { path: 'retry.maxRetries', message: `must be 1–5, got ${maxRetries.maximum + 1}` },
    ]);
  });

  it('documents the errors as problem+json with field errors', () => {
    const responses = doc.paths['/v1/campaigns'].post.responses;
    expect(Object.keys(responses)).toEqual(expect.arrayContaining(['201', '401', '422', '429']));
    const problem = responses['422'].content['application/json'].schema;
    expect(problem.properties).toHaveProperty('code');
    expect(problem.properties.errors.items.properties).toHaveProperty('path');
    expect(problem.properties.errors.items.properties).toHaveProperty('message');
  });
});

describe('operations endpoints', () => {
  const api = useSharedApi();

  it('serves the API docs as an HTML page', async () => {
    const docs = await api().call('GET', '/docs');
    expect(docs.status).toBe(200);
    expect(docs.headers.get('content-type')).toContain('text/html');
    expect(docs.body).toContain('<html');
    expect(docs.body).toContain('Swagger UI');
  });

  it('answers liveness and readiness without a key', async () => {
    const health = await api().call('GET', '/healthz');
    expect(health.status).toBe(200);
    expect(health.body).toEqual({ status: 'ok' });
    const ready = await api().call('GET', '/readyz');
    expect(ready.status).toBe(200);
    expect(ready.body).toEqual({ status: 'ready', checks: { database: true, dialer: true } });
  });

  it('exposes Prometheus metrics that count the requests served, by route pattern', async () => {
    const { key } = await api().account();
    expect((await api().call('GET', '/v1/account', { key })).status).toBe(200);
    const metrics = await api().call('GET', '/metrics');
    expect(metrics.status).toBe(200);
    expect(metrics.headers.get('content-type')).toContain('text/plain');
    const text = metrics.body as string;
    expect(text).toContain('# TYPE callwright_http_request_duration_seconds histogram');
    expect(text).toMatch(
      /^callwright_http_request_duration_seconds_count\{method="GET",route="\/v1\/account",status="200"\} 1$/m,
    );
    // Ids never become labels: the route's pattern does.
    expect(text).toContain('route="/v1/accounts/:id/credits"');
    expect(text).toMatch(/^callwright_active_campaigns 0$/m);
    expect(text).toContain('callwright_process_');
  });
});
