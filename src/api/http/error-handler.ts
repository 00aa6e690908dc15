import type { ErrorObject } from 'ajv';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ApiDeps } from '../api-deps.js';
import { ApiProblem, invalidRequest } from './problem.js';
import { toFieldErrors } from './validation.js';

const PROBLEM_JSON = 'application/problem+json; charset=utf-8';

/** Fastify's own errors, as problems with stable codes. */
const FRAMEWORK_ERRORS: Readonly<Record<string, (error: FastifyError) => ApiProblem>> = {
  FST_ERR_CTP_BODY_TOO_LARGE: () =>
    new ApiProblem(413, 'body_too_large', 'the request body is larger than this server accepts'),
  FST_ERR_CTP_INVALID_MEDIA_TYPE: (e) =>
    new ApiProblem(415, 'unsupported_media_type', `${e.message}; send application/json`),
  FST_ERR_CTP_EMPTY_JSON_BODY: () =>
    new ApiProblem(400, 'invalid_json', 'the body is empty but Content-Type says application/json'),
  FST_ERR_CTP_INVALID_JSON_BODY: (e) => new ApiProblem(400, 'invalid_json', e.message),
};

function toProblem(error: FastifyError | ApiProblem): ApiProblem {
  if (error instanceof ApiProblem) return error;
  if (error.validation) {
    const context = error.validationContext ?? 'body';
    const errors = toFieldErrors(error.validation as ErrorObject[]).map((e) =>
      context === 'body' ? e : { ...e, path: e.path === '' ? context : e.path },
    );
    return invalidRequest(errors);
  }
  const framework = error.code ? FRAMEWORK_ERRORS[error.code] : undefined;
  if (framework) return framework(error);
  if (error instanceof SyntaxError) return new ApiProblem(400, 'invalid_json', error.message);
  if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
    return new ApiProblem(error.statusCode, 'bad_request', error.message);
  }
  return new ApiProblem(500, 'internal_error', 'an unexpected error happened; it has been logged');
}

export function sendProblem(reply: FastifyReply, request: FastifyRequest, problem: ApiProblem) {
  return reply
    .status(problem.status)
    .headers(problem.headers)
    .type(PROBLEM_JSON)
    .send(JSON.stringify(problem.toJSON(request.url)));
}

/** Every error leaves as `application/problem+json`; unexpected ones are logged with their stack, never shown. */
export function installErrorHandling(app: FastifyInstance, deps: ApiDeps): void {
  app.setErrorHandler((error: FastifyError | ApiProblem, request, reply) => {
    const problem = toProblem(error);
    if (problem.status >= 500) request.log.error({ err: error }, 'request failed');
    return sendProblem(reply, request, problem);
  });
  app.setNotFoundHandler((request, reply) =>
    sendProblem(
      reply,
      request,
      new ApiProblem(404, 'route_not_found', `no route ${request.method} ${request.url.split('?')[0]}`),
    ),
  );
  app.addHook('onResponse', async (request, reply) => {
    deps.metrics.observeRequest(
      request.method,
      request.routeOptions.url ?? 'unmatched',
      reply.statusCode,
      reply.elapsedTime / 1000,
    );
  });
}
