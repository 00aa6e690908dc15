import type { DoNotCallEntry } from '../../domain/entities.js';
import { iso } from './format.js';

export const presentDoNotCallEntry = (entry: DoNotCallEntry) => ({
  phone: entry.phone,
  source: entry.source,
  note: entry.note,
  createdAt: iso(entry.createdAt),
});
