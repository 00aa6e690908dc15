import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callwright, scenarioInFile } from '../support/cli.js';
import { createSqliteStore, openSqliteDatabase } from '../../src/store/sqlite/sqlite-store.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'callwright-dnc-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('callwright dnc import', () => {
  it("puts every number of the file on the account's list, once, and reports the invalid ones", async () => {
    const db = join(dir, 'dnc.db');
    const accountId = (await scenarioInFile(db)).accountId;
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
    const accountId = (await scenarioInFile(db)).accountId;
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
