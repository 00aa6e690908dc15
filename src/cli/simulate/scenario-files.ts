import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { LeadInput } from '../../engine/use-cases/campaign-commands.js';
import { readLeadRows, type InvalidRow } from '../../imports/lead-rows.js';
import { CliError } from '../cli-error.js';
import { parseScenario, type Scenario } from './scenario.js';

/** Reading a scenario file and its leads CSV: shared by `simulate` and the demo that `serve --demo` sets up. */

const LEAD_BATCH = 1000;

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

/** Streams the CSV into the campaign in batches; reports invalid numbers and duplicates by count. */
export async function importLeads(
  path: string,
  scenario: Scenario,
  add: (batch: LeadInput[]) => Promise<{ created: number; duplicates: readonly unknown[] }>,
) {
  const counts = { rows: 0, leads: 0, duplicates: 0, invalid: 0 };
  const invalid: InvalidRow[] = [];
  let batch: LeadInput[] = [];
  const flush = async () => {
    const result = await add(batch);
    counts.leads += result.created;
    counts.duplicates += result.duplicates.length;
    batch = [];
  };
  for await (const row of readLeadRows(createReadStream(path), { defaultCountry: scenario.defaultCountry })) {
    counts.rows += 1;
    if (row.kind === 'invalid') {
      invalid.push(row.problem);
      continue;
    }
    invalid.push(...row.invalidSecondary);
    batch.push({ name: row.lead.name, externalId: null, fields: row.lead.fields, phones: row.lead.phones });
    if (batch.length >= LEAD_BATCH) await flush();
  }
  if (batch.length > 0) await flush();
  counts.invalid = invalid.length;
  return { counts, invalid };
}
