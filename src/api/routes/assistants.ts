import type { FastifyRequest } from 'fastify';
import { Type, type Static } from 'typebox';
import { DEFAULT_OPT_OUT_VARIABLE, validateOptOutVariable } from '../../domain/do-not-call.js';
import type { Assistant } from '../../domain/entities.js';
import { parseRate } from '../../domain/money.js';
import { validateAssistantVariables, validateTimeZone } from '../../domain/settings.js';
import type { FieldError } from '../../domain/result.js';
import type { ApiDeps } from '../api-deps.js';
import type { Api } from '../http/api-instance.js';
import { accountOf, ownedBy } from '../http/access-control.js';
import { bodySchemaErrors, refuseIfAny } from '../http/domain-input.js';
import { PageQuery, pageOf, paginate } from '../http/pagination.js';
import { presentAssistant } from '../presenters/catalog.js';
import { Assistant as AssistantSchema, AssistantCreate, AssistantPatch } from '../schemas/catalog.js';
import { IdParams, problems } from '../schemas/common.js';

type AssistantInput = Static<typeof AssistantPatch>;

/** AI assistants: who speaks on the calls, at what price, and which post-call variables they report. */
export function registerAssistantRoutes(api: Api, deps: ApiDeps): void {
  const { store, ids, clock } = deps;

  /**
   * Applies `input` over `base` and checks what JSON Schema cannot: zone, exact rate, unique variable names, an
   * opt-out variable that can be true, own caller id. It also runs when the schema refused the body
   * (`schemaErrors`), so every problem is reported at once; `input` is then unchecked JSON, which the domain's
   * validators take as `unknown`.
   */
  const build = async (
    request: FastifyRequest,
    base: Assistant,
    input: AssistantInput,
    schemaErrors: readonly FieldError[],
  ): Promise<Assistant> => {
    const errors: FieldError[] = [];
    const account = (await store.getAccount(accountOf(request)))!;
    const timezone = input.timezone ?? base.timezone;
    const zoneError = validateTimeZone('timezone', timezone);
    if (zoneError) errors.push(zoneError);
    let rate = base.rate;
    if (input.ratePerMinute !== undefined) {
      const parsed = parseRate(input.ratePerMinute, account.currency);
      if (parsed.ok) rate = parsed.value;
      else errors.push({ path: 'ratePerMinute', message: parsed.error });
    }
    let variables = base.variables;
    if (input.variables !== undefined) {
      const parsed = validateAssistantVariables(input.variables);
      if (parsed.ok) variables = parsed.value;
      else errors.push(...parsed.error);
    }
    const optOutVariable = input.optOutVariable === undefined ? base.optOutVariable : input.optOutVariable;
    const optOutError = validateOptOutVariable(optOutVariable, variables);
    if (optOutError) errors.push(optOutError);
    const phoneNumberId = input.phoneNumberId === undefined ? base.phoneNumberId : input.phoneNumberId;
    // An id the schema refused is not looked up: it may not even be a string.
    if (phoneNumberId !== null && !schemaErrors.some((e) => e.path === 'phoneNumberId')) {
      const phone = await store.getPhoneNumber(phoneNumberId);
      if (!phone || phone.accountId !== account.id) {
        errors.push({
          path: 'phoneNumberId',
          message: `must be one of your phone numbers, got "${phoneNumberId}"`,
        });
      }
    }
    refuseIfAny(schemaErrors, errors);
    return {
      ...base,
      name: input.name?.trim() ?? base.name,
      provider: input.provider ?? base.provider,
      providerAssistantId:
        input.providerAssistantId === undefined ? base.providerAssistantId : input.providerAssistantId,
      phoneNumberId,
      timezone,
      rate,
      maxCallMinutes: input.maxCallMinutes ?? base.maxCallMinutes,
      variables,
      optOutVariable,
    };
  };

  api.post(
    '/v1/assistants',
    {
      config: { idempotent: true },
      // The handler reports the schema's errors together with the domain's (see `build`).
      attachValidation: true,
      schema: {
        tags: ['assistants'],
        summary: 'Create an assistant.',
        body: AssistantCreate,
        response: { 201: AssistantSchema, ...problems(422) },
      },
    },
    async (request, reply) => {
      const schemaErrors = bodySchemaErrors(request);
      const blank: Assistant = {
        id: ids.next('asst'),
        accountId: accountOf(request),
        name: '',
        provider: request.body.provider,
        providerAssistantId: null,
        phoneNumberId: null,
        timezone: request.body.timezone,
        rate: { microPerMinute: 0, currency: 'USD' },
        maxCallMinutes: 30,
        variables: [],
        optOutVariable: DEFAULT_OPT_OUT_VARIABLE,
        createdAt: clock.now(),
      };
      const assistant = await build(request, blank, request.body, schemaErrors);
      await store.createAssistant(assistant);
      return reply.status(201).send(presentAssistant(assistant));
    },
  );

  api.get(
    '/v1/assistants',
    {
      schema: {
        tags: ['assistants'],
        summary: "The account's assistants.",
        querystring: Type.Object(PageQuery),
        response: { 200: pageOf(AssistantSchema) },
      },
    },
    async (request) =>
      paginate(request.query, (page) => store.listAssistants(accountOf(request), page), presentAssistant),
  );

  api.get(
    '/v1/assistants/:id',
    {
      schema: {
        tags: ['assistants'],
        summary: 'One assistant.',
        params: IdParams('asst'),
        response: { 200: AssistantSchema, ...problems(404) },
      },
    },
    async (request) =>
      presentAssistant(
        ownedBy(request, 'assistant', request.params.id, await store.getAssistant(request.params.id)),
      ),
  );

  api.patch(
    '/v1/assistants/:id',
    {
      attachValidation: true,
      schema: {
        tags: ['assistants'],
        summary: 'Edit an assistant; campaigns use the new values from their next call.',
        params: IdParams('asst'),
        body: AssistantPatch,
        response: { 200: AssistantSchema, ...problems(404, 422) },
      },
    },
    async (request) => {
      const schemaErrors = bodySchemaErrors(request);
      const current = ownedBy(
        request,
        'assistant',
        request.params.id,
        await store.getAssistant(request.params.id),
      );
      const next = await build(request, current, request.body, schemaErrors);
      await store.updateAssistant(next);
      return presentAssistant(next);
    },
  );
}
