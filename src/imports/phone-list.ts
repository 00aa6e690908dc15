/**
 * A CSV of phone numbers as a list, not as leads: what `callwright dnc import` reads. Every number of a row counts
 * (the phone column and any secondary ones, found as for leads); names and other columns are ignored.
 */
import type { RejectedValue } from '../engine/ports/lead-importer.js';
import { mapRecord, resolveColumnMapping, type ColumnMapping } from './column-mapping.js';
import { readCsvRecords, type CsvSource } from './csv-records.js';
import type { PhoneValidator } from './lead-batch.js';
import type { CountryCode } from './phone.js';

export interface PhoneListBatch {
  readonly rows: number;
  /** E.164, in file order (a number written twice is there twice). */
  readonly numbers: readonly string[];
  readonly invalid: readonly RejectedValue[];
  readonly bytesRead: number;
}

/** The file's numbers, validated in bulk, a parsed chunk at a time. Throws `LeadImportError` for a bad file. */
export async function* readPhoneList(
  source: CsvSource,
  defaultCountry: CountryCode,
  validator: PhoneValidator,
): AsyncGenerator<PhoneListBatch> {
  let mapping: ColumnMapping | undefined;
  for await (const batch of readCsvRecords(source)) {
    const cells: { rowNumber: number; column: string; value: string }[] = [];
    let rows = 0;
    for (const record of batch.records) {
      if (mapping === undefined) {
        mapping = resolveColumnMapping(record.values);
        continue;
      }
      rows += 1;
      const row = mapRecord(record.values, mapping);
      for (const cell of [row.phone, ...row.secondaries])
        cells.push({ rowNumber: record.rowNumber, ...cell });
    }
    const results = await validator.normalize(
      cells.map((cell) => cell.value),
      defaultCountry,
    );
    const numbers: string[] = [];
    const invalid: RejectedValue[] = [];
    results.forEach((result, index) => {
      if (result.ok) numbers.push(result.e164);
      else invalid.push({ ...cells[index]!, reason: result.reason });
    });
    yield { rows, numbers, invalid, bytesRead: batch.bytesRead };
  }
}
