import { newApiKey } from '../../api/http/auth.js';
import type { AccessStore } from '../../engine/ports/access-store.js';
import type { IdSource } from '../../engine/ports/ids.js';

/**
 * The operator's key. One given by `CALLWRIGHT_ADMIN_KEY` or `--admin-key` is used as it is and never stored.
 * Otherwise the first start generates one, stores its hash and returns the key to print once; later starts
 * find the hash and return null (the key cannot be shown again: create a new one by starting with the variable).
 */
export async function ensureAdminKey(
  access: AccessStore,
  ids: IdSource,
  now: number,
  given: string | null,
): Promise<{ configured: string | null; generated: string | null }> {
  if (given !== null) return { configured: given, generated: null };
  const existing = (await access.listApiKeys(null)).filter((k) => k.revokedAt === null);
  if (existing.length > 0) return { configured: null, generated: null };
  const key = newApiKey('admin');
  await access.createApiKey({
    id: ids.next('key'),
    accountId: null,
    keyHash: key.hash,
    prefix: key.prefix,
    label: 'generated on first start',
    createdAt: now,
    revokedAt: null,
  });
  return { configured: null, generated: key.key };
}
