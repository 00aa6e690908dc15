import type { AnsweredBy, CallStatus, FailureReason } from '../../domain/call-status.js';
import type { CampaignStatus, PauseReason } from '../../domain/campaign-lifecycle.js';
import type { DoNotCallSource } from '../../domain/do-not-call.js';
import type {
  Account,
  Assistant,
  Call,
  CallPhase,
  Campaign,
  Contact,
  DoNotCallEntry,
  Lead,
  PhoneNumber,
} from '../../domain/entities.js';
import type { CompletionReason, LeadStatus } from '../../domain/lead-status.js';
import type { AssistantVariable, CampaignSettings } from '../../domain/settings.js';
import type { CallWithContext, LedgerEntry } from '../../engine/ports/store.js';

/** Row shapes as SQLite returns them, and their mapping to domain records. */

export interface AccountRow {
  id: string;
  name: string;
  currency: string;
  balance_minor: number;
  reserved_minor: number;
  minimum_start_balance_minor: number;
  created_at: number;
}

export const toAccount = (r: AccountRow): Account => ({
  id: r.id,
  name: r.name,
  currency: r.currency,
  balanceMinor: r.balance_minor,
  reservedMinor: r.reserved_minor,
  minimumStartBalanceMinor: r.minimum_start_balance_minor,
  createdAt: r.created_at,
});

export interface LedgerEntryRow {
  id: string;
  account_id: string;
  kind: LedgerEntry['kind'];
  amount_minor: number;
  call_id: string | null;
  note: string | null;
  created_at: number;
}

export const toLedgerEntry = (r: LedgerEntryRow): LedgerEntry => ({
  id: r.id,
  accountId: r.account_id,
  kind: r.kind,
  amountMinor: r.amount_minor,
  callId: r.call_id,
  note: r.note,
  createdAt: r.created_at,
});

export interface PhoneNumberRow {
  id: string;
  account_id: string;
  number: string;
  provider: string;
  provider_ref: string | null;
  label: string | null;
  calls_per_second: number;
  created_at: number;
}

export const toPhoneNumber = (r: PhoneNumberRow): PhoneNumber => ({
  id: r.id,
  accountId: r.account_id,
  number: r.number,
  provider: r.provider,
  providerRef: r.provider_ref,
  label: r.label,
  callsPerSecond: r.calls_per_second,
  createdAt: r.created_at,
});

export interface AssistantRow {
  id: string;
  account_id: string;
  name: string;
  provider: string;
  provider_assistant_id: string | null;
  phone_number_id: string | null;
  timezone: string;
  rate_micro_per_minute: number;
  max_call_minutes: number;
  variables: string;
  opt_out_variable: string | null;
  created_at: number;
}

export const toAssistant = (r: AssistantRow, currency: string): Assistant => ({
  id: r.id,
  accountId: r.account_id,
  name: r.name,
  provider: r.provider,
  providerAssistantId: r.provider_assistant_id,
  phoneNumberId: r.phone_number_id,
  timezone: r.timezone,
  rate: { microPerMinute: r.rate_micro_per_minute, currency },
  maxCallMinutes: r.max_call_minutes,
  variables: JSON.parse(r.variables) as AssistantVariable[],
  optOutVariable: r.opt_out_variable,
  createdAt: r.created_at,
});

export interface DoNotCallRow {
  account_id: string;
  phone: string;
  source: string;
  note: string | null;
  created_at: number;
}

export const toDoNotCallEntry = (r: DoNotCallRow): DoNotCallEntry => ({
  accountId: r.account_id,
  phone: r.phone,
  source: r.source as DoNotCallSource,
  note: r.note,
  createdAt: r.created_at,
});

export interface CampaignRow {
  id: string;
  account_id: string;
  assistant_id: string;
  status: string;
  pause_reason: string | null;
  settings: string;
  in_flight: number;
  created_at: number;
  started_at: number | null;
  ended_at: number | null;
}

export const toCampaign = (r: CampaignRow): Campaign => ({
  id: r.id,
  accountId: r.account_id,
  assistantId: r.assistant_id,
  status: r.status as CampaignStatus,
  pauseReason: r.pause_reason as PauseReason | null,
  settings: JSON.parse(r.settings) as CampaignSettings,
  createdAt: r.created_at,
  startedAt: r.started_at,
  endedAt: r.ended_at,
});

export interface LeadRow {
  id: string;
  campaign_id: string;
  name: string | null;
  external_id: string | null;
  fields: string;
  status: string;
  completion_reason: string | null;
  next_attempt_at: number | null;
  next_contact_id: string | null;
  resets: number;
  created_at: number;
  updated_at: number;
}

export const toLead = (r: LeadRow): Lead => ({
  id: r.id,
  campaignId: r.campaign_id,
  name: r.name,
  externalId: r.external_id,
  fields: JSON.parse(r.fields) as Record<string, string>,
  status: r.status as LeadStatus,
  completionReason: r.completion_reason as CompletionReason | null,
  nextAttemptAt: r.next_attempt_at,
  nextContactId: r.next_contact_id,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export interface ContactRow {
  id: string;
  lead_id: string;
  position: number;
  phone: string;
  attempts: number;
  dead: number;
  last_result: string | null;
}

export const toContact = (r: ContactRow): Contact => ({
  id: r.id,
  leadId: r.lead_id,
  position: r.position,
  phone: r.phone,
  attempts: r.attempts,
  dead: r.dead === 1,
  lastResult: r.last_result,
});

export interface CallRow {
  id: string;
  account_id: string;
  campaign_id: string;
  lead_id: string;
  contact_id: string;
  attempt: number;
  idempotency_key: string;
  provider: string;
  provider_call_id: string | null;
  status: string;
  answered_by: string | null;
  failure_reason: string | null;
  placed_at: number;
  answered_at: number | null;
  ended_at: number | null;
  billed_seconds: number;
  cost_minor: number;
  reserved_minor: number;
  goal: number | null;
  variables: string | null;
  phase: string;
  due_at: number | null;
}

export const toCall = (r: CallRow): Call => ({
  id: r.id,
  accountId: r.account_id,
  campaignId: r.campaign_id,
  leadId: r.lead_id,
  contactId: r.contact_id,
  attempt: r.attempt,
  idempotencyKey: r.idempotency_key,
  provider: r.provider,
  providerCallId: r.provider_call_id,
  status: r.status as CallStatus,
  answeredBy: r.answered_by as AnsweredBy | null,
  failureReason: r.failure_reason as FailureReason | null,
  placedAt: r.placed_at,
  answeredAt: r.answered_at,
  endedAt: r.ended_at,
  billedSeconds: r.billed_seconds,
  costMinor: r.cost_minor,
  goal: r.goal === null ? null : r.goal === 1,
  variables: r.variables === null ? null : (JSON.parse(r.variables) as Record<string, unknown>),
  phase: r.phase as CallPhase,
});

/** A call joined with its lead's name and its contact (`calls.*, leads.name AS lead_name, contacts.phone, …`). */
export interface CallWithContextRow extends CallRow {
  lead_name: string | null;
  phone: string;
  position: number;
}

export const toCallWithContext = (r: CallWithContextRow): CallWithContext => ({
  ...toCall(r),
  leadName: r.lead_name,
  contactPhone: r.phone,
  contactPosition: r.position,
});
