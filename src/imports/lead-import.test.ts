import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseScenario } from '../cli/simulate/scenario.js';
import { setUpScenario } from '../cli/simulate/set-up-scenario.js';
import { composeSimulationEngine } from '../cli/simulate/simulation-engine.js';
import { createVirtualClock } from '../engine/clock/virtual-clock.js';
import type { LeadImportRequest, RejectedValue } from '../engine/ports/lead-importer.js';
import type { Store } from '../engine/ports/store.js';
import { createSqliteStore, openSqliteDatabase } from '../store/sqlite/sqlite-store.js';
import type { PhoneValidator } from './lead-batch.js';
import { createLeadImporter } from './lead-import.js';
import { normalizePhone } from './phone.js';

const inThread: PhoneValidator = {
  normalize: (raws, country) => Promise.resolve(raws.map((raw) => normalizePhone(raw, country))),
};

let store: Store;
let campaignId: string;
let importer: ReturnType<typeof createLeadImporter>;

beforeEach(async () => {
  const scenario = parseScenario({ start: '2026-03-02T09:00:00-05:00' });
  if (!scenario.ok) throw new Error('bad scenario');
  store = createSqliteStore(openSqliteDatabase(':memory:'));
  const { ids, commands } = composeSimulationEngine(
    store,
    createVirtualClock(scenario.value.start),
    scenario.value.simulator,
  );
  campaignId = await setUpScenario(store, ids, scenario.value);
  // Batches of two rows: dedup and merging must hold across batches, not only inside one.
  importer = createLeadImporter({
    addLeads: (id, leads) => commands.addLeads(id, leads),
    phones: inThread,
    batchRows: 2,
  });
});
afterEach(() => store.close());

async function run(source: string, more: Partial<LeadImportRequest> = {}) {
  const refused: RejectedValue[] = [];
  const progress: number[] = [];
  const outcome = await importer.importLeads({
    campaignId,
    source,
    defaultCountry: 'US',
    onRejected: (rows) => {
      refused.push(...rows);
    },
    onProgress: (p) => {
      progress.push(p.counts.rows);
    },
    ...more,
  });
  return { outcome, refused, progress };
}

const FILE = [
  'Customer ID;Full Name;Phone Number;Mobile;Plan',
  'c1;Ada Lovelace;(212) 555-0100;212.555.0101;gold',
  'c2;Grace Hopper;+1 212 555 0102;;silver',
  'c3;Broken;555-12;;bronze',
  'c4;Twin;212-555-0100;;bronze',
  '',
  'c5;Bad mobile;212 555 0104;call me;gold',
].join('\r\n');

describe('importLeads', () => {
  it('maps the headers, validates, dedups across batches and reports every refused value by row', async () => {
    const { outcome, refused, progress } = await run(FILE);
    expect(outcome).toEqual({
      ok: true,
      counts: { rows: 5, leads: 3, contacts: 4, duplicates: 1, invalid: 2, suppressed: 0 },
    });
    expect(refused).toEqual([
      { rowNumber: 4, column: 'Phone Number', value: '555-12', reason: 'is too short' },
      {
        rowNumber: 5,
        column: 'Phone Number',
        value: '212-555-0100',
        reason: 'is already in the campaign (or earlier in this file)',
      },
      { rowNumber: 7, column: 'Mobile', value: 'call me', reason: 'is not a phone number' },
    ]);
    expect(progress).toEqual([2, 4, 5]);
    const leads = await store.listLeads(campaignId, { after: null, limit: 10, status: null });
    expect(leads.map((lead) => [lead.externalId, lead.name, lead.fields])).toEqual([
      ['c1', 'Ada Lovelace', { Plan: 'gold' }],
      ['c2', 'Grace Hopper', { Plan: 'silver' }],
      ['c5', 'Bad mobile', { Plan: 'gold' }],
    ]);
  });

  it('creates nothing when the same file comes again, and says every number was a duplicate', async () => {
    await run(FILE);
    const again = await run(FILE);
    expect(again.outcome).toEqual({
      ok: true,
      counts: { rows: 5, leads: 0, contacts: 0, duplicates: 5, invalid: 2, suppressed: 0 },
    });
  });

  it('refuses a file without a phone column before adding anything', async () => {
    const { outcome } = await run('name,email\nAda,ada@example.com\n');
    expect(outcome.ok).toBe(false);
    expect(outcome.ok === false && outcome.problem.code).toBe('csv_no_phone_column');
    expect(outcome.counts.rows).toBe(0);
  });

  it('keeps the rows before a quote that is never closed, and says where it stopped', async () => {
    const { outcome } = await run('phone,name\n2125550100,Ada\n2125550102,Grace\n2125550104,"Broken\n');
    expect(outcome.ok).toBe(false);
    expect(outcome.ok === false && outcome.problem.code).toBe('csv_unclosed_quote');
    expect(outcome.counts.leads).toBe(2);
  });

  it('uses an explicit mapping over the automatic one', async () => {
    const { outcome } = await run('Phone,Office\n555-12,2125550100\n', { mapping: { phone: 'Office' } });
    expect(outcome.ok && outcome.counts).toMatchObject({ leads: 1, contacts: 1, invalid: 1 });
  });

  it("makes one lead of a person's rows wherever they are in the file, in file order", async () => {
    const file =
      'id,phone\nc1,2125550100\nc2,2125550101\nc2,2125550102\nc3,2125550104\nc4,2125550105\nc2,2125550103\n';
    const { outcome } = await run(file);
    expect(outcome.ok && outcome.counts).toMatchObject({ rows: 6, leads: 4, contacts: 6 });
    const leads = await store.listLeads(campaignId, { after: null, limit: 10, status: null });
    const second = await store.getLead(leads[1]!.id);
    expect(second?.contacts.map((c) => c.phone)).toEqual(['+12125550101', '+12125550102', '+12125550103']);
  });

  it('refuses a default country that is not an ISO code', async () => {
    const { outcome } = await run(FILE, { defaultCountry: 'USA' });
    expect(outcome.ok === false && outcome.problem).toEqual({
      code: 'invalid_country',
      message: 'defaultCountry must be an ISO 3166-1 alpha-2 code such as "US", got "USA"',
    });
  });
});
