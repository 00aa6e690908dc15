import { Type } from 'typebox';
import type { ApiDeps } from '../api-deps.js';
import type { Api } from '../http/api-instance.js';
import { accountOf } from '../http/access-control.js';
import { newApiKey } from '../http/auth.js';
import { amountIn, knownCurrency } from '../http/domain-input.js';
import { PageQuery, pageOf, paginate } from '../http/pagination.js';
import { notFound } from '../http/problem.js';
import { presentAccount, presentApiKey, presentLedgerEntry } from '../presenters/accounts.js';
import {
  Account,
  AccountCreate,
  AccountCreated,
  ApiKey,
  ApiKeyCreate,
  CreditCreate,
  LedgerEntry,
} from '../schemas/accounts.js';
import { IdParams, problems } from '../schemas/common.js';

/** Accounts (admin creates them and adds credit), the caller's own account, its ledger and its API keys. */
export function registerAccountRoutes(api: Api, deps: ApiDeps): void {
  const { store, access, ids, clock } = deps;

  const issueKey = async (accountId: string, label: string | null) => {
    const key = newApiKey('account');
    const record = {
      id: ids.next('key'),
      accountId,
      keyHash: key.hash,
      prefix: key.prefix,
      label,
      createdAt: clock.now(),
      revokedAt: null,
    };
    await access.createApiKey(record);
    return { record, key: key.key };
  };

  api.post(
    '/v1/accounts',
    {
      config: { auth: 'admin', idempotent: true },
      schema: {
        tags: ['accounts'],
        summary: 'Create an account (admin). The answer holds its first API key, shown once.',
        body: AccountCreate,
        response: { 201: AccountCreated, ...problems(422) },
      },
    },
    async (request, reply) => {
      const currency = knownCurrency('currency', request.body.currency ?? 'USD');
      const minimum = amountIn('minimumStartBalance', request.body.minimumStartBalance ?? '0', currency);
      const account = {
        id: ids.next('acct'),
        name: request.body.name.trim(),
        currency,
        balanceMinor: 0,
        reservedMinor: 0,
        minimumStartBalanceMinor: minimum,
        createdAt: clock.now(),
      };
      await store.createAccount(account);
      const { key } = await issueKey(account.id, 'first key');
      // The key is shown once: no cache on the way may keep a copy.
      return reply
        .status(201)
        .header('cache-control', 'no-store')
        .send({ account: presentAccount(account), apiKey: key });
    },
  );

  api.get(
    '/v1/account',
    {
      schema: {
        tags: ['accounts'],
        summary: 'The calling account with its balance.',
        response: { 200: Account },
      },
    },
    async (request) => presentAccount((await store.getAccount(accountOf(request)))!),
  );

  api.post(
    '/v1/accounts/:id/credits',
    {
      config: { auth: 'admin', idempotent: true },
      schema: {
        tags: ['accounts'],
        summary: "Add money to an account's balance (admin); written to its ledger.",
        params: IdParams('acct'),
        body: CreditCreate,
        response: { 201: LedgerEntry, ...problems(404, 422) },
      },
    },
    async (request, reply) => {
      const account = await store.getAccount(request.params.id);
      if (!account) throw notFound('account', request.params.id);
      const amountMinor = amountIn('amount', request.body.amount, account.currency);
      const entry = {
        id: ids.next('led'),
        accountId: account.id,
        amountMinor,
        note: request.body.note ?? null,
        now: clock.now(),
      };
      await store.creditAccount(entry);
      deps.changes.notify();
      return reply.status(201).send(
        presentLedgerEntry(account.currency)({
          ...entry,
          kind: 'credit',
          callId: null,
          createdAt: entry.now,
        }),
      );
    },
  );

  api.get(
    '/v1/account/ledger',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Credits and call charges, oldest first.',
        querystring: Type.Object(PageQuery),
        response: { 200: pageOf(LedgerEntry) },
      },
    },
    async (request) => {
      const account = (await store.getAccount(accountOf(request)))!;
      return paginate(
        request.query,
        (page) => store.listLedgerEntries(account.id, page),
        presentLedgerEntry(account.currency),
      );
    },
  );

  api.get(
    '/v1/account/api-keys',
    {
      schema: {
        tags: ['accounts'],
        summary: "The account's API keys (never the keys themselves).",
        response: { 200: Type.Object({ data: Type.Array(ApiKey) }) },
      },
    },
    async (request) => ({ data: (await access.listApiKeys(accountOf(request))).map(presentApiKey) }),
  );

  api.post(
    '/v1/account/api-keys',
    {
      config: { idempotent: true },
      schema: {
        tags: ['accounts'],
        summary: 'Create another API key (to rotate keys without downtime). The key is shown once.',
        body: ApiKeyCreate,
        response: { 201: Type.Object({ apiKey: Type.String(), key: ApiKey }), ...problems(422) },
      },
    },
    async (request, reply) => {
      const { record, key } = await issueKey(accountOf(request), request.body.label ?? null);
      return reply
        .status(201)
        .header('cache-control', 'no-store')
        .send({ apiKey: key, key: presentApiKey(record) });
    },
  );

  api.delete(
    '/v1/account/api-keys/:id',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Revoke an API key: it answers 401 from now on.',
        params: IdParams('key'),
        response: { 200: ApiKey, ...problems(404) },
      },
    },
    async (request) => {
      const owned = (await access.listApiKeys(accountOf(request))).find((k) => k.id === request.params.id);
      if (!owned) throw notFound('API key', request.params.id);
      await access.revokeApiKey(owned.id, clock.now());
      return presentApiKey({ ...owned, revokedAt: owned.revokedAt ?? clock.now() });
    },
  );
}
