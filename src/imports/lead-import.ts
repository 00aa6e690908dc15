/**
 * The lead import pipeline (the import issue), shared by `callwright import`, the API's import jobs, `simulate`
 * and the demo: CSV records → column mapping → numbers validated in bulk → leads added in batches.
 *
 * Three stages overlap so that a million rows fit in seconds: while the store writes one batch (on this
 * thread), the next batch's numbers are validated by the worker threads and the parser reads on. At most two
 * batches are held, so memory stays flat whatever the file's size. Dedup is the store's: a number already in
 * the campaign, or earlier in the file (an earlier batch is already in the campaign), is a duplicate. Rows that
 * share an external id become one lead: within a batch here, across batches and imports in the store.
 */
import type {
  LeadFilePreviewer,
  LeadImporter,
  LeadImportCounts,
  LeadImportOutcome,
  LeadImportRequest,
} from '../engine/ports/lead-importer.js';
import type { AddLeadsResult } from '../engine/ports/store.js';
import type { LeadInput } from '../engine/use-cases/campaign-commands.js';
import { mapRecord, resolveColumnMapping, type ColumnMapping } from './column-mapping.js';
import { readCsvRecords } from './csv-records.js';
import { LeadImportError } from './import-error.js';
import { previewLeadFile } from './lead-file-preview.js';
import {
  addCounts,
  NO_IMPORT_COUNTS,
  prepareBatch,
  settleBatch,
  type NumberedRow,
  type PhoneValidator,
  type PreparedBatch,
} from './lead-batch.js';
import { invalidCountryProblem, isValidCountryCode, type CountryCode } from './phone.js';

export interface LeadImporterDeps {
  /** `CampaignCommands.addLeads`: ids, the store's transaction and the dialer's wake-up. */
  readonly addLeads: (campaignId: string, leads: readonly LeadInput[]) => Promise<AddLeadsResult>;
  readonly phones: PhoneValidator;
  /** Rows per batch: one store transaction and one round trip to the validators each. */
  readonly batchRows?: number;
}

const DEFAULT_BATCH_ROWS = 2000;

/** The pipeline, and its preview of a file's start (`lead-file-preview.ts`), which reads alike and writes nothing. */
export function createLeadImporter(deps: LeadImporterDeps): LeadImporter & LeadFilePreviewer {
  return {
    importLeads: (request) => importLeads(deps, request),
    previewLeadFile: (request) => previewLeadFile(deps.phones, request),
  };
}

async function importLeads(deps: LeadImporterDeps, request: LeadImportRequest): Promise<LeadImportOutcome> {
  const { defaultCountry } = request;
  let counts = NO_IMPORT_COUNTS;
  if (!isValidCountryCode(defaultCountry)) {
    return { ok: false, problem: invalidCountryProblem(defaultCountry), counts };
  }
  const batchRows = deps.batchRows ?? DEFAULT_BATCH_ROWS;
  const pipeline = createBatchPipeline(deps, request, defaultCountry, (total) => (counts = total));

  let rows: NumberedRow[] = [];
  let bytesRead = 0;
  try {
    let mapping: ColumnMapping | undefined;
    for await (const batch of readCsvRecords(request.source)) {
      bytesRead = batch.bytesRead;
      for (const record of batch.records) {
        if (mapping === undefined) {
          mapping = resolveColumnMapping(record.values, request.mapping);
          continue;
        }
        rows.push({ rowNumber: record.rowNumber, row: mapRecord(record.values, mapping) });
        if (rows.length >= batchRows) {
          await pipeline.push(rows, bytesRead);
          rows = [];
        }
      }
    }
    await pipeline.finish(rows, bytesRead);
    return { ok: true, counts };
  } catch (error) {
    if (!(error instanceof LeadImportError)) throw error;
    // A problem found mid-file (a quote never closed) stops the import there: the rows before it go in, and
    // the counts say how many.
    await pipeline.finish(rows, bytesRead);
    return { ok: false, problem: { code: error.code, message: error.message }, counts };
  }
}

/**
 * Validation of one batch overlaps the store's write of the batch before it: `push` starts validating its rows
 * and writes the batch handed in before, so at most two batches are held at once.
 */
function createBatchPipeline(
  deps: LeadImporterDeps,
  request: LeadImportRequest,
  country: CountryCode,
  onCounts: (counts: LeadImportCounts) => void,
) {
  let counts = NO_IMPORT_COUNTS;
  let validating: Promise<PreparedBatch> | null = null;

  const write = async (prepared: PreparedBatch, bytesRead: number) => {
    const settled = settleBatch(prepared, await deps.addLeads(request.campaignId, prepared.leads));
    counts = addCounts(counts, settled.counts);
    onCounts(counts);
    if (settled.rejected.length > 0) await request.onRejected?.(settled.rejected);
    await request.onProgress?.({ bytesRead, counts });
  };
  const push = async (rows: readonly NumberedRow[], bytesRead: number) => {
    const previous = validating;
    validating = prepareBatch(rows, country, deps.phones);
    // Awaited later, once the batch before is written: a failure meanwhile is not an unhandled rejection.
    validating.catch(() => undefined);
    if (previous !== null) await write(await previous, bytesRead);
  };
  return {
    push,
    async finish(rows: readonly NumberedRow[], bytesRead: number) {
      if (rows.length > 0) await push(rows, bytesRead);
      const last = validating;
      validating = null;
      if (last !== null) await write(await last, bytesRead);
    },
  };
}
