import type { AccessStore } from '../../engine/ports/access-store.js';
import {
  toApiKey,
  toIdempotencyRecord,
  type ApiKeyRow,
  type IdempotencyRow,
} from '../sqlite/access-store.js';
import type { PgQueries } from './pg-queries.js';

/** The AccessStore port on PostgreSQL (API keys as hashes, Idempotency-Key records), on the Store's pool. */
export function createPostgresAccessStore(q: PgQueries): AccessStore {
  return {
    createApiKey: async (k) =>
      void (await q.run(
        `INSERT INTO api_keys (id, account_id, key_hash, prefix, label, created_at, revoked_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [k.id, k.accountId, k.keyHash, k.prefix, k.label, k.createdAt, k.revokedAt],
      )),
    findApiKey: async (keyHash) => {
      const row = await q.row<ApiKeyRow>('SELECT * FROM api_keys WHERE key_hash = $1', [keyHash]);
      return row ? toApiKey(row) : null;
    },
    // IS NOT DISTINCT FROM, so that a null account lists the admin keys.
    listApiKeys: async (accountId) =>
      (
        await q.rows<ApiKeyRow>(
          'SELECT * FROM api_keys WHERE account_id IS NOT DISTINCT FROM $1::text ORDER BY created_at, id',
          [accountId],
        )
      ).map(toApiKey),
    revokeApiKey: async (keyId, now) =>
      (await q.run('UPDATE api_keys SET revoked_at = coalesce(revoked_at, $1) WHERE id = $2', [
        now,
        keyId,
      ])) === 1,

    findIdempotencyRecord: async (scope, key) => {
      const row = await q.row<IdempotencyRow>(
        'SELECT * FROM idempotency_records WHERE scope = $1 AND key = $2',
        [scope, key],
      );
      return row ? toIdempotencyRecord(row) : null;
    },
    // The first writer wins; the loser reads back what the winner saved. A loser that waited for the winner's
    // commit does not see its row in the same statement's snapshot: it reads it with the next one.
    saveIdempotencyRecord: async (r) => {
      const select = 'SELECT * FROM idempotency_records WHERE scope = $1 AND key = $2';
      const saved = await q.row<IdempotencyRow>(
        `WITH inserted AS (
           INSERT INTO idempotency_records (scope, key, request_hash, status_code, response_body, created_at)
           VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING RETURNING *)
         SELECT * FROM inserted UNION ALL SELECT * FROM idempotency_records WHERE scope = $1 AND key = $2 LIMIT 1`,
        [r.scope, r.key, r.requestHash, r.statusCode, r.responseBody, r.createdAt],
      );
      return toIdempotencyRecord(saved ?? (await q.row<IdempotencyRow>(select, [r.scope, r.key]))!);
    },
    deleteIdempotencyRecords: (before) =>
      q.run('DELETE FROM idempotency_records WHERE created_at < $1', [before]),
  };
}
