import { applySettingsPatch, type CampaignSettings } from '../../domain/settings.js';
import type { FieldError, Result } from '../../domain/result.js';
import { err, ok } from '../../domain/result.js';
import type { Dialer } from '../dialer/dialer.js';
import type { CallProvider } from '../ports/call-provider.js';
import type { Clock } from '../ports/clock.js';
import type { IdSource } from '../ports/ids.js';
import type {
  AddLeadsResult,
  CampaignTransitionOutcome,
  LeadOverrideOutcome,
  Store,
} from '../ports/store.js';

export interface CampaignCommandDeps {
  readonly store: Store;
  readonly clock: Clock;
  readonly ids: IdSource;
  readonly providers: ReadonlyMap<string, CallProvider>;
  readonly dialer: Pick<Dialer, 'wake'>;
}

/** A lead as a caller gives it: numbers already normalised to E.164, primary first. */
export interface LeadInput {
  readonly name: string | null;
  readonly externalId: string | null;
  readonly fields: Readonly<Record<string, string>>;
  readonly phones: readonly string[];
}

/**
 * What users do to a campaign (DESIGN §2.2–§2.4), shared by the CLI and the API. Each command changes the
 * store in one transaction, then wakes the dialer so a change takes effect at once (a start dials within a
 * second when the window is open: DESIGN §2.3).
 */
export function createCampaignCommands(deps: CampaignCommandDeps) {
  const { store, clock, ids, dialer } = deps;

  const transition = async (
    campaignId: string,
    action: 'start' | 'pause' | 'resume',
  ): Promise<CampaignTransitionOutcome> => {
    const campaign = await store.getCampaign(campaignId);
    const assistant = campaign ? await store.getAssistant(campaign.assistantId) : null;
    const outcome = await store.transitionCampaign({
      campaignId,
      action,
      now: clock.now(),
      providerConfigured: assistant !== null && deps.providers.has(assistant.provider),
    });
    if (outcome.ok) dialer.wake();
    return outcome;
  };

  return {
    start: (campaignId: string) => transition(campaignId, 'start'),
    pause: (campaignId: string) => transition(campaignId, 'pause'),
    resume: (campaignId: string) => transition(campaignId, 'resume'),

    async addLeads(campaignId: string, leads: readonly LeadInput[]): Promise<AddLeadsResult> {
      const result = await store.addLeads(
        campaignId,
        leads.map((lead) => ({
          id: ids.next('lead'),
          name: lead.name,
          externalId: lead.externalId,
          fields: lead.fields,
          contacts: lead.phones.map((phone) => ({ id: ids.next('ct'), phone })),
        })),
        clock.now(),
      );
      if (result.created > 0) dialer.wake();
      return result;
    },

    async overrideLead(leadId: string, to: 'created' | 'completed'): Promise<LeadOverrideOutcome> {
      const outcome = await store.overrideLeadStatus(leadId, to, clock.now());
      if (outcome.ok) dialer.wake();
      return outcome;
    },

    /** Edits apply to every decision made afterwards (DESIGN §2.1): the dialer re-reads them on its next pass. */
    async updateSettings(
      campaignId: string,
      patch: unknown,
    ): Promise<Result<CampaignSettings, readonly FieldError[]> | null> {
      const campaign = await store.getCampaign(campaignId);
      const assistant = campaign ? await store.getAssistant(campaign.assistantId) : null;
      if (!campaign || !assistant) return null;
      const next = applySettingsPatch(campaign.settings, patch, assistant);
      if (!next.ok) return err(next.error);
      await store.updateCampaignSettings(campaignId, next.value, clock.now());
      dialer.wake();
      return ok(next.value);
    },
  };
}

export type CampaignCommands = ReturnType<typeof createCampaignCommands>;
