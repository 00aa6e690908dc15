import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Readable } from 'node:stream';
import { Type } from 'typebox';
import type { Contact, Lead } from '../../domain/entities.js';
import { csvLine } from '../../domain/spreadsheet-cell.js';
import type { ApiDeps } from '../api-deps.js';
import type { Api } from '../http/api-instance.js';
import { ownedBy } from '../http/access-control.js';
import { CALL_CSV_COLUMNS, callCsvCells } from '../presenters/exports-calls.js';
import { CSV_CONTENT_TYPE, csvAttachment, csvBody } from '../presenters/exports-download.js';
import { createLeadCsvLayout, type LeadExportRow } from '../presenters/exports-leads.js';
import { IdParams, problems } from '../schemas/common.js';
import { LeadStatus } from '../schemas/leads.js';

/**
 * Rows read per store call. Leads are fewer because each one also reads its numbers (`getLead`): the Store
 * has no paged read of leads with their contacts yet. The first page of leads names the field columns
 * (docs/api.md says 500).
 */
const LEADS_PAGE = 500;
const CALLS_PAGE = 1000;

const csvResponse = (description: string, ...errors: number[]) => ({
  200: { description, content: { 'text/csv': { schema: Type.String() } } },
  ...problems(...errors),
});

/**
 * CSV exports of a campaign's leads and calls (issue 4), streamed a page at a time (`csvBody`), with every
 * cell made safe to open in a spreadsheet (`csvLine`). Times carry the offset of the campaign's zone (its
 * assistant's), like `callwright simulate --calls-out`.
 */
export function registerExportRoutes(api: Api, deps: ApiDeps): void {
  const { store } = deps;

  /** The caller's campaign (404 for another account's) and how its rows show times and money. */
  const exportOf = async (request: FastifyRequest, id: string) => {
    const campaign = ownedBy(request, 'campaign', id, await store.getCampaign(id));
    const [assistant, account] = await Promise.all([
      store.getAssistant(campaign.assistantId),
      store.getAccount(campaign.accountId),
    ]);
    return {
      campaign: { id: campaign.id, name: campaign.settings.name },
      timezone: assistant!.timezone,
      currency: account!.currency,
    };
  };

  const download = (
    reply: FastifyReply,
    campaign: { id: string; name: string },
    what: 'leads' | 'calls',
    body: Readable,
  ) =>
    reply
      .type(CSV_CONTENT_TYPE)
      .header('content-disposition', csvAttachment(campaign, what))
      // Names and phone numbers: no browser or proxy should keep a copy.
      .header('cache-control', 'no-store')
      .send(body);

  /**
   * The result of the lead's latest call that ended, as its contact keeps it (`busy`, `voicemail`, …).
   * Contacts keep their last result but not when it came, so only a lead with results on several numbers
   * needs its calls to know which came last; most leads have one.
   */
  const lastResultOf = async (leadId: string, contacts: readonly Contact[]) => {
    const withResult = contacts.filter((contact) => contact.lastResult !== null);
    if (withResult.length <= 1) return withResult[0]?.lastResult ?? null;
    const latest = (await store.listLeadCalls(leadId)).findLast((call) => call.endedAt !== null);
    return withResult.find((contact) => contact.id === latest?.contactId)?.lastResult ?? null;
  };

  const exportRowOf = async (lead: Lead): Promise<LeadExportRow> => {
    const contacts = (await store.getLead(lead.id))?.contacts ?? [];
    return { lead, contacts, lastResult: await lastResultOf(lead.id, contacts) };
  };

  api.get(
    '/v1/campaigns/:id/leads.csv',
    {
      schema: {
        tags: ['leads'],
        summary: "A campaign's leads as CSV, streamed, optionally of one status (see the Exports docs).",
        params: IdParams('cmp'),
        querystring: Type.Object({ status: Type.Optional(LeadStatus) }),
        response: csvResponse('One row per lead in the order added.', 404, 422),
      },
    },
    async (request, reply) => {
      const { campaign, timezone } = await exportOf(request, request.params.id);
      const status = request.query.status ?? null;
      const readAfter = (after: string | null) =>
        store.listLeads(campaign.id, { status, after, limit: LEADS_PAGE });
      const firstPage = await readAfter(null);
      const layout = createLeadCsvLayout(firstPage, timezone);
      const body = csvBody(layout.header, firstPage, LEADS_PAGE, readAfter, async (leads) => {
        const rows = await Promise.all(leads.map(exportRowOf));
        return rows.map((row) => csvLine(layout.cells(row))).join('');
      });
      return download(reply, campaign, 'leads', body);
    },
  );

  api.get(
    '/v1/campaigns/:id/calls.csv',
    {
      schema: {
        tags: ['calls'],
        summary:
          "A campaign's calls as CSV, streamed, with their post-call variables (see the Exports docs).",
        params: IdParams('cmp'),
        response: csvResponse('One row per call in the order placed.', 404),
      },
    },
    async (request, reply) => {
      const { campaign, timezone, currency } = await exportOf(request, request.params.id);
      const readAfter = (after: string | null) => store.listCalls(campaign.id, { after, limit: CALLS_PAGE });
      const header = [...CALL_CSV_COLUMNS, 'variables'];
      const body = csvBody(header, await readAfter(null), CALLS_PAGE, readAfter, async (calls) =>
        calls
          .map((call) =>
            csvLine([
              ...callCsvCells(call, currency, timezone),
              call.variables === null ? null : JSON.stringify(call.variables),
            ]),
          )
          .join(''),
      );
      return download(reply, campaign, 'calls', body);
    },
  );
}
