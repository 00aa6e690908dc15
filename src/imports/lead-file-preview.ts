/**
 * The import preview (the dashboard's upload step): the start of a lead file read by the import's own pieces —
 * `readCsvRecords`, `resolveColumnMapping`, `mapRecord`, `prepareBatch` — and nothing written. A file the import
 * would refuse as a whole is refused here with the same problem, except a refused mapping (no phone column found,
 * a column named twice): that one comes with the file's columns and no rows, so the user can map them. A row shows
 * the numbers it would add and the values it would refuse. What only the store can tell (a number already in the
 * campaign or on the do-not-call list) is not checked.
 */
import { Readable } from 'node:stream';
import type {
  LeadFileProblem,
  LeadFilePreviewOutcome,
  LeadFilePreviewRequest,
  LeadPreviewRow,
} from '../engine/ports/lead-importer.js';
import { columnRoles, mapRecord, resolveColumnMapping, type ColumnMapping } from './column-mapping.js';
import { readCsvRecords, type CsvEncoding, type CsvFormat, type CsvRecord } from './csv-records.js';
import { LeadImportError } from './import-error.js';
import { prepareBatch, type PhoneValidator } from './lead-batch.js';
import { invalidCountryProblem, isValidCountryCode, type CountryCode } from './phone.js';

/** The file's header and first data rows, as the reader found them; the mapping, or why it was refused. */
interface FileHead {
  readonly format: CsvFormat;
  readonly headers: readonly string[];
  readonly mapping: ColumnMapping | LeadFileProblem;
  readonly records: readonly CsvRecord[];
}

const isProblem = (mapping: ColumnMapping | LeadFileProblem): mapping is LeadFileProblem => 'code' in mapping;

/** The header's mapping, or the import's refusal of it. */
function mappingOf(
  headers: readonly string[],
  request: LeadFilePreviewRequest,
): ColumnMapping | LeadFileProblem {
  try {
    return resolveColumnMapping(headers, request.mapping);
  } catch (error) {
    if (!(error instanceof LeadImportError)) throw error;
    return { code: error.code, message: error.message };
  }
}

export async function previewLeadFile(
  phones: PhoneValidator,
  request: LeadFilePreviewRequest,
): Promise<LeadFilePreviewOutcome> {
  const { defaultCountry } = request;
  if (!isValidCountryCode(defaultCountry))
    return { ok: false, problem: invalidCountryProblem(defaultCountry) };
  let head: FileHead;
  try {
    head = await readHead(request);
  } catch (error) {
    if (!(error instanceof LeadImportError)) throw error;
    return { ok: false, problem: { code: error.code, message: error.message } };
  }
  const { format, headers, mapping } = head;
  const file = { encoding: format.encoding, delimiter: format.delimiter, headers };
  if (isProblem(mapping)) {
    // Every column as the import would keep it without a role: the client picks the roles from here.
    const columns = headers.map((header) => ({ header, role: header === '' ? 'ignored' : 'field' }) as const);
    return { ok: true, preview: { ...file, columns, rows: [], problem: mapping } };
  }
  const rows = await Promise.all(
    head.records.map((record) => previewRow(record, mapping, defaultCountry, phones)),
  );
  const roles = columnRoles(mapping, headers.length);
  const columns = headers.map((header, index) => ({ header, role: roles[index]! }));
  return { ok: true, preview: { ...file, columns, rows, problem: null } };
}

/**
 * Reads the whole of `request.head` (its encoding may be decided only at its end), keeping the header and the
 * first `request.rows` records. A head that is not the whole file and does not end with a line break is cut inside its last record: that
 * record is left out, and a quote it leaves open is not the file's problem.
 */
async function readHead(request: LeadFilePreviewRequest): Promise<FileHead> {
  let format: CsvFormat | undefined;
  let header: { values: string[]; mapping: FileHead['mapping'] } | undefined;
  // One record past those shown, if there is one: then the last one shown is whole.
  const records: CsvRecord[] = [];
  let unclosedQuote: LeadImportError | undefined;
  try {
    const source = Readable.from([request.head]);
    for await (const batch of readCsvRecords(source, { onFormat: (found) => (format = found) })) {
      for (const record of batch.records) {
        if (header === undefined) {
          header = {
            values: record.values.map((value) => value.trim()),
            mapping: mappingOf(record.values, request),
          };
        } else if (records.length <= request.rows) records.push(record);
      }
    }
  } catch (error) {
    // Found at the end of the text, after the records before the quote were read.
    if (!(error instanceof LeadImportError && error.code === 'csv_unclosed_quote')) throw error;
    unclosedQuote = error;
  }
  // The reader reports the format by the end of the text: only an empty one has none, and that is refused.
  const found = format!;
  const cut = request.wholeFile !== true && !endsWithLineBreak(request.head, found.encoding);
  if (unclosedQuote !== undefined && (!cut || header === undefined)) throw unclosedQuote;
  if (cut && unclosedQuote === undefined && records.length <= request.rows) records.pop();
  return {
    format: found,
    headers: header!.values,
    mapping: header!.mapping,
    records: records.slice(0, request.rows),
  };
}

/** Whether the bytes end with `\n` or `\r`, a code unit of their encoding (two bytes in UTF-16). */
function endsWithLineBreak(bytes: Uint8Array, encoding: CsvEncoding): boolean {
  const at = bytes.length - 1;
  const last =
    encoding === 'utf-16le'
      ? (bytes[at - 1] ?? 0) | ((bytes[at] ?? 0) << 8)
      : encoding === 'utf-16be'
        ? ((bytes[at - 1] ?? 0) << 8) | (bytes[at] ?? 0)
        : bytes[at];
  return last === 0x0a || last === 0x0d;
}

/** One row as its import would take it: on its own, so rows that share an external id are shown apart. */
async function previewRow(
  record: CsvRecord,
  mapping: ColumnMapping,
  country: CountryCode,
  phones: PhoneValidator,
): Promise<LeadPreviewRow> {
  const row = mapRecord(record.values, mapping);
  const prepared = await prepareBatch([{ rowNumber: record.rowNumber, row }], country, phones);
  const numbers = prepared.leads[0]?.phones ?? [];
  return {
    rowNumber: record.rowNumber,
    phone: numbers[0] ?? null,
    secondaryPhones: numbers.slice(1),
    name: row.name,
    externalId: row.externalId,
    fields: row.fields,
    errors: [...prepared.invalid, ...prepared.repeated].map(({ column, value, reason }) => ({
      column,
      value,
      reason,
    })),
  };
}
