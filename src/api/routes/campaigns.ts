import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { applySettingsPatch, validateCampaignSettings } from '../../domain/settings.js';
import type { CampaignTransitionOutcome } from '../../engine/ports/store.js';
import type { ApiDeps } from '../api-deps.js';
import type { Api } from '../http/api-instance.js';
import { accountOf, ownedBy } from '../http/access-control.js';
import { bodySchemaErrors, invalidFields, refuseIfAny, valid } from '../http/domain-input.js';
import { PageQuery, pageOf, paginate } from '../http/pagination.js';
import { ApiProblem, conflict } from '../http/problem.js';
import { loadCampaignView, presentStats, presentTimeline } from '../presenters/campaigns.js';
import {
  CallTimeline,
  Campaign,
  CampaignCreate,
  CampaignPatch,
  CampaignStats,
  StartRefused,
  TIMELINE_MAX_BUCKETS,
  TimelineQuery,
} from '../schemas/campaigns.js';
import { IdParams, problems } from '../schemas/common.js';

/** Campaigns: settings, lifecycle (DESIGN §2.2–§2.3), diagnostics and stats. */
export function registerCampaignRoutes(api: Api, deps: ApiDeps): void {
  const { store, ids, clock, commands } = deps;
  const view = (campaign: Parameters<typeof loadCampaignView>[1]) =>
    loadCampaignView(store, campaign, clock.now());
  const ownCampaign = async (request: FastifyRequest, id: string) =>
    ownedBy(request, 'campaign', id, await store.getCampaign(id));

  api.post(
    '/v1/campaigns',
    {
      config: { idempotent: true },
      // The handler reports the schema's errors together with the domain's (a goal the assistant lacks, …).
      attachValidation: true,
      schema: {
        tags: ['campaigns'],
        summary: 'Create a draft campaign; settings left out take their defaults.',
        body: CampaignCreate,
        response: { 201: Campaign, ...problems(422) },
      },
    },
    async (request, reply) => {
      const schemaErrors = bodySchemaErrors(request);
      const { assistantId, ...settingsInput } = request.body;
      // An id the schema refused is not looked up (it may not be a string); the settings then cannot be
      // checked against the assistant's variables either.
      const assistant = schemaErrors.some((e) => e.path === 'assistantId')
        ? null
        : await store.getAssistant(assistantId);
      if (!assistant || assistant.accountId !== accountOf(request)) {
        throw invalidFields(schemaErrors, [
          {
            path: 'assistantId',
            message: `must be one of your assistants, got ${JSON.stringify(assistantId)}`,
          },
        ]);
      }
      const checked = validateCampaignSettings(settingsInput, assistant);
      refuseIfAny(schemaErrors, checked.ok ? [] : checked.error);
      const settings = valid(checked);
      const campaign = {
        id: ids.next('cmp'),
        accountId: assistant.accountId,
        assistantId,
        status: 'draft' as const,
        pauseReason: null,
        settings,
        createdAt: clock.now(),
        startedAt: null,
        endedAt: null,
      };
      await store.createCampaign(campaign);
      return reply.status(201).send(await view(campaign));
    },
  );

  api.get(
    '/v1/campaigns',
    {
      schema: {
        tags: ['campaigns'],
        summary: "The account's campaigns, oldest first.",
        querystring: Type.Object(PageQuery),
        response: { 200: pageOf(Campaign) },
      },
    },
    async (request) => {
      const page = await paginate(request.query, (p) => store.listCampaigns(accountOf(request), p), view);
      return { data: await Promise.all(page.data), nextCursor: page.nextCursor };
    },
  );

  api.get(
    '/v1/campaigns/:id',
    {
      schema: {
        tags: ['campaigns'],
        summary: 'One campaign with its lead counts and why it is (not) dialing.',
        params: IdParams('cmp'),
        response: { 200: Campaign, ...problems(404) },
      },
    },
    async (request) => view(await ownCampaign(request, request.params.id)),
  );

  api.patch(
    '/v1/campaigns/:id',
    {
      attachValidation: true,
      schema: {
        tags: ['campaigns'],
        summary: 'Edit settings (draft, active or paused); they apply to every later decision.',
        params: IdParams('cmp'),
        body: CampaignPatch,
        response: { 200: Campaign, ...problems(404, 409, 422) },
      },
    },
    async (request) => {
      const schemaErrors = bodySchemaErrors(request);
      const campaign = await ownCampaign(request, request.params.id);
      if (schemaErrors.length > 0) {
        // Nothing is written: the patch is only checked, so the domain's errors join the schema's.
        const assistant = (await store.getAssistant(campaign.assistantId))!;
        const checked = applySettingsPatch(campaign.settings, request.body, assistant);
        refuseIfAny(schemaErrors, checked.ok ? [] : checked.error);
      }
      if (campaign.status === 'completed') {
        throw conflict('campaign_completed', 'a completed campaign cannot be edited; add leads to reopen it');
      }
      valid((await commands.updateSettings(campaign.id, request.body))!);
      return view((await store.getCampaign(campaign.id))!);
    },
  );

  api.delete(
    '/v1/campaigns/:id',
    {
      schema: {
        tags: ['campaigns'],
        summary:
          'Delete a draft campaign and its leads. Started campaigns keep their history: pause instead.',
        params: IdParams('cmp'),
        response: { 204: Type.Null(), ...problems(404, 409) },
      },
    },
    async (request, reply) => {
      const campaign = await ownCampaign(request, request.params.id);
      const outcome = await store.deleteCampaign(campaign.id);
      if (!outcome.ok && outcome.code === 'campaign_not_deletable') {
        throw conflict(
          'campaign_not_deletable',
          `campaign ${campaign.id} is ${campaign.status}: only a draft can be deleted (its calls and charges are history); pause it instead`,
        );
      }
      return reply.status(204).send(null);
    },
  );

  const lifecycle = (action: 'start' | 'pause' | 'resume', summary: string) =>
    api.post(
      `/v1/campaigns/:id/${action}`,
      {
        schema: {
          tags: ['campaigns'],
          summary,
          params: IdParams('cmp'),
          response: { 200: Campaign, 409: StartRefused, ...problems(404) },
        },
      },
      async (request) => {
        const campaign = await ownCampaign(request, request.params.id);
        const outcome = await commands[action](campaign.id);
        deps.changes.notify();
        return view(refuseUnless(outcome));
      },
    );
  lifecycle('start', 'Start dialing. Refused with every unmet requirement (DESIGN §2.3).');
  lifecycle('pause', 'Stop placing calls; calls in flight finish.');
  lifecycle('resume', 'Dial again after a pause.');

  api.get(
    '/v1/campaigns/:id/stats',
    {
      schema: {
        tags: ['campaigns'],
        summary:
          'Counts by lead and call status, voicemail, goal achieved, answer rate, cost, and the seq of the ' +
          'newest event they include.',
        params: IdParams('cmp'),
        response: { 200: CampaignStats, ...problems(404) },
      },
    },
    async (request) => {
      const campaign = await ownCampaign(request, request.params.id);
      const [stats, account] = await Promise.all([
        store.campaignStats(campaign.id),
        store.getAccount(campaign.accountId),
      ]);
      return presentStats(stats, account!.currency);
    },
  );

  api.get(
    '/v1/campaigns/:id/stats/timeline',
    {
      schema: {
        tags: ['campaigns'],
        summary: 'Calls over time: counted by the hour (UTC) or the local day they were placed in.',
        params: IdParams('cmp'),
        querystring: TimelineQuery,
        response: { 200: CallTimeline, ...problems(404) },
      },
    },
    async (request) => {
      const campaign = await ownCampaign(request, request.params.id);
      const { timezone } = (await store.getAssistant(campaign.assistantId))!;
      const { bucket } = request.query;
      const query = { campaignId: campaign.id, bucket, timezone, limit: TIMELINE_MAX_BUCKETS };
      return presentTimeline(bucket, timezone, await store.callTimeline(query));
    },
  );
}

function refuseUnless(outcome: CampaignTransitionOutcome) {
  if (outcome.ok) return outcome.campaign;
  switch (outcome.code) {
    case 'not_found':
      throw new ApiProblem(404, 'not_found', 'the campaign no longer exists');
    case 'campaign_not_startable':
      throw new ApiProblem(409, 'campaign_not_startable', outcome.unmet.map((u) => u.message).join('; '), {
        extra: { unmet: outcome.unmet },
      });
    case 'campaign_transition_not_allowed':
      throw conflict('campaign_transition_not_allowed', outcome.message, { campaignStatus: outcome.status });
  }
}
