import type { Assistant, PhoneNumber } from '../../domain/entities.js';
import { formatRate } from '../../domain/money.js';
import { iso } from './format.js';

export const presentPhoneNumber = (p: PhoneNumber) => ({
  id: p.id,
  number: p.number,
  provider: p.provider,
  providerRef: p.providerRef,
  label: p.label,
  callsPerSecond: p.callsPerSecond,
  createdAt: iso(p.createdAt),
});

export const presentAssistant = (a: Assistant) => ({
  id: a.id,
  name: a.name,
  provider: a.provider,
  providerAssistantId: a.providerAssistantId,
  phoneNumberId: a.phoneNumberId,
  timezone: a.timezone,
  ratePerMinute: { amount: formatRate(a.rate), currency: a.rate.currency },
  maxCallMinutes: a.maxCallMinutes,
  variables: [...a.variables],
  optOutVariable: a.optOutVariable,
  createdAt: iso(a.createdAt),
});
