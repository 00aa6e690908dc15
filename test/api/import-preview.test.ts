import { describe, expect, it } from 'vitest';
import { createCampaign, useApi, type ApiClient } from './api-harness.js';
import { expectProblem } from './fixtures.js';

/**
 * The import preview over HTTP (the dashboard's mapping step): the start of a file read as its import would read
 * it, each column's role, the rows as they would become leads, and nothing written.
 */

const FILE = [
  'Mobile;Full name;Office;Plan',
  '(212) 555-0100;Ann Lee;+12125550101;gold',
  '12;Broken;;silver',
  '+12125550102;Bob Roe;not a number;',
  '+12125550103;Cid Moe;;bronze',
].join('\r\n');

const preview = (api: ApiClient, key: string, campaignId: string, body: string, query = '') =>
  api.call('POST', `/v1/campaigns/${campaignId}/imports/preview${query}`, {
    key,
    body,
    headers: { 'content-type': 'text/csv' },
  });

describe('previewing a lead file', () => {
  const api = useApi();

  it('shows the format, each column’s role and the first rows with the values the import would refuse', async () => {
    const { key } = await api().account();
    const { campaignId } = await createCampaign(api(), key);
    const mapping = encodeURIComponent(JSON.stringify({ phone: 'Mobile', secondary: ['Office'] }));
    const response = await preview(api(), key, campaignId, `${FILE}\r\n`, `?rows=3&mapping=${mapping}`);

    expect(response.status, JSON.stringify(response.body)).toBe(200);
    expect(response.body).toEqual({
      encoding: 'utf-8',
      delimiter: ';',
      headers: ['Mobile', 'Full name', 'Office', 'Plan'],
      columns: [
        { header: 'Mobile', role: 'phone' },
        { header: 'Full name', role: 'name' },
        { header: 'Office', role: 'secondary' },
        { header: 'Plan', role: 'field' },
      ],
      rows: [
        {
          rowNumber: 2,
          phone: '+12125550100',
          secondaryPhones: ['+12125550101'],
          name: 'Ann Lee',
          externalId: null,
          fields: { Plan: 'gold' },
          errors: [],
        },
        expect.objectContaining({
          rowNumber: 3,
          phone: null,
          errors: [{ column: 'Mobile', value: '12', reason: expect.any(String) }],
        }),
        expect.objectContaining({
          rowNumber: 4,
          phone: '+12125550102',
          secondaryPhones: [],
          errors: [{ column: 'Office', value: 'not a number', reason: expect.any(String) }],
        }),
      ],
      problem: null,
    });
    // Nothing was written.
    const leads = await api().call('GET', `/v1/campaigns/${campaignId}/leads`, { key });
    expect(leads.body.data).toEqual([]);
  });

  it('keeps a column as a field or leaves it out, whatever its header suggests, as the mapping says', async () => {
    const { key } = await api().account();
    const { campaignId } = await createCampaign(api(), key);
    const mapping = encodeURIComponent(JSON.stringify({ fields: ['Office'], ignore: ['Plan'] }));
    const response = await preview(api(), key, campaignId, FILE, `?rows=1&wholeFile=true&mapping=${mapping}`);

    expect(response.status, JSON.stringify(response.body)).toBe(200);
    expect(response.body.columns.map((column: { role: string }) => column.role)).toEqual([
      'phone',
      'name',
      'field',
      'ignored',
    ]);
    expect(response.body.rows[0]).toMatchObject({ secondaryPhones: [], fields: { Office: '+12125550101' } });
  });

  it('leaves out a last row cut off by the end of the bytes sent', async () => {
    const { key } = await api().account();
    const { campaignId } = await createCampaign(api(), key);
    const cut = FILE.slice(0, FILE.indexOf('Cid') + 2);
    const response = await preview(api(), key, campaignId, cut, '?rows=10');

    expect(response.status).toBe(200);
    expect(response.body.rows.map((row: { rowNumber: number }) => row.rowNumber)).toEqual([2, 3, 4]);

    const whole = await preview(api(), key, campaignId, FILE, '?rows=10&wholeFile=true');
    expect(whole.body.rows.map((row: { rowNumber: number }) => row.rowNumber)).toEqual([2, 3, 4, 5]);
  });

  it('answers a refused mapping with the columns to map instead, and the problem', async () => {
    const { key } = await api().account();
    const { campaignId } = await createCampaign(api(), key);
    const noPhone = await preview(api(), key, campaignId, 'name,Contact,\nAnn,212 555 0100,x\n');
    expect(noPhone.status).toBe(200);
    expect(noPhone.body).toMatchObject({
      headers: ['name', 'Contact', ''],
      columns: [
        { header: 'name', role: 'field' },
        { header: 'Contact', role: 'field' },
        { header: '', role: 'ignored' },
      ],
      rows: [],
      problem: { code: 'csv_no_phone_column', message: expect.stringMatching(/phone/) },
    });
    // The columns as shown, mapped: the rows follow.
    const mapping = encodeURIComponent(JSON.stringify({ phone: 'Contact', name: 'name' }));
    const mapped = await preview(
      api(),
      key,
      campaignId,
      'name,Contact,\nAnn,212 555 0100,x\n',
      `?mapping=${mapping}`,
    );
    expect(mapped.body).toMatchObject({ problem: null, rows: [{ phone: '+12125550100', name: 'Ann' }] });

    const unknown = await preview(
      api(),
      key,
      campaignId,
      `${FILE}\r\n`,
      `?mapping=${encodeURIComponent(JSON.stringify({ phone: 'Cell' }))}`,
    );
    expect(unknown.body.problem).toMatchObject({
      code: 'mapping_unknown_column',
      message: expect.stringMatching(/Cell/),
    });
  });

  it('refuses a file its import would refuse whole, with the same problem', async () => {
    const { key } = await api().account();
    const { campaignId } = await createCampaign(api(), key);
    expectProblem(await preview(api(), key, campaignId, ''), 422, 'csv_empty');
    expectProblem(await preview(api(), key, campaignId, `PK\x03\x04${'\0'.repeat(60)}`), 422, 'csv_not_text');
  });

  it('refuses bad options and other media types, naming the field and what is allowed', async () => {
    const { key } = await api().account();
    const { campaignId } = await createCampaign(api(), key);
    const tooMany = await preview(api(), key, campaignId, FILE, '?rows=101');
    expectProblem(tooMany, 422, 'validation_failed', 'rows');
    const badMapping = await preview(api(), key, campaignId, FILE, '?mapping=phone');
    expectProblem(badMapping, 422, 'validation_failed', 'mapping');

    const json = await api().call('POST', `/v1/campaigns/${campaignId}/imports/preview`, {
      key,
      body: { phone: '+12125550100' },
    });
    expect(expectProblem(json, 415, 'unsupported_media_type').detail).toMatch(/text\/csv/);
  });

  it('previews only a campaign of the account', async () => {
    const owner = await api().account();
    const other = await api().account();
    const { campaignId } = await createCampaign(api(), owner.key);
    expectProblem(await preview(api(), other.key, campaignId, FILE), 404, 'not_found');
  });
});
