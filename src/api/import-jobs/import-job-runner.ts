import { createReadStream } from 'node:fs';
import {
  IMPORT_FAILED,
  IMPORT_INTERRUPTED,
  interruptedMessage,
  type ImportProblem,
} from '../../domain/import-job.js';
import type { Clock } from '../../engine/ports/clock.js';
import type { ImportJob, ImportJobEnd, ImportStore, NewImportJob } from '../../engine/ports/import-store.js';
import type { LeadImporter, LeadImportProgress } from '../../engine/ports/lead-importer.js';
import { ApiProblem } from '../http/problem.js';
import type { SpooledFile } from './upload.js';

export interface ImportJobRunnerDeps {
  readonly importer: LeadImporter;
  readonly jobs: ImportStore;
  readonly clock: Clock;
  /** Where an import that failed unexpectedly is reported (its job says only that it failed). */
  readonly logError: (error: unknown) => void;
}

export interface StartedImport {
  /** The job as created: running, nothing read yet. */
  readonly job: ImportJob;
  /** The job once it has ended. */
  readonly finished: Promise<ImportJob>;
}

export interface ImportJobRunner {
  /** Records the job, then imports `file` into its campaign in the background and removes the file at the end. */
  start(job: NewImportJob, file: SpooledFile): Promise<StartedImport>;
  /**
   * Stops every import of this process (a graceful shutdown): each finishes writing the batch it holds, so its
   * progress is exact, and ends failed with `import_interrupted`. Later uploads are refused with 503.
   */
  stop(): Promise<void>;
}

const NOTHING_READ: LeadImportProgress = {
  bytesRead: 0,
  counts: { rows: 0, leads: 0, contacts: 0, duplicates: 0, invalid: 0, suppressed: 0 },
};

/**
 * Runs import jobs in this process: the pipeline reads the uploaded file from disk, and every batch it writes
 * is followed by the job's progress (and its refused values, for the error file), so `GET /v1/imports/{id}`
 * follows along and a job that stops writing can be told from one that works (src/domain/import-job.ts).
 */
export function createImportJobRunner(deps: ImportJobRunnerDeps): ImportJobRunner {
  const running = new Map<string, { stop: AbortController; finished: Promise<ImportJob> }>();
  let stopping = false;

  return {
    async start(newJob, file) {
      if (stopping) {
        await file.remove();
        throw new ApiProblem(
          503,
          'shutting_down',
          'the server is stopping: send the file again once it is back',
        );
      }
      let job: ImportJob;
      try {
        job = await deps.jobs.createJob(newJob);
      } catch (error) {
        await file.remove();
        throw error;
      }
      const stop = new AbortController();
      const finished = runImport(deps, job, file, stop.signal).finally(() => running.delete(job.id));
      // Nobody may wait for it (`wait=false`): a failure to record the end must still be seen.
      finished.catch(deps.logError);
      running.set(job.id, { stop, finished });
      return { job, finished };
    },
    async stop() {
      stopping = true;
      const imports = [...running.values()];
      for (const { stop } of imports) stop.abort();
      await Promise.allSettled(imports.map(({ finished }) => finished));
    },
  };
}

async function runImport(
  deps: ImportJobRunnerDeps,
  job: ImportJob,
  file: SpooledFile,
  stopped: AbortSignal,
): Promise<ImportJob> {
  const { jobs, clock } = deps;
  let last = NOTHING_READ;
  let end: ImportJobEnd;
  const failed = (problem: ImportProblem, progress: LeadImportProgress): ImportJobEnd => ({
    status: 'failed',
    problem,
    ...progress,
    now: clock.now(),
  });
  /** Ended before the file did, at the last batch written. */
  const stoppedEarly = (code: string, why: string) =>
    failed({ code, message: interruptedMessage(last.counts.rows, why) }, last);
  const serverStopped = () => stoppedEarly(IMPORT_INTERRUPTED, 'the server stopped during the import');
  try {
    const outcome = await deps.importer.importLeads({
      campaignId: job.campaignId,
      // Aborting the read stops the pipeline before its next batch: the one being written is finished first.
      source: createReadStream(file.path, { signal: stopped }),
      defaultCountry: job.defaultCountry,
      ...(job.mapping === null ? {} : { mapping: job.mapping }),
      onRejected: (values) => jobs.appendRejected(job.id, values),
      onProgress: async (progress) => {
        last = progress;
        await jobs.recordProgress(job.id, { ...progress, now: clock.now() });
      },
    });
    if (outcome.ok) {
      end = { status: 'completed', bytesRead: job.bytesTotal, counts: outcome.counts, now: clock.now() };
    } else if (stopped.aborted) {
      end = serverStopped();
    } else {
      end = failed(outcome.problem, { ...last, counts: outcome.counts });
    }
  } catch (error) {
    if (stopped.aborted) {
      end = serverStopped();
    } else {
      deps.logError(error);
      end = stoppedEarly(IMPORT_FAILED, 'the import failed on an unexpected error (it is in the server log)');
    }
  } finally {
    await file.remove();
  }
  await jobs.finishJob(job.id, end);
  return (await jobs.getJob(job.id))!;
}
