import { describe, expect, it } from 'vitest';
import { errorOfFailedRequest, errorOfResponse, errorOfStatusQuery } from './classify-error.js';

const invalidNumber = {
  message: ['customer.number must be a valid phone number in the E.164 format.'],
  error: 'Bad Request',
  statusCode: 400,
};

describe('errorOfResponse: a refused POST /call', () => {
  it.each([
    [429, null, null, { kind: 'rate_limited', retryAfterMs: null }],
    [429, null, '7', { kind: 'rate_limited', retryAfterMs: 7000 }],
    [429, null, 'Wed, 21 Oct 2026 07:28:00 GMT', { kind: 'rate_limited', retryAfterMs: null }],
    [400, invalidNumber, null, { kind: 'invalid_number', code: 'vapi_invalid_number' }],
    [400, { message: 'customer.number is required' }, null, { kind: 'invalid_number' }],
    [400, { message: ['assistantId must be a UUID'] }, null, { kind: 'permanent', code: 'vapi_http_400' }],
    [401, { message: 'Invalid Key' }, null, { kind: 'permanent', code: 'vapi_http_401' }],
    [404, null, null, { kind: 'permanent' }],
    [408, null, null, { kind: 'ambiguous' }],
    [500, null, null, { kind: 'ambiguous', code: 'vapi_http_500' }],
    [503, 'not json', null, { kind: 'ambiguous' }],
  ])('HTTP %i %j (Retry-After %s) → %o', (status, body, retryAfter, expected) => {
    expect(errorOfResponse(status, body, retryAfter)).toMatchObject(expected);
  });

  it('quotes Vapi’s message, shortened', () => {
    const error = errorOfResponse(400, { message: ['x'.repeat(500)] }, null);
    expect(error.message).toMatch(/^Vapi answered POST \/call with HTTP 400: x{200}…;/);
  });
});

describe('errorOfStatusQuery: a refused GET /call/{id}', () => {
  it.each([
    [429, 'retryable'],
    [503, 'retryable'],
    [401, 'permanent'],
  ])('HTTP %i → %s', (status, kind) => {
    expect(errorOfStatusQuery(status, null)).toMatchObject({ kind });
  });
});

describe('errorOfFailedRequest: fetch rejected', () => {
  const withCode = (code: string) =>
    new TypeError('fetch failed', { cause: Object.assign(new Error(code), { code }) });

  it.each([
    [
      new DOMException('The operation was aborted due to timeout', 'TimeoutError'),
      'ambiguous',
      'vapi_timeout',
    ],
    [withCode('ECONNREFUSED'), 'retryable', 'vapi_unreachable'],
    [withCode('ENOTFOUND'), 'retryable', 'vapi_unreachable'],
    [withCode('ECONNRESET'), 'ambiguous', 'vapi_connection_failed'],
  ])('%s → %s', (error, kind, code) => {
    expect(errorOfFailedRequest(error, 'POST /call', 300)).toMatchObject({ kind, code });
  });
});
