import { createReadStream } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { createVirtualClock } from '../../engine/clock/virtual-clock.js';
import { runSimulation } from '../../engine/simulation/run-simulation.js';
import type { LeadInput } from '../../engine/use-cases/campaign-commands.js';
import { describeInvalidRow } from '../../imports/import-summary.js';
import { readLeadRows, type InvalidRow } from '../../imports/lead-rows.js';
import { createGroupCommit } from '../../store/sqlite/group-commit.js';
import { createSqliteStore, openSqliteDatabase } from '../../store/sqlite/sqlite-store.js';
import { CliError } from '../cli-error.js';
import { createProgressBar } from '../progress-bar.js';
import { buildCallsCsv, buildSummary, formatLeadTable, formatSummary } from './report.js';
import { parseScenario, type Scenario } from './scenario.js';
import { setUpScenario } from './set-up-scenario.js';
import { composeSimulationEngine } from './simulation-engine.js';

export interface SimulateOptions {
  readonly scenarioPath: string;
  /** Required for a new simulation; a resumed one (`--db` with a run in it) already has its leads. */
  readonly leadsPath: string | null;
  readonly callsOut: string | null;
  readonly json: boolean;
  readonly until: number | null;
  /** A SQLite file to run in (default: in memory). Reopening a file resumes its simulation. */
  readonly dbPath: string | null;
  readonly interactive: boolean;
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
}

const DEFAULT_HORIZON_MS = 60 * 24 * 60 * 60_000;
const LEAD_BATCH = 1000;

/** `callwright simulate`: a whole campaign on the virtual clock against the simulator (DESIGN §3, §7). */
export async function simulate(options: SimulateOptions): Promise<void> {
  const scenario = await loadScenario(options.scenarioPath);
  const db = openSqliteDatabase(options.dbPath ?? ':memory:');
  const store = createSqliteStore(db);
  try {
    const existing = await store.listCampaignIds();
    const resumeAt = existing.length > 0 ? await store.lastActivityAt() : null;
    const clock = createVirtualClock(resumeAt ?? scenario.start);
    const { ids, dialer, commands } = composeSimulationEngine(store, clock, scenario.simulator);

    const campaignId = existing[0] ?? (await setUpScenario(store, ids, scenario));
    let importCounts = { rows: 0, leads: 0, duplicates: 0, invalid: 0 };
    // Until it has started, a campaign is (re)filled from the CSV: a run interrupted during set-up, import or
    // start carries on from there. Numbers already imported come back as duplicates, so nothing doubles.
    if ((await store.getCampaign(campaignId))?.status === 'draft') {
      if (options.leadsPath === null) {
        throw new CliError('missing_option', '--leads is required to start a new simulation');
      }
      const imported = await importLeads(options.leadsPath, scenario, (batch) =>
        commands.addLeads(campaignId, batch),
      );
      importCounts = imported.counts;
      reportInvalid(imported.invalid, options.err);
      const started = await commands.start(campaignId);
      if (!started.ok && started.code === 'campaign_not_startable') {
        const unmet = started.unmet.map((u) => `  - ${u.code}: ${u.message}`).join('\n');
        throw new CliError('campaign_not_startable', `the campaign cannot start:\n${unmet}`);
      }
    }
    dialer.start();
    const until = options.until ?? scenario.start + DEFAULT_HORIZON_MS;
    const bar = options.interactive && !options.json ? createProgressBar(options.err) : null;
    // The simulator is in-process: grouping commits per step of virtual time is safe (see group-commit.ts) and
    // is most of the speed of a large simulation.
    const group = createGroupCommit(db);
    group.begin();
    try {
      await runSimulation({
        clock,
        store,
        campaignId,
        until,
        afterStep: () => group.checkpoint(),
        ...(bar ? { onProgress: (p) => bar.update(p, scenario.assistant.timezone) } : {}),
      });
      await dialer.stop();
      group.end(true);
    } catch (error) {
      group.end(false);
      throw error;
    }
    bar?.done();

    const summary = await buildSummary(store, campaignId, importCounts, scenario.account.currency);
    if (options.callsOut) {
      await writeFile(options.callsOut, await buildCallsCsv(store, campaignId, scenario.assistant.timezone));
    }
    if (options.json) {
      options.out(`${JSON.stringify(summary, null, 2)}\n`);
    } else {
      options.out(
        formatSummary(summary, scenario.assistant.timezone) + (await formatLeadTable(store, campaignId)),
      );
    }
  } finally {
    await store.close();
  }
}

async function loadScenario(path: string): Promise<Scenario> {
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
async function importLeads(
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

const MAX_REPORTED_ROWS = 50;

function reportInvalid(invalid: readonly InvalidRow[], print: (text: string) => void) {
  if (invalid.length === 0) return;
  const shown = invalid.slice(0, MAX_REPORTED_ROWS).map((row) => `  ${describeInvalidRow(row)}\n`);
  const more =
    invalid.length > MAX_REPORTED_ROWS ? `  … and ${invalid.length - MAX_REPORTED_ROWS} more\n` : '';
  const numbers = invalid.length === 1 ? '1 invalid number' : `${invalid.length} invalid numbers`;
  print(`Not imported (${numbers}):\n${shown.join('')}${more}`);
}
