import { statSync } from 'node:fs';
import v8 from 'node:v8';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import type { LeadImportOutcome } from '../../engine/ports/lead-importer.js';
import { parseMappingOptions } from '../../imports/mapping-option.js';
import { CliError } from '../cli-error.js';
import { createErrorsFile } from './errors-file.js';
import { importIntoDatabase } from './import-direct.js';
import { createImportProgress } from './import-progress.js';
import { importThroughServer } from './import-remote.js';
import { formatImportSummary, type ImportSummary } from './import-report.js';
import type { ImportJob } from './import-job.js';
import { IMPORT_USAGE } from './import-usage.js';

export interface ImportIo {
  readonly env: NodeJS.ProcessEnv;
  readonly interactive: boolean;
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
}

/** `callwright import`: a CSV of leads into a campaign, with a progress bar and an error file. */
export async function importCommand(args: readonly string[], io: ImportIo): Promise<void> {
  keepYoungGenerationSmall();
  const { values, positionals } = parseArgs({
    args: [...args],
    options: {
      campaign: { type: 'string' },
      db: { type: 'string' },
      server: { type: 'string' },
      'api-key': { type: 'string' },
      map: { type: 'string', multiple: true, default: [] },
      'default-country': { type: 'string', default: 'US' },
      'errors-out': { type: 'string' },
      json: { type: 'boolean', default: false },
    },
    allowPositionals: true,
    strict: true,
  });
  const usage = (message: string) => new CliError('missing_option', `${message}\n\nUsage:\n${IMPORT_USAGE}`);
  if (values.campaign === undefined) throw usage('--campaign is required: the campaign to add the leads to');
  if (positionals.length !== 1) {
    throw usage(`give exactly one CSV file to import, got ${positionals.length}`);
  }
  if ((values.db === undefined) === (values.server === undefined)) {
    throw usage('give either --db (the database itself) or --server (a running callwright serve)');
  }
  const mapping = parseMappingOptions(values.map);
  if (!mapping.ok) {
    const lines = mapping.error.map((e) => `  - ${e.path}: ${e.message}`).join('\n');
    throw new CliError('invalid_option', `--map is not valid:\n${lines}`);
  }
  const file = positionals[0]!;
  let fileBytes: number;
  try {
    fileBytes = statSync(file).size;
  } catch (cause) {
    throw new CliError('file_unreadable', `cannot read the file ${file}`, { cause });
  }
  const job: ImportJob = {
    campaignId: values.campaign,
    file,
    fileBytes,
    mapping: mapping.value,
    defaultCountry: values['default-country'],
    errors: createErrorsFile(values['errors-out'] ?? `${file.replace(/\.csv$/i, '')}.errors.csv`),
    progress: io.interactive && !values.json ? createImportProgress(io.err, fileBytes) : null,
  };

  const started = Date.now();
  let outcome: LeadImportOutcome;
  try {
    if (values.db !== undefined) {
      outcome = await importIntoDatabase(values.db, job);
    } else {
      const apiKey = values['api-key'] ?? io.env.CALLWRIGHT_API_KEY;
      if (apiKey === undefined) throw usage('--server needs an API key: --api-key or CALLWRIGHT_API_KEY');
      outcome = await importThroughServer(values.server!, apiKey, job);
    }
  } finally {
    await job.errors.close();
    job.progress?.done();
  }

  const summary: ImportSummary = {
    ok: outcome.ok,
    counts: outcome.counts,
    problem: outcome.ok ? null : outcome.problem,
    errorsFile: job.errors.path,
    seconds: (Date.now() - started) / 1000,
  };
  if (values.json) io.out(`${JSON.stringify({ file: basename(file), ...summary }, null, 2)}\n`);
  else if (outcome.ok || outcome.counts.rows > 0) io.out(formatImportSummary(summary));
  if (!outcome.ok) {
    io.err(`callwright: ${outcome.problem.message}\n`);
    process.exitCode = 1;
  }
}

/**
 * An import allocates short-lived rows by the million; V8 sizes this thread's young generation for throughput (up
 * to 3 × 16 MiB on a large machine), which here only raises the peak memory (DESIGN §8: 300 MB for a million
 * rows). Set before the batches start; measured at the same speed with 4 MiB semi-spaces.
 */
function keepYoungGenerationSmall(): void {
  v8.setFlagsFromString('--max-semi-space-size=4');
}
