import type { ColumnMappingInput } from '../../engine/ports/lead-importer.js';
import type { createErrorsFile } from './errors-file.js';
import type { createImportProgress } from './import-progress.js';

/** What both ways of importing (into the database, through a server) are given. */
export interface ImportJob {
  readonly campaignId: string;
  readonly file: string;
  readonly fileBytes: number;
  readonly mapping: ColumnMappingInput;
  readonly defaultCountry: string;
  readonly errors: ReturnType<typeof createErrorsFile>;
  readonly progress: ReturnType<typeof createImportProgress> | null;
}
