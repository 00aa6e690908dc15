import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './schema';

/** The API's problem document (RFC 9457), as every error answers. */
export interface Problem {
  readonly status: number;
  readonly code: string;
  readonly detail: string;
  readonly errors?: readonly { readonly path: string; readonly message: string }[];
  readonly unmet?: readonly { readonly code: string; readonly message: string }[];
}

/** A request the API refused or could not answer, with its problem document. */
export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail);
    this.name = 'ApiError';
  }

  /** The message for one field (`retry.maxRetries`), as the API words it. */
  fieldMessage(path: string): string | undefined {
    return this.problem.errors?.find((error) => error.path === path)?.message;
  }
}

/**
 * The typed client of the public API (paths and bodies from the server's OpenAPI document). Every call carries
 * the signed-in key; a 401 signs the browser out, since the key was revoked or never valid.
 */
export function createApiClient(apiKey: string, onUnauthorized: () => void) {
  const client = createClient<paths>({ baseUrl: window.location.origin });
  const auth: Middleware = {
    onRequest({ request }) {
      request.headers.set('Authorization', `Bearer ${apiKey}`);
      return request;
    },
    onResponse({ response }) {
      if (response.status === 401) onUnauthorized();
      return response;
    },
  };
  client.use(auth);
  return client;
}

export type ApiClient = ReturnType<typeof createApiClient>;

/**
 * The data of an openapi-fetch answer, or its problem thrown as an ApiError: what React Query wants from a
 * query or mutation function.
 */
export async function unwrap<T>(
  pending: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<T> {
  const { data, error, response } = await pending;
  if (error !== undefined || !response.ok) throw new ApiError(asProblem(error, response));
  return data as T;
}

function asProblem(error: unknown, response: Response): Problem {
  if (typeof error === 'object' && error !== null && 'detail' in error) return error as Problem;
  return {
    status: response.status,
    code: 'http_error',
    detail: `the server answered ${response.status} ${response.statusText}`.trim(),
  };
}
