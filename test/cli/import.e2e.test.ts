import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callwright, CLI, scenarioInFile } from '../support/cli.js';
import { createSqliteStore, openSqliteDatabase } from '../../src/store/sqlite/sqlite-store.js';
import { createCampaign, startApi, type ApiClient } from '../api/api-harness.js';

/** Windows-1252, `;`-separated, CRLF: a list as Excel on Windows saves it. */
const EXCEL_FILE = Buffer.from(
  [
    'Customer ID;Full Name;Phone Number;Mobile;Notes',
    'c1;Zoé Martin;(212) 555-0100;212.555.0101;café',
    'c2;Bob;555-12;;x',
    'c1;Zoé Martin;2125550102;;',
    'c3;Dup;+1 212 555 0100;;',
    '',
  ].join('\r\n'),
  'latin1',
);

let dir: string;
beforeAll(async () => {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` first (npm test does)`);
  dir = await mkdtemp(join(tmpdir(), 'callwright-import-'));
  await writeFile(join(dir, 'leads.csv'), EXCEL_FILE);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const EXPECTED_ERRORS = [
  'row,column,value,reason',
  '3,Phone Number,555-12,is too short',
  // A cell a spreadsheet would read as a formula is made inert; only plain E.164 keeps its `+` bare.
  "5,Phone Number,'+1 212 555 0100,is already in the campaign (or earlier in this file)",
  '',
].join('\n');

describe('callwright import --db', () => {
  it('imports a Windows-1252 ;-separated file, merging rows by external id, and writes the error file', async () => {
    const db = join(dir, 'direct.db');
    const campaignId = (await scenarioInFile(db)).campaignId;
    const args = ['import', '--db', db, '--campaign', campaignId, '--json', join(dir, 'leads.csv')];

    const first = await callwright(args);
    expect(first.code, first.stderr).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({
      ok: true,
      counts: { rows: 4, leads: 1, contacts: 3, duplicates: 1, invalid: 1, suppressed: 0 },
      errorsFile: join(dir, 'leads.errors.csv'),
    });
    expect(await readFile(join(dir, 'leads.errors.csv'), 'utf8')).toBe(EXPECTED_ERRORS);

    const store = createSqliteStore(openSqliteDatabase(db));
    const [lead] = await store.listLeads(campaignId, { after: null, limit: 10, status: null });
    const found = await store.getLead(lead!.id);
    await store.close();
    expect(found?.lead).toMatchObject({ name: 'Zoé Martin', externalId: 'c1', fields: { Notes: 'café' } });
    expect(found?.contacts.map((c) => c.phone)).toEqual(['+12125550100', '+12125550101', '+12125550102']);

    const again = await callwright(args);
    expect(JSON.parse(again.stdout).counts).toEqual({
      rows: 4,
      leads: 0,
      contacts: 0,
      duplicates: 4,
      invalid: 1,
      suppressed: 0,
    });
  });

  it('refuses a bad mapping and an unknown campaign, naming them', async () => {
    const db = join(dir, 'refusals.db');
    const campaignId = (await scenarioInFile(db)).campaignId;
    const file = join(dir, 'leads.csv');
    const badMap = await callwright([
      'import',
      '--db',
      db,
      '--campaign',
      campaignId,
      '--map',
      'phone=Cell',
      file,
    ]);
    expect(badMap.code).toBe(1);
    expect(badMap.stderr).toContain('Cell');
    expect(badMap.stderr).toContain('Phone Number');
    const unknown = await callwright(['import', '--db', db, '--campaign', 'cmp_nope', file]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('there is no campaign cmp_nope');
  });
});

describe('callwright import --server', () => {
  let api: ApiClient;
  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(() => api.service.stop());

  it('sends the file as an import job, follows it, and downloads its error file', async () => {
    const { key } = await api.account();
    const { campaignId } = await createCampaign(api, key);
    const errorsOut = join(dir, 'server.errors.csv');
    const result = await callwright(
      [
        'import',
        '--server',
        api.url,
        '--campaign',
        campaignId,
        '--json',
        '--errors-out',
        errorsOut,
        join(dir, 'leads.csv'),
      ],
      { CALLWRIGHT_API_KEY: key },
    );
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout).counts).toEqual({
      rows: 4,
      leads: 1,
      contacts: 3,
      duplicates: 1,
      invalid: 1,
      suppressed: 0,
    });
    expect(await readFile(errorsOut, 'utf8')).toBe(EXPECTED_ERRORS);
  });

  it("says what the server refused: another account's campaign is not found", async () => {
    const { key } = await api.account();
    const other = await api.account();
    const { campaignId } = await createCampaign(api, other.key);
    const result = await callwright([
      'import',
      '--server',
      api.url,
      '--api-key',
      key,
      '--campaign',
      campaignId,
      join(dir, 'leads.csv'),
    ]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('404');
  });
});
