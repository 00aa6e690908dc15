import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { ApiDeps } from '../api-deps.js';
import { scopeOf } from './access-control.js';
import { ApiProblem } from './problem.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** A create: an `Idempotency-Key` header makes a retry return the first response instead of creating twice. */
    idempotent?: boolean;
  }
  interface FastifyRequest {
    idempotency: { scope: string; key: string; requestHash: string } | null;
  }
}

const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

/**
 * A kept response may hold a secret shown once (a new account's or a rotated API key, which are otherwise stored
 * only as hashes), so it is kept encrypted with a key derived from the Idempotency-Key, and the Idempotency-Key
 * itself only as a hash: the database alone cannot give the secret back, the client that sent the key can. This
 * is as strong as Idempotency-Keys are unguessable: clients should send random ones (UUIDs), as is usual.
 */
const keptKeyOf = (key: string) => createHash('sha256').update(key).digest('hex');

const sealingKey = (scope: string, key: string) =>
  Buffer.from(hkdfSync('sha256', key, scope, 'callwright idempotent response', 32));

function seal(scope: string, key: string, body: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', sealingKey(scope, key), iv);
  const sealed = Buffer.concat([cipher.update(body, 'utf8'), cipher.final()]);
  return [iv, cipher.getAuthTag(), sealed].map((part) => part.toString('base64url')).join('.');
}

function unseal(scope: string, key: string, kept: string): string {
  const [iv, tag, sealed] = kept.split('.').map((part) => Buffer.from(part, 'base64url'));
  const decipher = createDecipheriv('aes-256-gcm', sealingKey(scope, key), iv!);
  decipher.setAuthTag(tag!);
  return Buffer.concat([decipher.update(sealed!), decipher.final()]).toString('utf8');
}

/**
 * `Idempotency-Key` on creates (DESIGN §7), as payment APIs do it: the first successful response is kept for a
 * day and replayed to any retry with the same key; the same key with another request is refused (422); a retry
 * that arrives while the first is still running is told so (409) rather than run twice.
 */
export function installIdempotency(app: FastifyInstance, deps: ApiDeps): void {
  const running = new Set<string>();
  app.decorateRequest('idempotency', null);

  app.addHook('preHandler', async (request, reply) => {
    const header = request.headers['idempotency-key'];
    if (!request.routeOptions.config.idempotent || header === undefined) return;
    // A body its schema refused (routes with `attachValidation` get here) is answered 422 and never kept.
    if (request.validationError) return;
    const key = Array.isArray(header) ? header.join(',') : header;
    if (!KEY_PATTERN.test(key)) {
      throw new ApiProblem(
        400,
        'invalid_idempotency_key',
        `Idempotency-Key must be 1–255 printable ASCII characters, got ${JSON.stringify(key)}`,
      );
    }
    const scope = scopeOf(request);
    const requestHash = createHash('sha256')
      .update(`${request.method} ${request.url}\n${JSON.stringify(request.body ?? null)}`)
      .digest('hex');
    const saved = await deps.access.findIdempotencyRecord(scope, keptKeyOf(key));
    if (saved) {
      if (saved.requestHash !== requestHash) {
        throw new ApiProblem(
          422,
          'idempotency_key_reused',
          `Idempotency-Key ${JSON.stringify(key)} was already used with another request`,
        );
      }
      return reply
        .status(saved.statusCode)
        .header('idempotent-replayed', 'true')
        .type('application/json; charset=utf-8')
        .send(unseal(scope, key, saved.responseBody));
    }
    const lock = `${scope}\u0000${key}`;
    if (running.has(lock)) {
      throw new ApiProblem(
        409,
        'idempotency_key_in_use',
        `a request with Idempotency-Key ${JSON.stringify(key)} is still running; retry when it has answered`,
      );
    }
    running.add(lock);
    request.idempotency = { scope, key, requestHash };
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const pending = request.idempotency;
    if (!pending) return payload;
    request.idempotency = null;
    running.delete(`${pending.scope}\u0000${pending.key}`);
    // Only successes are kept: a request refused for bad input may be corrected and retried with its key.
    if (reply.statusCode >= 300 || typeof payload !== 'string') return payload;
    const sealed = seal(pending.scope, pending.key, payload);
    const kept = await deps.access.saveIdempotencyRecord({
      scope: pending.scope,
      key: keptKeyOf(pending.key),
      requestHash: pending.requestHash,
      statusCode: reply.statusCode,
      responseBody: sealed,
      createdAt: deps.clock.now(),
    });
    // Another process may have answered the same key first: then its response is the one to give.
    return kept.responseBody === sealed ? payload : unseal(pending.scope, pending.key, kept.responseBody);
  });

  // A request that failed before onSend (connection closed) must not hold its key.
  app.addHook('onResponse', async (request) => {
    if (request.idempotency) running.delete(`${request.idempotency.scope}\u0000${request.idempotency.key}`);
  });
}
