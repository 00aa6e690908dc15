import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { csvLine } from '../../domain/spreadsheet-cell.js';
import type { RejectedValue } from '../../engine/ports/lead-importer.js';

/**
 * The error file of an import: one line per refused value, in the columns the user fixes and re-imports from.
 * Created on the first refused value only, so a clean import leaves no empty file behind.
 */
export function createErrorsFile(path: string) {
  let out: WriteStream | null = null;
  return {
    get path(): string | null {
      return out === null ? null : path;
    },
    async append(rows: readonly RejectedValue[]): Promise<void> {
      if (out === null) {
        out = createWriteStream(path);
        out.write(csvLine(['row', 'column', 'value', 'reason']));
      }
      const text = rows
        .map((row) => csvLine([String(row.rowNumber), row.column, row.value, row.reason]))
        .join('');
      if (!out.write(text)) await once(out, 'drain');
    },
    /** Saves an error file another process wrote (a server's `errors.csv`) as this one. */
    async copyFrom(source: Readable): Promise<void> {
      if (out !== null) throw new Error('the error file already has lines of this process');
      out = createWriteStream(path);
      await pipeline(source, out, { end: false });
    },
    async close(): Promise<void> {
      if (out === null) return;
      out.end();
      await once(out, 'finish');
    },
  };
}
