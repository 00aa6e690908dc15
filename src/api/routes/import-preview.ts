import type { ApiDeps } from '../api-deps.js';
import type { Api } from '../http/api-instance.js';
import { ownedBy } from '../http/access-control.js';
import { ApiProblem } from '../http/problem.js';
import { compileValidator } from '../http/validation.js';
import { readQueryOptions } from '../import-jobs/import-options.js';
import { presentImportPreview } from '../presenters/imports.js';
import { IdParams, problems } from '../schemas/common.js';
import { ImportPreview, ImportPreviewQuery, ImportPreviewUpload } from '../schemas/imports.js';

/** A preview reads the start of a file: far more than enough for its header and a hundred rows. */
const PREVIEW_MAX_BYTES = 1024 * 1024;

/**
 * The import preview (the dashboard's mapping step, and any client that wants to check a file before sending it
 * whole): the file's start read by the import's own reader and mapping, nothing written. In a scope of its own so
 * that its `text/csv` parser, which buffers a small body, applies to it only.
 */
export async function registerImportPreviewRoute(api: Api, deps: ApiDeps): Promise<void> {
  const { store } = deps;
  await api.register(async (scope: Api) => {
    scope.addContentTypeParser(
      'text/csv',
      { parseAs: 'buffer', bodyLimit: PREVIEW_MAX_BYTES },
      (_request, body, done) => done(null, body),
    );
    scope.post(
      '/v1/campaigns/:id/imports/preview',
      {
        schema: {
          tags: ['imports'],
          summary:
            "How an import would read a file, from its first bytes (text/csv body, the import's options in the " +
            "query): the encoding and delimiter found, each column's role, and the first rows as they would " +
            'become leads, with the values the import would refuse. Nothing is written; numbers already in the ' +
            'campaign or on the do-not-call list are not looked up.',
          params: IdParams('cmp'),
          querystring: ImportPreviewQuery,
          body: ImportPreviewUpload,
          response: { 200: ImportPreview, ...problems(404, 413, 415, 422) },
        },
        // The body is bytes whose encoding only the reader can tell: its schema documents it, nothing checks it here.
        validatorCompiler: ({ schema, httpPart }) =>
          httpPart === 'body' ? () => true : compileValidator(schema, httpPart),
      },
      async (request) => {
        ownedBy(request, 'campaign', request.params.id, await store.getCampaign(request.params.id));
        const { defaultCountry, mapping } = readQueryOptions(request.query);
        const head = request.body;
        // Any other media type reaches here parsed as something else (JSON: an object).
        if (!Buffer.isBuffer(head)) {
          throw new ApiProblem(
            415,
            'unsupported_media_type',
            `Content-Type must be text/csv, got ${JSON.stringify(request.headers['content-type'] ?? 'none')}`,
          );
        }
        const outcome = await deps.leadImporter.previewLeadFile({
          head,
          defaultCountry: defaultCountry ?? deps.defaultCountry,
          ...(mapping === null ? {} : { mapping }),
          rows: request.query.rows,
          wholeFile: request.query.wholeFile,
        });
        if (!outcome.ok) throw new ApiProblem(422, outcome.problem.code, outcome.problem.message);
        return presentImportPreview(outcome.preview);
      },
    );
  });
}
