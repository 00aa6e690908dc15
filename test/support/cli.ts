import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parseScenario } from '../../src/cli/simulate/scenario.js';
import { setUpScenario } from '../../src/cli/simulate/set-up-scenario.js';
import { composeSimulationEngine } from '../../src/cli/simulate/simulation-engine.js';
import { createVirtualClock } from '../../src/engine/clock/virtual-clock.js';
import { createSqliteStore, openSqliteDatabase } from '../../src/store/sqlite/sqlite-store.js';

const run = promisify(execFile);

/** The built CLI (`npm test` builds first). */
export const CLI = join(import.meta.dirname, '../../dist/src/cli/main.js');

/** Runs `callwright …` as users do, in a process of its own; a failure is an exit code, not a throw. */
export async function callwright(args: readonly string[], env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await run(process.execPath, [CLI, ...args], {
      env: { ...process.env, ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

/** A SQLite file holding the default scenario's account, assistant and draft campaign. */
export async function scenarioInFile(path: string): Promise<{ campaignId: string; accountId: string }> {
  const scenario = parseScenario({ start: '2026-03-02T09:00:00-05:00' });
  if (!scenario.ok) throw new Error('bad scenario');
  const store = createSqliteStore(openSqliteDatabase(path));
  try {
    const clock = createVirtualClock(scenario.value.start);
    const { ids } = composeSimulationEngine(store, clock, scenario.value.simulator);
    const campaignId = await setUpScenario(store, ids, scenario.value);
    return { campaignId, accountId: (await store.getCampaign(campaignId))!.accountId };
  } finally {
    await store.close();
  }
}
