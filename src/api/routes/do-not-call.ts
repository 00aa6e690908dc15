import { Type } from 'typebox';
import type { DoNotCallEntry } from '../../domain/entities.js';
import type { ApiDeps } from '../api-deps.js';
import type { Api } from '../http/api-instance.js';
import { accountOf } from '../http/access-control.js';
import { PageQuery, pageOf, paginateBy, type CursorKey } from '../http/pagination.js';
import { ApiProblem, invalidRequest } from '../http/problem.js';
import { presentDoNotCallEntry } from '../presenters/do-not-call.js';
import { problems } from '../schemas/common.js';
import {
  DoNotCallAdd,
  DoNotCallAdded,
  DoNotCallEntry as DoNotCallEntrySchema,
  DoNotCallParams,
  DoNotCallQuery,
} from '../schemas/do-not-call.js';

/** The list is a set of numbers: it pages in number order, the order of its key (E.164 sorts as text). */
const BY_PHONE: CursorKey<DoNotCallEntry> = { of: (entry) => entry.phone, pattern: /^\+[1-9]\d{6,14}$/ };

/** The account's do-not-call list (DESIGN §2.4): numbers none of its campaigns ever dials. */
export function registerDoNotCallRoutes(api: Api, deps: ApiDeps): void {
  const { store, clock } = deps;

  api.post(
    '/v1/dnc',
    {
      config: { idempotent: true },
      schema: {
        tags: ['do-not-call'],
        summary:
          'Put up to 1,000 numbers on the do-not-call list. Invalid numbers are reported by index; the rest are listed.',
        body: DoNotCallAdd,
        response: { 200: DoNotCallAdded, ...problems(413, 422) },
      },
    },
    async (request) => {
      const invalid: { index: number; field: string; message: string }[] = [];
      const phones: string[] = [];
      request.body.phones.forEach((raw, index) => {
        const normalized = deps.normalizePhone(raw);
        if (normalized.ok) phones.push(normalized.e164);
        else invalid.push({ index, field: `phones[${index}]`, message: `"${raw}" ${normalized.reason}` });
      });
      const counts =
        phones.length === 0
          ? { added: 0, alreadyListed: 0 }
          : await store.addToDoNotCallList({
              accountId: accountOf(request),
              phones,
              source: 'api',
              note: request.body.note ?? null,
              now: clock.now(),
            });
      return { ...counts, invalid };
    },
  );

  api.get(
    '/v1/dnc',
    {
      schema: {
        tags: ['do-not-call'],
        summary: 'The do-not-call list in number order, or the entry of one number (`phone`).',
        querystring: Type.Object({ ...PageQuery, ...DoNotCallQuery.properties }),
        response: { 200: pageOf(DoNotCallEntrySchema), ...problems(422) },
      },
    },
    async (request) => {
      const accountId = accountOf(request);
      const { phone } = request.query;
      if (phone === undefined) {
        return paginateBy(
          BY_PHONE,
          request.query,
          (page) => store.listDoNotCallEntries(accountId, page),
          presentDoNotCallEntry,
        );
      }
      const normalized = deps.normalizePhone(phone);
      if (!normalized.ok)
        throw invalidRequest([{ path: 'phone', message: `"${phone}" ${normalized.reason}` }]);
      const entry = await store.getDoNotCallEntry(accountId, normalized.e164);
      return { data: entry ? [presentDoNotCallEntry(entry)] : [], nextCursor: null };
    },
  );

  api.delete(
    '/v1/dnc/:phone',
    {
      schema: {
        tags: ['do-not-call'],
        summary: 'Take a number off the do-not-call list (its + written %2B): its leads may be called again.',
        params: DoNotCallParams,
        response: { 204: Type.Null(), ...problems(404, 422) },
      },
    },
    async (request, reply) => {
      const { phone } = request.params;
      if (!(await store.removeFromDoNotCallList(accountOf(request), phone))) {
        throw new ApiProblem(404, 'not_found', `${phone} is not on the do-not-call list`);
      }
      return reply.status(204).send(null);
    },
  );
}
