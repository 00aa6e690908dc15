import type { FastifyRequest } from 'fastify';
import { Type, type Static } from 'typebox';
import type { LeadSearch, ListedLead as StoredListedLead } from '../../engine/ports/store.js';
import type { LeadInput } from '../../engine/use-cases/campaign-commands.js';
import type { ApiDeps } from '../api-deps.js';
import type { Api } from '../http/api-instance.js';
import { ownedBy } from '../http/access-control.js';
import { PageQuery, pageOf, paginate } from '../http/pagination.js';
import { ApiProblem, conflict, notFound } from '../http/problem.js';
import { iso } from '../presenters/format.js';
import { presentCall, presentContact, presentLead } from '../presenters/leads-and-calls.js';
import { Call } from '../schemas/calls.js';
import { IdParams, problems } from '../schemas/common.js';
import {
  Contact,
  Lead,
  LeadPatch,
  LeadSearchText,
  LeadsAdd,
  LeadsAdded,
  LeadStatus,
  ListedLead,
} from '../schemas/leads.js';

type LeadBody = Static<typeof LeadsAdd>['leads'][number];
type Invalid = { index: number; field: string; message: string };
type PhoneCheck = Awaited<ReturnType<ApiDeps['normalizePhones']>>[number];

/** A lead's numbers as written: the primary, then the secondaries in dialing order. */
const numbersOf = (lead: LeadBody): string[] => [lead.phone, ...(lead.secondaryPhones ?? [])];

/**
 * A lead with its numbers in E.164, or the first field that is not a callable number. `checks` are the results
 * for `numbers`, the lead's numbers as written.
 */
function toInput(
  lead: LeadBody,
  index: number,
  numbers: readonly string[],
  checks: readonly PhoneCheck[],
): LeadInput | Invalid {
  const phones: string[] = [];
  for (const [position, check] of checks.entries()) {
    if (!check.ok) {
      const field = position === 0 ? 'phone' : `secondaryPhones[${position - 1}]`;
      return { index, field, message: `"${numbers[position]}" ${check.reason}` };
    }
    if (!phones.includes(check.e164)) phones.push(check.e164);
  }
  return {
    name: lead.name?.trim() || null,
    externalId: lead.externalId ?? null,
    fields: lead.fields ?? {},
    phones,
  };
}

/** Only a phone number's characters (digits, spaces, `+-().`), with a digit: a search for a number. */
const PHONE_LIKE = /^[\d\s+\-().]*\d[\d\s+\-().]*$/;

/** What `q` looks for: the digits of a number, or a part of a name; a blank query filters nothing. */
function leadSearchOf(q: string | undefined): LeadSearch | null {
  const text = q?.trim() ?? '';
  if (text === '') return null;
  return PHONE_LIKE.test(text) ? { digits: text.replace(/\D/g, '') } : { name: text };
}

const presentListedLead = (lead: StoredListedLead) => ({
  ...presentLead(lead),
  updatedAt: iso(lead.updatedAt),
  contacts: lead.contacts.map(presentContact),
  lastResult: lead.lastResult,
});

/** Leads: added in batches, listed by status, overridden by hand (DESIGN §2.4). */
export function registerLeadRoutes(api: Api, deps: ApiDeps): void {
  const { store, commands } = deps;
  const ownCampaign = async (request: FastifyRequest, id: string) =>
    ownedBy(request, 'campaign', id, await store.getCampaign(id));
  const ownLead = async (request: FastifyRequest, id: string) => {
    const found = await store.getLead(id);
    const campaign = found ? await store.getCampaign(found.lead.campaignId) : null;
    if (!found || !campaign) throw notFound('lead', id);
    ownedBy(request, 'lead', id, campaign);
    return { ...found, campaign };
  };

  api.post(
    '/v1/campaigns/:id/leads',
    {
      config: { idempotent: true },
      schema: {
        tags: ['leads'],
        summary:
          'Add up to 1,000 leads. Invalid numbers, numbers already in the campaign and numbers on the do-not-call list are reported by index; the rest are added.',
        params: IdParams('cmp'),
        body: LeadsAdd,
        response: { 200: LeadsAdded, ...problems(404, 413, 422) },
      },
    },
    async (request) => {
      const campaign = await ownCampaign(request, request.params.id);
      const numbers = request.body.leads.map(numbersOf);
      // Every number of the batch at once: a pool validates a large batch off the event loop.
      const checks = await deps.normalizePhones(numbers.flat());
      const invalid: Invalid[] = [];
      const accepted: LeadInput[] = [];
      const originalIndex: number[] = [];
      let next = 0; // where the checks of this lead's numbers start
      request.body.leads.forEach((lead, index) => {
        const own = numbers[index]!;
        const input = toInput(lead, index, own, checks.slice(next, next + own.length));
        next += own.length;
        if ('field' in input) invalid.push(input);
        else {
          accepted.push(input);
          originalIndex.push(index);
        }
      });
      const result =
        accepted.length === 0
          ? { created: 0, duplicates: [], suppressed: [] }
          : await commands.addLeads(campaign.id, accepted);
      deps.changes.notify();
      // The store numbers the accepted leads only; the answer names each lead by its place in the request.
      const inRequest = (numbers: readonly { index: number; phone: string }[]) =>
        numbers.map(({ index, phone }) => ({ index: originalIndex[index]!, phone }));
      return {
        created: result.created,
        duplicates: inRequest(result.duplicates),
        suppressed: inRequest(result.suppressed),
        invalid,
      };
    },
  );

  api.get(
    '/v1/campaigns/:id/leads',
    {
      schema: {
        tags: ['leads'],
        summary:
          "A campaign's leads in the order added, each with its numbers, optionally of one status and matching a search (`q`).",
        params: IdParams('cmp'),
        querystring: Type.Object({
          ...PageQuery,
          status: Type.Optional(LeadStatus),
          q: Type.Optional(LeadSearchText),
        }),
        response: { 200: pageOf(ListedLead), ...problems(404) },
      },
    },
    async (request) => {
      const campaign = await ownCampaign(request, request.params.id);
      const status = request.query.status ?? null;
      const search = leadSearchOf(request.query.q);
      return paginate(
        request.query,
        (page) => store.listLeads(campaign.id, { ...page, status, search }),
        presentListedLead,
      );
    },
  );

  api.get(
    '/v1/leads/:id',
    {
      schema: {
        tags: ['leads'],
        summary: 'One lead with its numbers and every call placed to it.',
        params: IdParams('lead'),
        response: {
          200: Type.Object({ ...Lead.properties, contacts: Type.Array(Contact), calls: Type.Array(Call) }),
          ...problems(404),
        },
      },
    },
    async (request) => {
      const { lead, contacts, campaign } = await ownLead(request, request.params.id);
      const [calls, account] = await Promise.all([
        store.listLeadCalls(lead.id),
        store.getAccount(campaign.accountId),
      ]);
      return {
        ...presentLead(lead),
        contacts: contacts.map(presentContact),
        calls: calls.map(presentCall(account!.currency)),
      };
    },
  );

  api.patch(
    '/v1/leads/:id',
    {
      schema: {
        tags: ['leads'],
        summary: 'Reset a lead (created) or stop calling it (completed).',
        params: IdParams('lead'),
        body: LeadPatch,
        response: { 200: Lead, ...problems(404, 409, 422) },
      },
    },
    async (request) => {
      const { lead } = await ownLead(request, request.params.id);
      const outcome = await commands.overrideLead(lead.id, request.body.status);
      deps.changes.notify();
      if (outcome.ok) return presentLead(outcome.lead);
      if (outcome.code === 'lead_processing') throw conflict('lead_processing', outcome.message);
      throw new ApiProblem(404, 'not_found', outcome.message);
    },
  );
}
