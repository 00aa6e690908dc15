import type { Account } from '../../domain/entities.js';
import type { ApiKeyRecord } from '../../engine/ports/access-store.js';
import type { LedgerEntry } from '../../engine/ports/store.js';
import { iso, isoOrNull, money } from './format.js';

export const presentAccount = (a: Account) => ({
  id: a.id,
  name: a.name,
  balance: money(a.balanceMinor, a.currency),
  reserved: money(a.reservedMinor, a.currency),
  minimumStartBalance: money(a.minimumStartBalanceMinor, a.currency),
  createdAt: iso(a.createdAt),
});

export const presentLedgerEntry = (currency: string) => (e: LedgerEntry) => ({
  id: e.id,
  kind: e.kind,
  amount: money(e.amountMinor, currency),
  callId: e.callId,
  note: e.note,
  createdAt: iso(e.createdAt),
});

export const presentApiKey = (k: ApiKeyRecord) => ({
  id: k.id,
  prefix: k.prefix,
  label: k.label,
  createdAt: iso(k.createdAt),
  revokedAt: isoOrNull(k.revokedAt),
});
