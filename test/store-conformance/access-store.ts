import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AccessStore, ApiKeyRecord, IdempotencyRecord } from '../../src/engine/ports/access-store.js';
import type { Store } from '../../src/engine/ports/store.js';
import { ACCOUNT_ID, T0, account } from './fixtures.js';

/** Opens a fresh AccessStore with the Store of the same database: keys belong to the store's accounts. */
export type OpenAccessStore = () => Promise<{
  store: Store;
  access: AccessStore;
  close: () => Promise<void>;
}>;

const HOUR = 60 * 60 * 1000;

const key = (n: number, accountId: string | null = ACCOUNT_ID): ApiKeyRecord => ({
  id: `key_${n}`,
  accountId,
  keyHash: `${'ab'.repeat(31)}${String(n).padStart(2, '0')}`,
  prefix: `cw_live_${n}`,
  label: n % 2 === 0 ? null : `key ${n}`,
  createdAt: T0 + n * 1000,
  revokedAt: null,
});

const record = (key: string, createdAt = T0): IdempotencyRecord => ({
  scope: ACCOUNT_ID,
  key,
  requestHash: 'f'.repeat(64),
  statusCode: 201,
  responseBody: JSON.stringify({ id: 'camp_0001', name: 'Spring follow-up' }),
  createdAt,
});

/** The AccessStore port's conformance suite: API keys by hash, and the Idempotency-Key records. */
export function describeAccessStoreConformance(name: string, open: OpenAccessStore): void {
  describe(`AccessStore conformance: ${name}`, () => {
    let opened: Awaited<ReturnType<OpenAccessStore>> | undefined;
    beforeEach(async () => {
      opened = await open();
      await opened.store.createAccount(account());
    });
    afterEach(async () => {
      await opened?.close();
      opened = undefined;
    });
    const access = () => opened!.access;

    it('finds a key by its hash only, revoked or not', async () => {
      await access().createApiKey(key(1));
      await access().createApiKey(key(2, null));
      expect(await access().findApiKey(key(1).keyHash)).toEqual(key(1));
      expect(await access().findApiKey(key(2).keyHash)).toEqual(key(2, null));
      expect(await access().findApiKey('0'.repeat(64))).toBeNull();
      expect(await access().revokeApiKey('key_1', T0 + HOUR)).toBe(true);
      expect(await access().findApiKey(key(1).keyHash)).toEqual({ ...key(1), revokedAt: T0 + HOUR });
    });

    it('refuses a second key with the same hash', async () => {
      await access().createApiKey(key(1));
      await expect(access().createApiKey({ ...key(2), keyHash: key(1).keyHash })).rejects.toThrow();
    });

    it("lists an account's keys, or the admin keys, oldest first", async () => {
      for (const n of [3, 1, 2]) await access().createApiKey(key(n));
      await access().createApiKey(key(4, null));
      expect((await access().listApiKeys(ACCOUNT_ID)).map((k) => k.id)).toEqual(['key_1', 'key_2', 'key_3']);
      expect(await access().listApiKeys(null)).toEqual([key(4, null)]);
      expect(await access().listApiKeys('acc_missing')).toEqual([]);
    });

    it('revokes a key from the first revocation on, and answers false for an unknown key', async () => {
      await access().createApiKey(key(1));
      expect(await access().revokeApiKey('key_1', T0 + HOUR)).toBe(true);
      expect(await access().revokeApiKey('key_1', T0 + 2 * HOUR)).toBe(true);
      expect((await access().listApiKeys(ACCOUNT_ID))[0]?.revokedAt).toBe(T0 + HOUR);
      expect(await access().revokeApiKey('key_missing', T0)).toBe(false);
    });

    it('keeps the first response to an idempotency key and returns it to a later save', async () => {
      expect(await access().findIdempotencyRecord(ACCOUNT_ID, 'k1')).toBeNull();
      expect(await access().saveIdempotencyRecord(record('k1'))).toEqual(record('k1'));
      const late = { ...record('k1', T0 + 1), statusCode: 409, responseBody: '{"code":"x"}' };
      expect(await access().saveIdempotencyRecord(late)).toEqual(record('k1'));
      expect(await access().findIdempotencyRecord(ACCOUNT_ID, 'k1')).toEqual(record('k1'));
      // Keys are per scope.
      expect(await access().findIdempotencyRecord('admin', 'k1')).toBeNull();
      const admin = { ...record('k1'), scope: 'admin' };
      expect(await access().saveIdempotencyRecord(admin)).toEqual(admin);
    });

    it('forgets the records created before a time, and says how many', async () => {
      await access().saveIdempotencyRecord(record('old', T0));
      await access().saveIdempotencyRecord(record('edge', T0 + HOUR));
      await access().saveIdempotencyRecord(record('new', T0 + 2 * HOUR));
      expect(await access().deleteIdempotencyRecords(T0 + HOUR)).toBe(1);
      expect(await access().findIdempotencyRecord(ACCOUNT_ID, 'old')).toBeNull();
      expect(await access().findIdempotencyRecord(ACCOUNT_ID, 'edge')).toEqual(record('edge', T0 + HOUR));
      expect(await access().deleteIdempotencyRecords(T0 + HOUR)).toBe(0);
    });
  });
}
