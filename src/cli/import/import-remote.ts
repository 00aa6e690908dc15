import { createReadStream } from 'node:fs';
import { Readable, Transform } from 'node:stream';
import { basename } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { LeadImportCounts, LeadImportOutcome } from '../../engine/ports/lead-importer.js';
import { CliError } from '../cli-error.js';
import type { ImportJob } from './import-job.js';

/** The parts of an import job (`GET /v1/imports/{id}`) the CLI reads. */
interface ImportJobView {
  readonly id: string;
  readonly status: 'running' | 'completed' | 'failed';
  readonly bytesRead: number;
  readonly counts: LeadImportCounts;
  readonly problem: { readonly code: string; readonly message: string } | null;
}

const POLL_MS = 500;

/**
 * `callwright import --server`: the file goes to a running `callwright serve` as an import job
 * (`POST /v1/campaigns/{id}/imports`), whose progress is then followed until it ends; its error file is
 * downloaded next to the input.
 */
export async function importThroughServer(
  server: string,
  apiKey: string,
  job: ImportJob,
): Promise<LeadImportOutcome> {
  const base = server.replace(/\/+$/, '');
  const headers = { authorization: `Bearer ${apiKey}` };
  const query = new URLSearchParams({
    defaultCountry: job.defaultCountry,
    fileName: basename(job.file),
    ...(Object.keys(job.mapping).length > 0 ? { mapping: JSON.stringify(job.mapping) } : {}),
  });

  let sent = 0;
  const counting = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      sent += chunk.length;
      job.progress?.update(sent, 0, 'uploaded');
      done(null, chunk);
    },
  });
  const upload = await request(
    `${base}/v1/campaigns/${encodeURIComponent(job.campaignId)}/imports?${query.toString()}`,
    {
      method: 'POST',
      headers: { ...headers, 'content-type': 'text/csv' },
      body: Readable.toWeb(createReadStream(job.file).pipe(counting)) as ReadableStream,
      duplex: 'half',
    },
  );
  let view = (await upload.json()) as ImportJobView;

  while (view.status === 'running') {
    await sleep(POLL_MS);
    view = (await (await request(`${base}/v1/imports/${view.id}`, { headers })).json()) as ImportJobView;
    job.progress?.update(view.bytesRead, view.counts.rows);
  }
  const refused = view.counts.invalid + view.counts.duplicates + view.counts.suppressed;
  if (refused > 0) await downloadErrors(`${base}/v1/imports/${view.id}/errors.csv`, headers, job);
  return view.status === 'completed'
    ? { ok: true, counts: view.counts }
    : {
        ok: false,
        counts: view.counts,
        problem: view.problem ?? { code: 'import_failed', message: 'the import failed' },
      };
}

async function downloadErrors(url: string, headers: Record<string, string>, job: ImportJob): Promise<void> {
  const response = await request(url, { headers });
  if (response.body !== null) await job.errors.copyFrom(Readable.fromWeb(response.body as never));
}

/** A request to the server; an answer that is not a success becomes the server's own message. */
async function request(url: string, init: RequestInit): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(url, init);
  } catch (cause) {
    throw new CliError('server_unreachable', `cannot reach the server at ${new URL(url).origin}`, { cause });
  }
  if (response.ok) return response;
  const text = await response.text();
  let detail = text;
  try {
    const problem = JSON.parse(text) as { detail?: string; errors?: { path: string; message: string }[] };
    const fields = (problem.errors ?? []).map((e) => `\n  - ${e.path}: ${e.message}`).join('');
    detail = `${problem.detail ?? text}${fields}`;
  } catch {
    // Not problem+json (a proxy's page): shown as it came.
  }
  throw new CliError('server_refused', `the server answered ${response.status}: ${detail}`);
}
