import type { LeadFileProblem, LeadImportCounts } from '../../engine/ports/lead-importer.js';

/** The summary `callwright import` prints, as text or JSON. */
export interface ImportSummary {
  readonly ok: boolean;
  readonly counts: LeadImportCounts;
  readonly problem: LeadFileProblem | null;
  /** Where the refused values were written, or null when nothing was refused. */
  readonly errorsFile: string | null;
  readonly seconds: number;
}

const plural = (count: number, one: string, many = `${one}s`) =>
  `${count.toLocaleString('en-US')} ${count === 1 ? one : many}`;

export function formatImportSummary(summary: ImportSummary): string {
  const { counts } = summary;
  const rate = summary.seconds > 0 ? Math.round(counts.rows / summary.seconds) : counts.rows;
  const lines = [
    `${plural(counts.rows, 'row')} read in ${summary.seconds.toFixed(1)} s (${rate.toLocaleString('en-US')} rows/s)`,
    `  ${plural(counts.leads, 'lead')} created, ${plural(counts.contacts, 'number')} added`,
    `  ${plural(counts.duplicates, 'duplicate')} (already in the campaign or earlier in the file)`,
    `  ${plural(counts.invalid, 'invalid value')}`,
    `  ${plural(counts.suppressed, 'number')} on the do-not-call list`,
  ];
  if (counts.rows > 0 && counts.leads === 0 && counts.contacts === 0 && counts.duplicates > 0) {
    lines.push('Nothing new: every number is already in the campaign.');
  }
  if (summary.errorsFile !== null) {
    lines.push(`Refused values (row, column, value, reason): ${summary.errorsFile}`);
  }
  if (summary.problem !== null) lines.push('The import stopped before the end of the file (see below).');
  return `${lines.join('\n')}\n`;
}
