import type { ErrorObject } from 'ajv';
import type { FastifyRequest } from 'fastify';
import { isKnownCurrency, parseAmount } from '../../domain/money.js';
import type { FieldError, Result } from '../../domain/result.js';
import { type ApiProblem, invalidRequest } from './problem.js';
import { toFieldErrors } from './validation.js';

/**
 * The domain validates what JSON Schema cannot (cross-field rules, the assistant's variables, exact money); its
 * field errors become the same 422 as a schema failure.
 */
export function valid<T>(result: Result<T, readonly FieldError[]>, prefix = ''): T {
  if (result.ok) return result.value;
  throw invalidRequest(
    result.error.map((e) => ({
      ...e,
      path: prefix === '' ? e.path : e.path === '' ? prefix : `${prefix}.${e.path}`,
    })),
  );
}

export function amountIn(path: string, text: string, currency: string): number {
  const parsed = parseAmount(text, currency);
  if (!parsed.ok) throw invalidRequest([{ path, message: parsed.error }]);
  return parsed.value;
}

export function knownCurrency(path: string, code: string): string {
  if (isKnownCurrency(code)) return code;
  throw invalidRequest([
    { path, message: `must be an ISO 4217 currency code such as "USD", got ${JSON.stringify(code)}` },
  ]);
}

/**
 * The body's schema errors on a route that sets `attachValidation`, so that its handler can add the domain's own
 * (an unknown time zone, a goal the assistant lacks) and report every problem at once instead of in two rounds.
 * A bad path id, or a body that is not an object, leaves the domain nothing to check: refused at once.
 */
export function bodySchemaErrors(request: FastifyRequest): FieldError[] {
  const failure = request.validationError;
  if (failure === undefined) return [];
  const body: unknown = request.body;
  if (
    failure.validationContext !== 'body' ||
    typeof body !== 'object' ||
    body === null ||
    Array.isArray(body)
  ) {
    throw failure;
  }
  return toFieldErrors(failure.validation as ErrorObject[]);
}

/**
 * The schema's errors and the domain's as one 422. The domain's errors on a field the schema already refused
 * (or on a field inside or around it) are left out: one field, one message.
 */
export function invalidFields(
  schemaErrors: readonly FieldError[],
  domainErrors: readonly FieldError[],
): ApiProblem {
  const related = (a: string, b: string) =>
    a === '' || a === b || b.startsWith(`${a}.`) || b.startsWith(`${a}[`);
  return invalidRequest([
    ...schemaErrors,
    ...domainErrors.filter(
      (d) => !schemaErrors.some((s) => related(s.path, d.path) || related(d.path, s.path)),
    ),
  ]);
}

/** Refuses the request if the schema or the domain found anything (see `invalidFields`). */
export function refuseIfAny(schemaErrors: readonly FieldError[], domainErrors: readonly FieldError[]): void {
  if (schemaErrors.length > 0 || domainErrors.length > 0) throw invalidFields(schemaErrors, domainErrors);
}
