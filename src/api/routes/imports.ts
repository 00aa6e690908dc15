import multipart from '@fastify/multipart';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Readable } from 'node:stream';
import { Type } from 'typebox';
import { IMPORT_FAILED, IMPORT_INTERRUPTED, type ImportProblem } from '../../domain/import-job.js';
import type { ImportJob as StoredImportJob } from '../../engine/ports/import-store.js';
import type { ApiDeps } from '../api-deps.js';
import type { Api } from '../http/api-instance.js';
import { ownedBy } from '../http/access-control.js';
import { PageQuery, pageOf, paginate } from '../http/pagination.js';
import { ApiProblem } from '../http/problem.js';
import { compileValidator } from '../http/validation.js';
import { createImportJobRunner } from '../import-jobs/import-job-runner.js';
import { readFormOptions, readQueryOptions, type ReadOptions } from '../import-jobs/import-options.js';
import { receiveCsvBody, receiveMultipart, type Upload } from '../import-jobs/upload.js';
import { CSV_CONTENT_TYPE } from '../presenters/exports-download.js';
import { importErrorsCsv, importJobPath, presentImportJob } from '../presenters/imports.js';
import { IdParams, problems } from '../schemas/common.js';
import { ImportJob, ImportQuery, ImportUpload } from '../schemas/imports.js';

type PresentedJob = ReturnType<typeof presentImportJob>;

const UPLOAD_TYPES = ['text/csv', 'multipart/form-data'];

/** The media type of a request without its parameters (`text/csv; charset=utf-8` → `text/csv`). */
const mediaTypeOf = (request: FastifyRequest) =>
  (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();

/** A CSV download, streamed (the reply pipes it to the socket as the client reads). */
const sendCsv = (reply: FastifyReply, fileName: string, body: Readable) =>
  reply
    .type(CSV_CONTENT_TYPE)
    .header('content-disposition', `attachment; filename="${fileName}"`)
    .header('cache-control', 'no-store')
    .send(body);

/** The options of a multipart upload, from its fields (they follow the query's); refused, the file is deleted. */
async function formOptionsOf(
  upload: Upload,
  query: Parameters<typeof readFormOptions>[1],
): Promise<ReadOptions> {
  try {
    return readFormOptions(upload.fields, query);
  } catch (error) {
    await upload.file.remove();
    throw error;
  }
}

/**
 * A job that ended failed, for a client that waited for it: the file's problem (422), an interrupted import
 * (503: the server is stopping; send the file again) or an unexpected failure (500), with the job itself.
 */
function failedImport(job: PresentedJob & { problem: ImportProblem }): ApiProblem {
  const { problem } = job;
  const status = problem.code === IMPORT_INTERRUPTED ? 503 : problem.code === IMPORT_FAILED ? 500 : 422;
  return new ApiProblem(status, problem.code, problem.message, {
    extra: { job },
    headers: { location: importJobPath(job.id) },
  });
}

/**
 * Import jobs (the import issue): a lead file uploaded as a `text/csv` body or a multipart form, streamed to
 * disk, then imported into the campaign in the background while `GET /v1/imports/{id}` shows its progress.
 * The upload routes live in a scope of their own, so that the CSV and multipart body parsers apply to them only.
 */
export async function registerImportRoutes(api: Api, deps: ApiDeps): Promise<void> {
  const { store, importJobs, clock } = deps;
  const runner = createImportJobRunner({
    importer: deps.leadImporter,
    jobs: importJobs,
    clock,
    logError: (error) => api.log.error({ err: error }, 'an import failed'),
  });
  // Before the server waits for requests in progress: an upload that waits for its job answers once stopped.
  api.addHook('preClose', () => runner.stop());

  const present = (job: StoredImportJob) => presentImportJob(job, clock.now());
  const ownCampaign = async (request: FastifyRequest, id: string) =>
    ownedBy(request, 'campaign', id, await store.getCampaign(id));
  const ownJob = async (request: FastifyRequest, id: string) =>
    ownedBy(request, 'import', id, await importJobs.getJob(id));

  await api.register(async (uploads: Api) => {
    await uploads.register(multipart);
    // The file is streamed to disk by the route: Fastify hands over the body unread.
    uploads.addContentTypeParser('text/csv', (_request, body, done) => done(null, body));

    uploads.post(
      '/v1/campaigns/:id/imports',
      {
        schema: {
          tags: ['imports'],
          summary:
            'Import a lead file into the campaign as a background job: the CSV as the body (text/csv, options ' +
            'in the query) or as the part "file" of a multipart form. Answers 202 with the job, or with ' +
            '?wait=true 201 once it has completed.',
          params: IdParams('cmp'),
          querystring: ImportQuery,
          body: ImportUpload,
          response: { 201: ImportJob, 202: ImportJob, ...problems(400, 404, 413, 415, 422, 503) },
        },
        // The body is a file on its way to disk: its schema documents it, and nothing can validate it here.
        validatorCompiler: ({ schema, httpPart }) =>
          httpPart === 'body' ? () => true : compileValidator(schema, httpPart),
        // Refused before the body is read: any other parser would buffer up to the import limit in memory.
        preParsing: async (request, _reply, payload) => {
          const type = mediaTypeOf(request);
          if (UPLOAD_TYPES.includes(type)) return payload;
          throw new ApiProblem(
            415,
            'unsupported_media_type',
            `Content-Type must be text/csv or multipart/form-data, got ${JSON.stringify(type || 'none')}`,
          );
        },
      },
      async (request, reply) => {
        const campaign = await ownCampaign(request, request.params.id);
        // Checked before the file is read: a wrong option costs the client nothing to upload.
        const queryOptions = readQueryOptions(request.query);
        const limit = deps.options.importLimitBytes;
        const form = request.isMultipart();
        const upload = form
          ? await receiveMultipart(request, limit)
          : await receiveCsvBody(request, request.body as Readable, limit);
        const options = form ? await formOptionsOf(upload, request.query) : queryOptions;
        const { job, finished } = await runner.start(
          {
            id: deps.ids.next('imp'),
            accountId: campaign.accountId,
            campaignId: campaign.id,
            fileName: request.query.fileName ?? upload.fileName,
            bytesTotal: upload.file.bytes,
            defaultCountry: options.defaultCountry ?? deps.defaultCountry,
            mapping: options.mapping,
            createdAt: clock.now(),
          },
          upload.file,
        );
        reply.header('location', importJobPath(job.id));
        if (!request.query.wait) return reply.status(202).send(present(job));
        const ended = present(await finished);
        if (ended.problem !== null) throw failedImport({ ...ended, problem: ended.problem });
        return reply.status(201).send(ended);
      },
    );
  });

  api.get(
    '/v1/imports/:id',
    {
      schema: {
        tags: ['imports'],
        summary: 'An import job: status, progress (bytesRead of bytesTotal), counts, problem, error file.',
        params: IdParams('imp'),
        response: { 200: ImportJob, ...problems(404) },
      },
    },
    async (request) => present(await ownJob(request, request.params.id)),
  );

  api.get(
    '/v1/imports/:id/errors.csv',
    {
      schema: {
        tags: ['imports'],
        summary: "The job's error file as CSV, streamed: row, column, value, reason of each refused value.",
        params: IdParams('imp'),
        response: {
          200: {
            description: 'One line per refused value, in row order; a spreadsheet opens it safely.',
            content: { 'text/csv': { schema: Type.String() } },
          },
          ...problems(404),
        },
      },
    },
    async (request, reply) => {
      const job = await ownJob(request, request.params.id);
      const body = importErrorsCsv((after, limit) => importJobs.readRejected(job.id, after, limit));
      return sendCsv(reply, `${job.id}-errors.csv`, body);
    },
  );

  api.get(
    '/v1/campaigns/:id/imports',
    {
      schema: {
        tags: ['imports'],
        summary: "The campaign's import jobs, newest first.",
        params: IdParams('cmp'),
        querystring: Type.Object(PageQuery),
        response: { 200: pageOf(ImportJob), ...problems(404) },
      },
    },
    async (request) => {
      const campaign = await ownCampaign(request, request.params.id);
      return paginate(request.query, (page) => importJobs.listJobs(campaign.id, page), present);
    },
  );
}
