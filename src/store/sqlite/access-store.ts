import type Database from 'better-sqlite3';
import type { AccessStore, ApiKeyRecord, IdempotencyRecord } from '../../engine/ports/access-store.js';

export interface ApiKeyRow {
  id: string;
  account_id: string | null;
  key_hash: string;
  prefix: string;
  label: string | null;
  created_at: number;
  revoked_at: number | null;
}

export interface IdempotencyRow {
  scope: string;
  key: string;
  request_hash: string;
  status_code: number;
  response_body: string;
  created_at: number;
}

export const toApiKey = (r: ApiKeyRow): ApiKeyRecord => ({
  id: r.id,
  accountId: r.account_id,
  keyHash: r.key_hash,
  prefix: r.prefix,
  label: r.label,
  createdAt: r.created_at,
  revokedAt: r.revoked_at,
});

export const toIdempotencyRecord = (r: IdempotencyRow): IdempotencyRecord => ({
  scope: r.scope,
  key: r.key,
  requestHash: r.request_hash,
  statusCode: r.status_code,
  responseBody: r.response_body,
  createdAt: r.created_at,
});

/**
 * The AccessStore port on SQLite (tables of migration 0002), on the same database handle as the Store. Kept apart
 * from it: the engine never needs API keys, only the API does.
 */
export function createSqliteAccessStore(db: Database.Database): AccessStore {
  const q = {
    insertKey: db.prepare(
      `INSERT INTO api_keys (id, account_id, key_hash, prefix, label, created_at, revoked_at)
       VALUES (@id, @accountId, @keyHash, @prefix, @label, @createdAt, @revokedAt)`,
    ),
    keyByHash: db.prepare<[string], ApiKeyRow>('SELECT * FROM api_keys WHERE key_hash = ?'),
    // `IS` so that a null account lists the admin keys.
    keys: db.prepare<[string | null], ApiKeyRow>(
      'SELECT * FROM api_keys WHERE account_id IS ? ORDER BY created_at, rowid',
    ),
    revoke: db.prepare('UPDATE api_keys SET revoked_at = coalesce(revoked_at, ?) WHERE id = ?'),
    record: db.prepare<[string, string], IdempotencyRow>(
      'SELECT * FROM idempotency_records WHERE scope = ? AND key = ?',
    ),
    // The first writer wins; the loser reads back what the winner saved.
    insertRecord: db.prepare(
      `INSERT INTO idempotency_records (scope, key, request_hash, status_code, response_body, created_at)
       VALUES (@scope, @key, @requestHash, @statusCode, @responseBody, @createdAt) ON CONFLICT DO NOTHING`,
    ),
    deleteRecords: db.prepare('DELETE FROM idempotency_records WHERE created_at < ?'),
  };

  const saveTx = db.transaction((record: IdempotencyRecord) => {
    q.insertRecord.run(record);
    return toIdempotencyRecord(q.record.get(record.scope, record.key)!);
  });

  return {
    createApiKey: async (key) => void q.insertKey.run(key),
    findApiKey: async (keyHash) => {
      const row = q.keyByHash.get(keyHash);
      return row ? toApiKey(row) : null;
    },
    listApiKeys: async (accountId) => q.keys.all(accountId).map(toApiKey),
    revokeApiKey: async (keyId, now) => q.revoke.run(now, keyId).changes === 1,

    findIdempotencyRecord: async (scope, key) => {
      const row = q.record.get(scope, key);
      return row ? toIdempotencyRecord(row) : null;
    },
    saveIdempotencyRecord: async (record) => saveTx.immediate(record),
    deleteIdempotencyRecords: async (before) => q.deleteRecords.run(before).changes,
  };
}
