import type { Contact, Lead } from '../../domain/entities.js';
import type { CallDetail, CallWithContext } from '../../engine/ports/store.js';
import { iso, isoOrNull, money } from './format.js';

export const presentLead = (lead: Lead) => ({
  id: lead.id,
  campaignId: lead.campaignId,
  name: lead.name,
  externalId: lead.externalId,
  fields: lead.fields,
  status: lead.status,
  completionReason: lead.completionReason,
  nextAttemptAt: isoOrNull(lead.nextAttemptAt),
  createdAt: iso(lead.createdAt),
});

export const presentContact = (c: Contact) => ({
  id: c.id,
  position: c.position,
  phone: c.phone,
  attempts: c.attempts,
  dead: c.dead,
  lastResult: c.lastResult,
});

export const presentCall = (currency: string) => (call: CallWithContext) => ({
  id: call.id,
  campaignId: call.campaignId,
  leadId: call.leadId,
  leadName: call.leadName,
  contactId: call.contactId,
  phone: call.contactPhone,
  attempt: call.attempt,
  provider: call.provider,
  providerCallId: call.providerCallId,
  status: call.status,
  answeredBy: call.answeredBy,
  failureReason: call.failureReason,
  placedAt: iso(call.placedAt),
  answeredAt: isoOrNull(call.answeredAt),
  endedAt: isoOrNull(call.endedAt),
  billedSeconds: call.billedSeconds,
  cost: money(call.costMinor, currency),
  goal: call.goal,
  variables: call.variables,
});

export const presentCallDetail = (detail: CallDetail, currency: string) => ({
  ...presentCall(currency)(detail.call),
  timeline: detail.timeline.map((t) => ({ status: t.status, at: iso(t.at) })),
});
