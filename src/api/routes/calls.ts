import { createHash } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { FieldError } from '../../domain/result.js';
import type { ApiDeps } from '../api-deps.js';
import type { Api } from '../http/api-instance.js';
import { ownedBy } from '../http/access-control.js';
import { PageQuery, pageOf, paginate } from '../http/pagination.js';
import { conflict, invalidRequest, notFound } from '../http/problem.js';
import { presentCall, presentCallDetail } from '../presenters/leads-and-calls.js';
import { Call, CallDetail, CallLogOrder, VariablesReport } from '../schemas/calls.js';
import { IdParams, problems } from '../schemas/common.js';

/** Calls: the log of a campaign, one call's timeline, and post-call variables reported by the assistant. */
export function registerCallRoutes(api: Api, deps: ApiDeps): void {
  const { store, clock } = deps;
  const currencyOf = async (accountId: string) => (await store.getAccount(accountId))!.currency;
  const ownCall = async (request: FastifyRequest, id: string) => {
    const detail = await store.getCall(id);
    ownedBy(request, 'call', id, detail?.call ?? null);
    return detail!;
  };

  api.get(
    '/v1/campaigns/:id/calls',
    {
      schema: {
        tags: ['calls'],
        summary: "A campaign's calls in the order placed, or the newest first (`order=newest`).",
        params: IdParams('cmp'),
        querystring: Type.Object({
          ...PageQuery,
          order: CallLogOrder,
        }),
        response: { 200: pageOf(Call), ...problems(404) },
      },
    },
    async (request) => {
      const campaign = ownedBy(
        request,
        'campaign',
        request.params.id,
        await store.getCampaign(request.params.id),
      );
      const currency = await currencyOf(campaign.accountId);
      const newestFirst = request.query.order === 'newest';
      return paginate(
        request.query,
        (page) => store.listCalls(campaign.id, { ...page, newestFirst }),
        presentCall(currency),
      );
    },
  );

  api.get(
    '/v1/calls/:id',
    {
      schema: {
        tags: ['calls'],
        summary: 'One call with its status timeline, who answered, billed seconds, cost and variables.',
        params: IdParams('call'),
        response: { 200: CallDetail, ...problems(404) },
      },
    },
    async (request) => {
      const detail = await ownCall(request, request.params.id);
      return presentCallDetail(detail, await currencyOf(detail.call.accountId));
    },
  );

  api.post(
    '/v1/calls/:id/variables',
    {
      schema: {
        tags: ['calls'],
        summary:
          'Report the post-call variables of a call (for assistants that are not a platform). Sending the same variables again is harmless.',
        params: IdParams('call'),
        body: VariablesReport,
        response: { 200: CallDetail, ...problems(404, 409, 422) },
      },
    },
    async (request) => {
      const { call } = await ownCall(request, request.params.id);
      const campaign = (await store.getCampaign(call.campaignId))!;
      const assistant = (await store.getAssistant(campaign.assistantId))!;
      const errors: FieldError[] = [];
      for (const [name, value] of Object.entries(request.body.variables)) {
        const declared = assistant.variables.find((v) => v.name === name);
        if (!declared) {
          const names = assistant.variables.map((v) => v.name).join(', ') || 'none';
          errors.push({
            path: `variables.${name}`,
            message: `is not a variable of the assistant (it has: ${names})`,
          });
        } else if (value !== null && typeof value !== declared.type) {
          errors.push({
            path: `variables.${name}`,
            message: `must be a ${declared.type}, got ${JSON.stringify(value)}`,
          });
        }
      }
      if (errors.length > 0) throw invalidRequest(errors);
      if (call.providerCallId === null) {
        throw conflict('call_not_placed', `call ${call.id} has not been accepted by its provider yet`);
      }
      const body = JSON.stringify(request.body.variables);
      const outcome = await deps.reportCallEvent({
        type: 'variables',
        provider: call.provider,
        providerCallId: call.providerCallId,
        // The same report sent twice is one event (DESIGN §2.7).
        eventId: `api-variables:${createHash('sha256').update(body).digest('hex').slice(0, 32)}`,
        at: clock.now(),
        variables: request.body.variables,
      });
      deps.changes.notify();
      if (!outcome.applied && outcome.reason === 'stale') {
        throw conflict(
          'call_settled',
          `call ${call.id} is settled: its variables can no longer change the lead`,
        );
      }
      if (!outcome.applied && outcome.reason === 'unknown_call') throw notFound('call', call.id);
      const detail = (await store.getCall(call.id))!;
      return presentCallDetail(detail, await currencyOf(call.accountId));
    },
  );
}
