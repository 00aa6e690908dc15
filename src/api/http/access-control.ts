import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ApiDeps } from '../api-deps.js';
import { createAuthenticator, type Principal } from './auth.js';
import { ApiProblem, notFound } from './problem.js';

/**
 * Who may call a route, set in its `config.auth`: `account` (an account's API key: the default under `/v1`),
 * `admin` (the operator's key), `any` (either) or `public` (health, metrics, the OpenAPI document).
 */
export type AuthRequirement = 'account' | 'admin' | 'any' | 'public';

declare module 'fastify' {
  interface FastifyContextConfig {
    auth?: AuthRequirement;
  }
  interface FastifyRequest {
    principal: Principal | null;
  }
}

export type RequestAuthenticator = (request: FastifyRequest) => Promise<Principal | null>;

/**
 * Who sent a request, looked up once however many hooks ask: the rate limit keys on it before access control
 * checks it.
 */
export function createRequestAuthenticator(deps: Pick<ApiDeps, 'access' | 'adminKey'>): RequestAuthenticator {
  const authenticate = createAuthenticator(deps);
  const principals = new WeakMap<FastifyRequest, Promise<Principal | null>>();
  return (request) => {
    let principal = principals.get(request);
    if (principal === undefined) {
      principal = authenticate(request.headers.authorization);
      principals.set(request, principal);
    }
    return principal;
  };
}

export function installAccessControl(app: FastifyInstance, authenticate: RequestAuthenticator): void {
  app.decorateRequest('principal', null);
  const check = async (request: FastifyRequest) => {
    const required =
      request.routeOptions.config.auth ??
      (request.routeOptions.url?.startsWith('/v1/') ? 'account' : 'public');
    if (required === 'public') return;
    const principal = await authenticate(request);
    if (principal === null) {
      throw new ApiProblem(401, 'unauthorized', 'a valid API key is required: Authorization: Bearer <key>', {
        headers: { 'www-authenticate': 'Bearer' },
      });
    }
    if (required === 'admin' && principal.kind !== 'admin') {
      throw new ApiProblem(403, 'admin_key_required', "this operation needs the operator's admin key");
    }
    if (required === 'account' && principal.kind !== 'account') {
      throw new ApiProblem(403, 'account_key_required', "this operation needs an account's API key");
    }
    request.principal = principal;
  };
  // A hook of each route, after the rate limit's (route hooks run after global ones, in the order added): a
  // request with a wrong key is counted before it is refused, so that guessing keys is rate-limited too.
  app.addHook('onRoute', (route) => {
    route.onRequest = [...(route.onRequest === undefined ? [] : [route.onRequest].flat()), check];
  });
}

/** The calling account's id; the route's `auth` is `account`, so there is one. */
export function accountOf(request: FastifyRequest): string {
  const principal = request.principal;
  if (principal?.kind !== 'account') throw new Error('route is not account-authenticated');
  return principal.accountId;
}

/** The idempotency scope and owner of what the caller creates: the account, or `admin`. */
export function scopeOf(request: FastifyRequest): string {
  return request.principal?.kind === 'account' ? request.principal.accountId : 'admin';
}

/**
 * The resource if the calling account owns it; otherwise 404, exactly as if it did not exist, so ids of other
 * accounts cannot be probed (DESIGN §2.10.4).
 */
export function ownedBy<T extends { readonly accountId: string }>(
  request: FastifyRequest,
  what: string,
  id: string,
  resource: T | null,
): T {
  if (resource === null || resource.accountId !== accountOf(request)) throw notFound(what, id);
  return resource;
}
