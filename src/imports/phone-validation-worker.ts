/**
 * The entry point of a phone validation worker thread (started by `phone-validation-pool.ts`): it answers each
 * request with `normalizePhone` of every number, in order. The module's cache lives as long as the thread, so
 * a number the pool routes here again is answered from it.
 */
import { parentPort } from 'node:worker_threads';
import { normalizePhone, type CountryCode, type NormalizedPhone } from './phone.js';

/** What the pool sends: one slice of a batch. */
export interface ValidationRequest {
  readonly id: number;
  readonly raws: readonly string[];
  readonly defaultCountry: CountryCode;
}

/** What the worker answers, one result per number of the request, in its order. */
export interface ValidationResponse {
  readonly id: number;
  readonly results: readonly NormalizedPhone[];
}

if (parentPort === null) {
  throw new Error('phone-validation-worker.js runs as a worker thread of the phone validation pool');
}
const port = parentPort;
port.on('message', ({ id, raws, defaultCountry }: ValidationRequest) => {
  const response: ValidationResponse = {
    id,
    results: raws.map((raw) => normalizePhone(raw, defaultCountry)),
  };
  port.postMessage(response);
});
