import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { LeadImportCounts, RejectedValue } from '../../engine/ports/lead-importer.js';
import type { AddLeadsResult } from '../../engine/ports/store.js';
import type { LeadInput } from '../../engine/use-cases/campaign-commands.js';
import { createLeadImporter } from '../../imports/lead-import.js';
import { createPhoneValidationPool } from '../../imports/phone-validation-pool.js';
import { CliError } from '../cli-error.js';
import { parseScenario, type Scenario } from './scenario.js';

/** Reading a scenario file and its leads CSV: shared by `simulate` and the demo that `serve --demo` sets up. */

export async function loadScenario(path: string): Promise<Scenario> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (cause) {
    throw new CliError('scenario_unreadable', `cannot read the scenario file ${path}`, { cause });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    throw new CliError(
      'scenario_not_json',
      `the scenario file ${path} is not valid JSON: ${(cause as Error).message}`,
    );
  }
  const parsed = parseScenario(json);
  if (!parsed.ok) {
    const lines = parsed.error.map((e) => `  - ${e.path || '(file)'}: ${e.message}`).join('\n');
    throw new CliError('scenario_invalid', `the scenario file ${path} is not valid:\n${lines}`);
  }
  return parsed.value;
}

/**
 * Streams the CSV into the campaign through the import pipeline (the same as `callwright import`): invalid numbers
 * and duplicates are counted and listed, not imported; a file that cannot be read at all is refused.
 */
export async function importLeads(
  path: string,
  scenario: Scenario,
  addLeads: (batch: readonly LeadInput[]) => Promise<AddLeadsResult>,
): Promise<{ counts: LeadImportCounts; refused: RejectedValue[] }> {
  const phones = createPhoneValidationPool();
  const refused: RejectedValue[] = [];
  try {
    const outcome = await createLeadImporter({ addLeads: (_, batch) => addLeads(batch), phones }).importLeads(
      {
        campaignId: 'scenario',
        source: createReadStream(path),
        defaultCountry: scenario.defaultCountry,
        onRejected: (rows) => {
          refused.push(...rows);
        },
      },
    );
    if (!outcome.ok) throw new CliError(outcome.problem.code, `${path}: ${outcome.problem.message}`);
    return { counts: outcome.counts, refused };
  } finally {
    await phones.close();
  }
}
