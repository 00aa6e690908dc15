import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/cli/simulate/scenario.js';
import { setUpScenario } from '../../src/cli/simulate/set-up-scenario.js';
import { composeSimulationEngine } from '../../src/cli/simulate/simulation-engine.js';
import { createVirtualClock } from '../../src/engine/clock/virtual-clock.js';
import { createSqliteStore, openSqliteDatabase } from '../../src/store/sqlite/sqlite-store.js';

const run = promisify(execFile);
const CLI = join(import.meta.dirname, '../../dist/src/cli/main.js');

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'callwright-dnc-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function callwright(args: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, [CLI, ...args]);
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

/** A database with the default scenario's account; its id. */
async function accountInFile(path: string): Promise<string> {
  const scenario = parseScenario({ start: '2026-03-02T09:00:00-05:00' });
  if (!scenario.ok) throw new Error('bad scenario');
  const store = createSqliteStore(openSqliteDatabase(path));
  try {
    const { ids } = composeSimulationEngine(
      store,
      createVirtualClock(scenario.value.start),
      scenario.value.simulator,
    );
    const campaignId = await setUpScenario(store, ids, scenario.value);
    return (await store.getCampaign(campaignId))!.accountId;
  } finally {
    await store.close();
  }
}

describe('callwright dnc import', () => {
  it("puts every number of the file on the account's list, once, and reports the invalid ones", async () => {
    const db = join(dir, 'dnc.db');
    const accountId = await accountInFile(db);
    const file = join(dir, 'optouts.csv');
    await writeFile(
      file,
      'Name,Phone,Office\nAda,(212) 555-0100,212 555 0101\nBob,555-12,\nAda again,+12125550100,\n',
    );
    const args = ['dnc', 'import', '--db', db, '--account', accountId, '--json', file];

    const first = await callwright(args);
    expect(first.code, first.stderr).toBe(0);
    expect(JSON.parse(first.stdout)).toEqual({
      rows: 3,
      added: 2,
      alreadyListed: 1,
      invalid: 1,
      errorsFile: join(dir, 'optouts.errors.csv'),
    });
    expect(await readFile(join(dir, 'optouts.errors.csv'), 'utf8')).toBe(
      'row,column,value,reason\n3,Phone,555-12,is too short\n',
    );
    const store = createSqliteStore(openSqliteDatabase(db));
    const entry = await store.getDoNotCallEntry(accountId, '+12125550101');
    await store.close();
    expect(entry).toMatchObject({ phone: '+12125550101', source: 'import' });

    const again = await callwright(args);
    expect(JSON.parse(again.stdout)).toMatchObject({ added: 0, alreadyListed: 3 });
  });

  it('refuses an unknown account and a file without a phone column, naming them', async () => {
    const db = join(dir, 'refusals.db');
    const accountId = await accountInFile(db);
    const noPhone = join(dir, 'no-phone.csv');
    await writeFile(noPhone, 'name,email\nAda,ada@example.com\n');
    const unknown = await callwright(['dnc', 'import', '--db', db, '--account', 'acc_nope', noPhone]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('there is no account acc_nope');
    const bad = await callwright(['dnc', 'import', '--db', db, '--account', accountId, noPhone]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('"name", "email"');
  });
});
