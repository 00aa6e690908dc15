import { Type } from 'typebox';
import type { ApiDeps } from '../api-deps.js';
import type { Api } from '../http/api-instance.js';
import { accountOf, ownedBy } from '../http/access-control.js';
import { PageQuery, pageOf, paginate } from '../http/pagination.js';
import { conflict } from '../http/problem.js';
import { presentPhoneNumber } from '../presenters/catalog.js';
import { PhoneNumber, PhoneNumberCreate } from '../schemas/catalog.js';
import { IdParams, problems } from '../schemas/common.js';

/** Caller ids: the numbers campaigns call from. */
export function registerPhoneNumberRoutes(api: Api, deps: ApiDeps): void {
  const { store, ids, clock } = deps;

  api.post(
    '/v1/phone-numbers',
    {
      config: { idempotent: true },
      schema: {
        tags: ['phone numbers'],
        summary: 'Register a caller id.',
        body: PhoneNumberCreate,
        response: { 201: PhoneNumber, ...problems(422) },
      },
    },
    async (request, reply) => {
      const phone = {
        id: ids.next('pn'),
        accountId: accountOf(request),
        number: request.body.number,
        provider: request.body.provider,
        providerRef: request.body.providerRef ?? null,
        label: request.body.label ?? null,
        callsPerSecond: request.body.callsPerSecond ?? 1,
        createdAt: clock.now(),
      };
      await store.createPhoneNumber(phone);
      return reply.status(201).send(presentPhoneNumber(phone));
    },
  );

  api.get(
    '/v1/phone-numbers',
    {
      schema: {
        tags: ['phone numbers'],
        summary: "The account's caller ids.",
        querystring: Type.Object(PageQuery),
        response: { 200: pageOf(PhoneNumber) },
      },
    },
    async (request) =>
      paginate(request.query, (page) => store.listPhoneNumbers(accountOf(request), page), presentPhoneNumber),
  );

  api.delete(
    '/v1/phone-numbers/:id',
    {
      schema: {
        tags: ['phone numbers'],
        summary: 'Remove a caller id no assistant uses.',
        params: IdParams('pn'),
        response: { 204: Type.Null(), ...problems(404, 409) },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      ownedBy(request, 'phone number', id, await store.getPhoneNumber(id));
      const outcome = await store.deletePhoneNumber(id);
      if (!outcome.ok && outcome.code === 'phone_number_in_use') {
        throw conflict(
          'phone_number_in_use',
          `phone number ${id} is the caller id of an assistant: change that first`,
        );
      }
      return reply.status(204).send(null);
    },
  );
}
