import { writeFile } from 'node:fs/promises';
import { createVirtualClock } from '../../engine/clock/virtual-clock.js';
import { runSimulation } from '../../engine/simulation/run-simulation.js';
import type { RejectedValue } from '../../engine/ports/lead-importer.js';
import { createGroupCommit } from '../../store/sqlite/group-commit.js';
import { createSqliteStore, openSqliteDatabase } from '../../store/sqlite/sqlite-store.js';
import { CliError } from '../cli-error.js';
import { createProgressBar } from '../progress-bar.js';
import { buildCallsCsv, buildSummary, formatLeadTable, formatSummary } from './report.js';
import { importLeads, loadScenario } from './scenario-files.js';
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
      const { rows, leads, duplicates, invalid } = imported.counts;
      importCounts = { rows, leads, duplicates, invalid };
      reportRefused(imported.refused, options.err);
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

const MAX_REPORTED_ROWS = 50;

function reportRefused(refused: readonly RejectedValue[], print: (text: string) => void) {
  if (refused.length === 0) return;
  const describe = (r: RejectedValue) =>
    `row ${r.rowNumber}: ${r.column}${r.value === '' ? '' : ` ${JSON.stringify(r.value)}`} ${r.reason}`;
  const shown = refused.slice(0, MAX_REPORTED_ROWS).map((r) => `  ${describe(r)}\n`);
  const more =
    refused.length > MAX_REPORTED_ROWS ? `  … and ${refused.length - MAX_REPORTED_ROWS} more\n` : '';
  const numbers = refused.length === 1 ? '1 number' : `${refused.length} numbers`;
  print(`Not imported (${numbers}):\n${shown.join('')}${more}`);
}
