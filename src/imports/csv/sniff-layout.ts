/**
 * Finds the delimiter and the line ending of a CSV file from its first records.
 *
 * The delimiter is the candidate (`,` `;` tab `|`) that the header uses (a header names at least two
 * columns, or there is nothing to delimit) and that the most of the first ten non-blank records use exactly
 * as often as the header does; ties go to the earlier candidate in that list, so `,` wins when in doubt.
 * Requiring it in the header keeps a `;` file with decimal commas (`1,5`) or a tab file with commas in its
 * notes from being read by the wrong one. A file whose header has none of them has one column: `,`.
 *
 * Delimiters and line breaks inside quotes are not counted. A quote opens a quoted value only at the start
 * of a value, as the parser reads it. Only the first SNIFF_CHARS characters are looked at, so the layout
 * found depends on the file alone, never on how much of it had arrived when it was sniffed.
 */
import { CSV_DELIMITERS } from './csv-format.js';
import type { CsvDelimiter, CsvLayout, CsvNewline } from './csv-format.js';

/** Enough records to see a delimiter used consistently, few enough to read at once. */
const SNIFF_RECORDS = 10;
/** As much as the first parse reads: ten records of ordinary lead rows fit many times over. */
const SNIFF_CHARS = 64 * 1024;

interface Sample {
  /** For each non-blank record, how often each of `CSV_DELIMITERS` appears in it, by index. */
  readonly counts: readonly (readonly number[])[];
  readonly newline: CsvNewline | undefined;
}

/**
 * The layout of the file that `text` starts; `atEnd` says `text` is the whole file. Returns `undefined`
 * until more than SNIFF_CHARS characters (or the whole file) have arrived.
 */
export function sniffLayout(text: string, atEnd: boolean): CsvLayout | undefined {
  if (!atEnd && text.length <= SNIFF_CHARS) return undefined;
  const { counts, newline } = sampleRecords(text);
  return { delimiter: chooseDelimiter(counts), newline: newline ?? '\n' };
}

/** The first records of `text`, which holds more than SNIFF_CHARS characters or is the whole file. */
function sampleRecords(text: string): Sample {
  const end = Math.min(text.length, SNIFF_CHARS);
  const counts: number[][] = [];
  let current = CSV_DELIMITERS.map(() => 0);
  let blank = true;
  let quoted = false;
  let valueStart = true;
  let newline: CsvNewline | undefined;

  // Looking one character past `end` is fine: there is one, or `end` is the end of the file.
  for (let index = 0; index < end && counts.length < SNIFF_RECORDS; index++) {
    const char = text[index];
    if (quoted) {
      if (char !== '"') continue;
      if (text[index + 1] === '"') index += 1;
      else quoted = false;
    } else if (char === '\r' || char === '\n') {
      const ending: CsvNewline = char === '\n' ? '\n' : text[index + 1] === '\n' ? '\r\n' : '\r';
      newline ??= ending;
      if (ending === '\r\n') index += 1;
      if (!blank) counts.push(current);
      current = CSV_DELIMITERS.map(() => 0);
      blank = true;
      valueStart = true;
      continue;
    } else if (char === '"' && valueStart) {
      quoted = true;
      blank = false;
    } else {
      const delimiter = CSV_DELIMITERS.indexOf(char as CsvDelimiter);
      if (delimiter !== -1) {
        current[delimiter] = (current[delimiter] ?? 0) + 1;
        valueStart = true;
        continue;
      }
      if (char !== undefined && char.trim() !== '') blank = false;
    }
    valueStart = false;
  }

  // The record the sample stops in is the last of the file, or one cut off by SNIFF_CHARS: that one is
  // only worth sampling when it is the header.
  const reachedEndOfFile = end === text.length;
  if (!blank && (reachedEndOfFile || counts.length === 0)) counts.push(current);
  return { counts, newline };
}

function chooseDelimiter(counts: readonly (readonly number[])[]): CsvDelimiter {
  const header = counts[0];
  let best: { delimiter: CsvDelimiter; agreeing: number } | undefined;
  CSV_DELIMITERS.forEach((delimiter, index) => {
    const inHeader = header?.[index] ?? 0;
    if (inHeader === 0) return;
    const agreeing = counts.filter((record) => record[index] === inHeader).length;
    if (best === undefined || agreeing > best.agreeing) best = { delimiter, agreeing };
  });
  return best?.delimiter ?? ',';
}
