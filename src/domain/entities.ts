import type { AnsweredBy, CallStatus, FailureReason } from './call-status.js';
import type { CampaignStatus, PauseReason } from './campaign-lifecycle.js';
import type { DoNotCallSource } from './do-not-call.js';
import type { CompletionReason, LeadStatus } from './lead-status.js';
import type { Rate } from './money.js';
import type { AssistantVariable, CampaignSettings } from './settings.js';

/** The records Callwright keeps (DESIGN §1). Times are epoch milliseconds; money is integer minor units. */

export interface Account {
  readonly id: string;
  readonly name: string;
  readonly currency: string;
  readonly balanceMinor: number;
  /** One minute's cost of every call in flight (DESIGN §2.8). */
  readonly reservedMinor: number;
  readonly minimumStartBalanceMinor: number;
  readonly createdAt: number;
}

export interface PhoneNumber {
  readonly id: string;
  readonly accountId: string;
  readonly number: string;
  readonly provider: string;
  readonly providerRef: string | null;
  readonly label: string | null;
  /** Calls this number may place per second (DESIGN §2.9; the telephony default is 1). */
  readonly callsPerSecond: number;
  readonly createdAt: number;
}

export interface Assistant {
  readonly id: string;
  readonly accountId: string;
  readonly name: string;
  readonly provider: string;
  readonly providerAssistantId: string | null;
  readonly phoneNumberId: string | null;
  readonly timezone: string;
  readonly rate: Rate;
  readonly maxCallMinutes: number;
  readonly variables: readonly AssistantVariable[];
  /** The boolean post-call variable by which a callee asks not to be called again; null: opt-outs are not read. */
  readonly optOutVariable: string | null;
  readonly createdAt: number;
}

/** A number on an account's do-not-call list (DESIGN §2.4): never dialed by any of its campaigns. */
export interface DoNotCallEntry {
  readonly accountId: string;
  /** E.164. */
  readonly phone: string;
  readonly source: DoNotCallSource;
  readonly note: string | null;
  readonly createdAt: number;
}

export interface Campaign {
  readonly id: string;
  readonly accountId: string;
  readonly assistantId: string;
  readonly status: CampaignStatus;
  readonly pauseReason: PauseReason | null;
  readonly settings: CampaignSettings;
  readonly createdAt: number;
  readonly startedAt: number | null;
  readonly endedAt: number | null;
}

export interface Lead {
  readonly id: string;
  readonly campaignId: string;
  readonly name: string | null;
  readonly externalId: string | null;
  readonly fields: Readonly<Record<string, string>>;
  readonly status: LeadStatus;
  readonly completionReason: CompletionReason | null;
  /** When the lead may be dialed next (before the calling window is applied); null when not waiting. */
  readonly nextAttemptAt: number | null;
  readonly nextContactId: string | null;
  readonly createdAt: number;
  /** When anything about the lead last changed: its status, its next attempt, an override. */
  readonly updatedAt: number;
}

export interface Contact {
  readonly id: string;
  readonly leadId: string;
  /** 0 = primary, then secondaries in order. */
  readonly position: number;
  readonly phone: string;
  readonly attempts: number;
  readonly dead: boolean;
  readonly lastResult: string | null;
}

/** Where a call is in its life inside the engine (not the provider's status). */
export const CALL_PHASES = ['dialing', 'in_flight', 'awaiting_variables', 'settled'] as const;
export type CallPhase = (typeof CALL_PHASES)[number];

export interface Call {
  readonly id: string;
  readonly accountId: string;
  readonly campaignId: string;
  readonly leadId: string;
  readonly contactId: string;
  readonly attempt: number;
  readonly idempotencyKey: string;
  readonly provider: string;
  readonly providerCallId: string | null;
  readonly status: CallStatus;
  readonly answeredBy: AnsweredBy | null;
  readonly failureReason: FailureReason | null;
  readonly placedAt: number;
  readonly answeredAt: number | null;
  readonly endedAt: number | null;
  readonly billedSeconds: number;
  readonly costMinor: number;
  readonly goal: boolean | null;
  readonly variables: Readonly<Record<string, unknown>> | null;
  readonly phase: CallPhase;
}
