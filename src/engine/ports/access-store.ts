/**
 * Who may call the API, and the replies it must repeat: API keys (stored as hashes only, never the key) and the
 * `Idempotency-Key` records of create requests. A port of its own because the engine never needs it.
 */
export interface AccessStore {
  /** `accountId` null: an operator (admin) key. */
  createApiKey(key: ApiKeyRecord): Promise<void>;
  /** The key with this hash, revoked or not; null when there is none. */
  findApiKey(keyHash: string): Promise<ApiKeyRecord | null>;
  /** An account's keys (or the admin keys for `null`), oldest first. */
  listApiKeys(accountId: string | null): Promise<readonly ApiKeyRecord[]>;
  /** Marks a key revoked from `now` on; false when no such key exists. Revoking twice keeps the first time. */
  revokeApiKey(keyId: string, now: number): Promise<boolean>;

  findIdempotencyRecord(scope: string, key: string): Promise<IdempotencyRecord | null>;
  /**
   * Saves the first response to a key. When another request saved one first (a race), that one is kept and
   * returned, so both callers answer alike.
   */
  saveIdempotencyRecord(record: IdempotencyRecord): Promise<IdempotencyRecord>;
  /** Forgets records created before `before` (they are kept for a day). */
  deleteIdempotencyRecords(before: number): Promise<number>;
}

export interface ApiKeyRecord {
  readonly id: string;
  readonly accountId: string | null;
  /** SHA-256 of the key, hex. */
  readonly keyHash: string;
  /** The key's first characters, shown in lists so a user can tell keys apart. */
  readonly prefix: string;
  readonly label: string | null;
  readonly createdAt: number;
  readonly revokedAt: number | null;
}

export interface IdempotencyRecord {
  /** The account id, or `admin`. */
  readonly scope: string;
  /** SHA-256 of the Idempotency-Key, hex: the key itself unlocks the response body. */
  readonly key: string;
  /** SHA-256 of method, path and body: the same key with another request is refused. */
  readonly requestHash: string;
  readonly statusCode: number;
  /** The JSON response body as sent, sealed by the API (it may hold a new API key). */
  readonly responseBody: string;
  readonly createdAt: number;
}
