import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { AccessStore } from '../../engine/ports/access-store.js';

/** Who is calling: the operator (admin key) or one account (its API key). */
export type Principal =
  | { readonly kind: 'admin' }
  | { readonly kind: 'account'; readonly accountId: string; readonly keyId: string };

export const hashApiKey = (key: string) => createHash('sha256').update(key).digest('hex');

/**
 * A new secret key: a readable kind prefix (`cw_` account, `cwadm_` admin, as secret scanners expect) and 32
 * random bytes. Only its hash is stored; the key itself is shown once.
 */
export function newApiKey(kind: 'account' | 'admin'): { key: string; hash: string; prefix: string } {
  const key = `${kind === 'admin' ? 'cwadm' : 'cw'}_${randomBytes(32).toString('base64url')}`;
  return { key, hash: hashApiKey(key), prefix: key.slice(0, kind === 'admin' ? 10 : 7) };
}

/**
 * Resolves `Authorization: Bearer <key>` to a principal, or null for a missing, unknown or revoked key. The
 * operator's key may come from the environment (compared in constant time, never stored) or from the access
 * store (generated on first start).
 */
export function createAuthenticator(deps: { access: AccessStore; adminKey: string | null }) {
  const adminHash = deps.adminKey === null ? null : Buffer.from(hashApiKey(deps.adminKey), 'hex');
  return async (authorization: string | undefined): Promise<Principal | null> => {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
    if (!match) return null;
    const hash = hashApiKey(match[1]!);
    if (adminHash !== null && timingSafeEqual(adminHash, Buffer.from(hash, 'hex'))) return { kind: 'admin' };
    // Looking a key up by its SHA-256 leaks nothing useful through timing: the hash of a guess is unpredictable.
    const record = await deps.access.findApiKey(hash);
    if (!record || record.revokedAt !== null) return null;
    return record.accountId === null
      ? { kind: 'admin' }
      : { kind: 'account', accountId: record.accountId, keyId: record.id };
  };
}
