import type { FieldError } from '../../domain/result.js';

/**
 * An API error as RFC 9457 `application/problem+json`: an HTTP status, a stable snake_case `code` for programs,
 * a `detail` for people, and for validation every field that was wrong (`errors`). Route code throws these;
 * the app's error handler writes them.
 */
export class ApiProblem extends Error {
  readonly status: number;
  readonly code: string;
  readonly errors: readonly FieldError[] | undefined;
  readonly extra: Readonly<Record<string, unknown>>;
  readonly headers: Readonly<Record<string, string>>;

  constructor(
    status: number,
    code: string,
    detail: string,
    options: {
      errors?: readonly FieldError[];
      extra?: Readonly<Record<string, unknown>>;
      headers?: Readonly<Record<string, string>>;
    } = {},
  ) {
    super(detail);
    this.status = status;
    this.code = code;
    this.errors = options.errors;
    this.extra = options.extra ?? {};
    this.headers = options.headers ?? {};
  }

  toJSON(instance: string): Record<string, unknown> {
    return {
      type: `https://callwright.dev/problems/${this.code}`,
      title: TITLES[this.status] ?? 'Error',
      status: this.status,
      code: this.code,
      detail: this.message,
      instance,
      ...(this.errors ? { errors: this.errors } : {}),
      ...this.extra,
    };
  }
}

const TITLES: Readonly<Record<number, string>> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export const invalidRequest = (errors: readonly FieldError[]) =>
  new ApiProblem(
    422,
    'validation_failed',
    errors.length === 1
      ? `${errors[0]!.path || 'the request'} ${errors[0]!.message}`
      : `${errors.length} fields are invalid: see errors`,
    { errors },
  );

/** Another account's resource is indistinguishable from one that does not exist (never 403: no enumeration). */
export const notFound = (what: string, id: string) =>
  new ApiProblem(404, 'not_found', `no ${what} with id "${id}"`);

export const conflict = (code: string, detail: string, extra?: Readonly<Record<string, unknown>>) =>
  new ApiProblem(409, code, detail, extra ? { extra } : {});
