import { describe, expect, it } from 'vitest';
import { createSqliteImportStore } from '../../src/store/sqlite/import-store.js';
import { openSqliteDatabase } from '../../src/store/sqlite/sqlite-store.js';
import { createCampaign, startApi, useApi, type ApiClient } from './api-harness.js';
import { advanceClock, expectProblem, listIds, readDatabase, useTempDatabase } from './fixtures.js';

/**
 * Import jobs over HTTP (the import issue): uploads as text/csv and multipart, the job's progress and report,
 * its error file, and what a user sees when the file, the options or the server go wrong.
 */

/**
 * Seven data rows (the header is row 1): two leads with a secondary number, one repeated number, an invalid
 * primary, an invalid secondary and a formula where a number should be.
 */
const SMALL_FILE = [
  'phone,name,office,first_name',
  '+12125550100,Ann Lee,+12125550101,Ann',
  '(212) 555-0102,Bob Roe,,Bob',
  '+12125550100,Ann again,,Ann',
  '12,Broken,,Cy',
  '+12125550103,Cid Moe,not a number,Cid',
  '"=HYPERLINK(""https://evil.example"")",Eve,,Eve',
  '212.555.0104,Dee Poe,(212) 555-0103,Dee',
].join('\n');

const SMALL_FILE_COUNTS = { rows: 7, leads: 4, contacts: 5, duplicates: 2, invalid: 3, suppressed: 0 };

const SMALL_FILE_ERRORS = [
  'row,column,value,reason',
  `4,phone,+12125550100,is already in the campaign (or earlier in this file)`,
  expect.stringMatching(/^5,phone,12,.+/),
  expect.stringMatching(/^6,office,not a number,.+/),
  expect.stringMatching(/^7,phone,"'=HYPERLINK\(""https:\/\/evil\.example""\)",.+/),
  `8,office,(212) 555-0103,is already in the campaign (or earlier in this file)`,
];

type Job = {
  id: string;
  status: string;
  bytesTotal: number;
  bytesRead: number;
  counts: typeof SMALL_FILE_COUNTS;
  problem: { code: string; message: string } | null;
  [field: string]: unknown;
};

const uploadCsv = (api: ApiClient, key: string, campaignId: string, csv: string, query = '') =>
  api.call<Job>('POST', `/v1/campaigns/${campaignId}/imports${query}`, {
    key,
    body: csv,
    headers: { 'content-type': 'text/csv; charset=utf-8' },
  });

/** A multipart upload as browsers and `curl -F` send it: the file as the part `file`, options as fields. */
async function uploadForm(
  api: ApiClient,
  key: string,
  campaignId: string,
  csv: string,
  fields: Record<string, string> = {},
  query = '',
) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  form.append('file', new Blob([csv], { type: 'text/csv' }), 'spring-leads.csv');
  const response = await fetch(`${api.url}/v1/campaigns/${campaignId}/imports${query}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}` },
    body: form,
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as any };
}

/** Follows a job over GET until it has ended, keeping every state seen on the way. */
async function followJob(api: ApiClient, key: string, id: string): Promise<Job[]> {
  const seen: Job[] = [];
  for (;;) {
    const response = await api.call<Job>('GET', `/v1/imports/${id}`, { key });
    expect(response.status).toBe(200);
    seen.push(response.body);
    if (response.body.status !== 'running') return seen;
  }
}

async function leadsOf(api: ApiClient, key: string, campaignId: string) {
  const response = await api.call('GET', `/v1/campaigns/${campaignId}/leads?limit=1000`, { key });
  expect(response.status).toBe(200);
  return response.body.data as { id: string; name: string | null; fields: Record<string, string> }[];
}

/** `rows` leads with distinct valid New York numbers. */
const bigFile = (rows: number) =>
  ['phone,name', ...Array.from({ length: rows }, (_, i) => `+1212${String(2_000_000 + i)},Lead ${i}`)].join(
    '\n',
  );

describe('importing a lead file', () => {
  const api = useApi();

  it('imports a text/csv body and, with wait=true, answers the finished job with exact counts', async () => {
    const { key } = await api().account();
    const { campaignId } = await createCampaign(api(), key);
    const response = await uploadCsv(api(), key, campaignId, SMALL_FILE, '?wait=true&fileName=spring.csv');

    expect(response.status, JSON.stringify(response.body)).toBe(201);
    const job = response.body;
    expect(response.headers.get('location')).toBe(`/v1/imports/${job.id}`);
    expect(job).toMatchObject({
      id: expect.stringMatching(/^imp_/),
      campaignId,
      status: 'completed',
      fileName: 'spring.csv',
      defaultCountry: 'US',
      mapping: null,
      bytesTotal: Buffer.byteLength(SMALL_FILE),
      bytesRead: Buffer.byteLength(SMALL_FILE),
      counts: SMALL_FILE_COUNTS,
      rejectedValues: 5,
      problem: null,
      errorsUrl: `/v1/imports/${job.id}/errors.csv`,
    });
    expect(job.finishedAt).toEqual(expect.any(String));
    expect((await api().call('GET', `/v1/imports/${job.id}`, { key })).body).toEqual(job);

    const leads = await leadsOf(api(), key, campaignId);
    expect(leads.map((lead) => lead.name)).toEqual(['Ann Lee', 'Bob Roe', 'Cid Moe', 'Dee Poe']);
    expect(leads[0]!.fields).toEqual({ first_name: 'Ann' });
    const ann = await api().call('GET', `/v1/leads/${leads[0]!.id}`, { key });
    expect(ann.body.contacts.map((c: { phone: string }) => c.phone)).toEqual([
      '+12125550100',
      '+12125550101',
    ]);
  });

  it('serves the error file as spreadsheet-safe CSV, in row order', async () => {
    const { key } = await api().account();
    const { campaignId } = await createCampaign(api(), key);
    const job = (await uploadCsv(api(), key, campaignId, SMALL_FILE, '?wait=true')).body;

    const errors = await api().call('GET', job.errorsUrl as string, { key });
    expect(errors.status).toBe(200);
    expect(errors.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(errors.headers.get('content-disposition')).toBe(`attachment; filename="${job.id}-errors.csv"`);
    const lines = (errors.body as string).split('\n');
    expect(lines.pop()).toBe('');
    expect(lines).toEqual(SMALL_FILE_ERRORS);
  });

  it('imports a multipart upload in the background, with its mapping, and shows it on the way', async () => {
    const { key } = await api().account();
    const { campaignId } = await createCampaign(api(), key);
    const csv = ['Direct line;Switchboard;Who', '020 7946 0018;020 7946 0019;Ann', '020 7946 0020;;Bob'].join(
      '\n',
    );
    const mapping = { phone: 'Direct line', secondary: ['Switchboard'], name: 'Who' };
    const response = await uploadForm(api(), key, campaignId, csv, {
      mapping: JSON.stringify(mapping),
      defaultCountry: 'GB',
    });

    expect(response.status, JSON.stringify(response.body)).toBe(202);
    expect(response.body).toMatchObject({
      status: 'running',
      fileName: 'spring-leads.csv',
      defaultCountry: 'GB',
    });
    expect(response.headers.get('location')).toBe(`/v1/imports/${response.body.id}`);
    const ended = (await followJob(api(), key, response.body.id)).at(-1)!;
    expect(ended).toMatchObject({
      status: 'completed',
      mapping,
      counts: { rows: 2, leads: 2, contacts: 3, duplicates: 0, invalid: 0, suppressed: 0 },
    });
    const leads = await leadsOf(api(), key, campaignId);
    const ann = await api().call('GET', `/v1/leads/${leads[0]!.id}`, { key });
    expect(ann.body).toMatchObject({ name: 'Ann' });
    expect(ann.body.contacts.map((c: { phone: string }) => c.phone)).toEqual([
      '+442079460018',
      '+442079460019',
    ]);
  });

  it('creates nothing when the same file is imported again, and says so', async () => {
    const { key } = await api().account();
    const { campaignId } = await createCampaign(api(), key);
    await uploadCsv(api(), key, campaignId, SMALL_FILE, '?wait=true');
    const again = await uploadForm(api(), key, campaignId, SMALL_FILE, {}, '?wait=true');

    expect(again.status).toBe(201);
    expect(again.body.counts).toEqual({
      rows: 7,
      leads: 0,
      contacts: 0,
      duplicates: 7,
      invalid: 3,
      suppressed: 0,
    });
    expect(await leadsOf(api(), key, campaignId)).toHaveLength(4);
  });

  it("shows a file it cannot import as a failed job with the file's problem", async () => {
    const { key } = await api().account();
    const { campaignId } = await createCampaign(api(), key);
    const csv = 'name,email\nAnn,ann@example.com\n';

    const waited = await uploadCsv(api(), key, campaignId, csv, '?wait=true');
    const problem = expectProblem(waited, 422, 'csv_no_phone_column');
    const job = (problem as unknown as { job: Job }).job;
    expect(job).toMatchObject({ status: 'failed', problem: { code: 'csv_no_phone_column' } });
    expect(problem.detail).toBe(job.problem!.message);
    expect(waited.headers.get('location')).toBe(`/v1/imports/${job.id}`);

    const background = await uploadCsv(api(), key, campaignId, csv);
    expect(background.status).toBe(202);
    const ended = (await followJob(api(), key, background.body.id)).at(-1)!;
    expect(ended).toMatchObject({
      status: 'failed',
      problem: { code: 'csv_no_phone_column' },
      counts: { rows: 0 },
    });
    expect(await leadsOf(api(), key, campaignId)).toEqual([]);
  });

  it('refuses bad options with 422 naming the field, before a job exists', async () => {
    const { key } = await api().account();
    const { campaignId } = await createCampaign(api(), key);
    const notJson = await uploadCsv(
      api(),
      key,
      campaignId,
      SMALL_FILE,
      `?mapping=${encodeURIComponent('{phone:')}`,
    );
    const refused = expectProblem(notJson, 422, 'validation_failed', 'mapping');
    expect(refused.errors![0]!.message).toBe(
      'must be JSON text of column names by role, such as {"phone": "Mobile"}, got "{phone:"',
    );

    const unknownRole = await uploadForm(api(), key, campaignId, SMALL_FILE, {
      mapping: JSON.stringify({ phone: 'phone', secondary: ['office', ''], mobile: 'x' }),
    });
    expect(unknownRole.status).toBe(422);
    expect(unknownRole.body.errors).toEqual(
      expect.arrayContaining([
        { path: 'mapping.mobile', message: 'is not a known field' },
        expect.objectContaining({ path: 'mapping.secondary[1]' }),
      ]),
    );

    const country = await uploadCsv(api(), key, campaignId, SMALL_FILE, '?defaultCountry=usa');
    expect(expectProblem(country, 422, 'validation_failed', 'defaultCountry').errors![0]!.message).toBe(
      'must be a two-letter ISO 3166-1 country code such as "US", got "usa"',
    );
    const formCountry = await uploadForm(api(), key, campaignId, SMALL_FILE, { defaultCountry: 'gb' });
    expect(formCountry.status).toBe(422);
    expect(formCountry.body.errors).toEqual([expect.objectContaining({ path: 'defaultCountry' })]);

    const json = await api().call('POST', `/v1/campaigns/${campaignId}/imports`, {
      key,
      body: { leads: [] },
    });
    expectProblem(json, 415, 'unsupported_media_type');
    expect((await api().call('GET', `/v1/campaigns/${campaignId}/imports`, { key })).body.data).toEqual([]);
  });

  it('refuses a form it cannot read, or without exactly one file, and makes no job', async () => {
    const { key } = await api().account();
    const { campaignId } = await createCampaign(api(), key);
    const part = (name: string, body: string, fileName?: string) =>
      `--XYZ\r\nContent-Disposition: form-data; name="${name}"${fileName ? `; filename="${fileName}"` : ''}\r\n\r\n${body}\r\n`;
    const send = (body: string, type = 'multipart/form-data; boundary=XYZ') =>
      api().call('POST', `/v1/campaigns/${campaignId}/imports`, {
        key,
        body,
        headers: { 'content-type': type },
      });

    const truncated = await send(part('file', 'phone\n+12125550100', 'a.csv').slice(0, -2));
    expect(expectProblem(truncated, 400, 'invalid_multipart').detail).toContain(
      'Unexpected end of multipart data',
    );
    expectProblem(await send('phone\n', 'multipart/form-data'), 400, 'invalid_multipart');
    expectProblem(await send(`${part('mapping', '{}')}--XYZ--\r\n`), 422, 'validation_failed', 'file');
    const twoFiles = `${part('file', 'phone\n+12125550100', 'a.csv')}${part('file', 'phone\n', 'b.csv')}--XYZ--\r\n`;
    expectProblem(await send(twoFiles), 422, 'validation_failed', 'file');
    const misnamed = await send(`${part('upload', 'phone\n+12125550100', 'a.csv')}--XYZ--\r\n`);
    expectProblem(misnamed, 422, 'validation_failed', 'upload');
    expect((await api().call('GET', `/v1/campaigns/${campaignId}/imports`, { key })).body.data).toEqual([]);
  });

  it("keeps another account's campaigns and jobs out of reach (404)", async () => {
    const owner = await api().account({ name: 'Owner' });
    const { campaignId } = await createCampaign(api(), owner.key);
    const job = (await uploadCsv(api(), owner.key, campaignId, SMALL_FILE, '?wait=true')).body;
    const stranger = await api().account({ name: 'Stranger' });

    expectProblem(await uploadCsv(api(), stranger.key, campaignId, SMALL_FILE), 404, 'not_found');
    expectProblem(await uploadForm(api(), stranger.key, campaignId, SMALL_FILE), 404, 'not_found');
    for (const path of [
      `/v1/imports/${job.id}`,
      `/v1/imports/${job.id}/errors.csv`,
      `/v1/campaigns/${campaignId}/imports`,
    ]) {
      expectProblem(await api().call('GET', path, { key: stranger.key }), 404, 'not_found');
    }
  });

  it('shows the progress of a large import while it runs, then lists the jobs newest first', async () => {
    const { key } = await api().account();
    const { campaignId } = await createCampaign(api(), key);
    const csv = bigFile(20_000);
    const first = await uploadCsv(api(), key, campaignId, 'phone\n+12125550100\n', '?wait=true');
    const response = await uploadCsv(api(), key, campaignId, csv);
    expect(response.status).toBe(202);

    const seen = await followJob(api(), key, response.body.id);
    const running = seen.filter((job) => job.status === 'running');
    const partway = running.filter((job) => job.counts.rows > 0 && job.counts.rows < 20_000);
    expect(partway.length, 'states seen part-way through').toBeGreaterThan(0);
    for (const job of running) {
      // The reader consumes the file in large chunks: bytes lead the rows written, by up to a chunk.
      expect(job.bytesRead).toBeLessThanOrEqual(job.bytesTotal);
      expect(job.counts.leads).toBe(job.counts.rows);
    }
    const rowsSeen = seen.map((job) => job.counts.rows);
    expect(rowsSeen).toEqual([...rowsSeen].sort((a, b) => a - b));
    expect(seen.at(-1)).toMatchObject({
      status: 'completed',
      bytesRead: Buffer.byteLength(csv),
      counts: { rows: 20_000, leads: 20_000, contacts: 20_000, duplicates: 0, invalid: 0 },
    });
    expect(await listIds(api(), key, `/v1/campaigns/${campaignId}/imports`)).toEqual([
      response.body.id,
      first.body.id,
    ]);
  });
});

describe('an import over the size limit', () => {
  const api = useApi({ api: { importLimitBytes: 100 } });

  it('is refused with 413 in both upload forms, and no job is made', async () => {
    const { key } = await api().account();
    const { campaignId } = await createCampaign(api(), key);
    expect(Buffer.byteLength(SMALL_FILE)).toBeGreaterThan(100);
    const message =
      'the file is larger than the 100 bytes this server accepts for an import: split it into smaller files';
    expect(
      expectProblem(await uploadCsv(api(), key, campaignId, SMALL_FILE), 413, 'file_too_large').detail,
    ).toBe(message);
    const form = await uploadForm(api(), key, campaignId, SMALL_FILE);
    expect(form.body).toMatchObject({ status: 413, code: 'file_too_large' });
    const small = await uploadCsv(api(), key, campaignId, 'phone\n+12125550100\n', '?wait=true');
    expect(small.status).toBe(201);
    expect(await listIds(api(), key, `/v1/campaigns/${campaignId}/imports`)).toEqual([small.body.id]);
  });
});

describe('an import over the JSON body limit', () => {
  const api = useApi({ api: { bodyLimitBytes: 1024 } });

  it('is accepted in both forms: the import limit applies to files, not the JSON one', async () => {
    const { key } = await api().account();
    const { campaignId } = await createCampaign(api(), key);
    const csv = bigFile(200);
    expect(Buffer.byteLength(csv)).toBeGreaterThan(4 * 1024);
    const raw = await uploadCsv(api(), key, campaignId, csv, '?wait=true');
    expect(raw.status).toBe(201);
    expect(raw.body.counts).toMatchObject({ rows: 200, leads: 200 });
    const form = await uploadForm(api(), key, campaignId, csv, {}, '?wait=true');
    expect(form.status).toBe(201);
    expect(form.body.counts).toMatchObject({ rows: 200, duplicates: 200 });
  });
});

describe('import jobs in the OpenAPI document', () => {
  const api = useApi();

  it('documents both upload forms, the job and the error file', async () => {
    const doc = (await api().call('GET', '/openapi.json')).body;
    const upload = doc.paths['/v1/campaigns/{id}/imports'].post;
    expect(Object.keys(upload.requestBody.content)).toEqual(['text/csv', 'multipart/form-data']);
    expect(Object.keys(upload.requestBody.content['multipart/form-data'].schema.properties)).toEqual([
      'file',
      'defaultCountry',
      'mapping',
    ]);
    expect(upload.parameters.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(['defaultCountry', 'mapping', 'fileName', 'wait']),
    );
    expect(Object.keys(upload.responses)).toEqual(
      expect.arrayContaining(['201', '202', '413', '415', '422']),
    );
    expect(doc.paths['/v1/campaigns/{id}/imports'].get.responses['200']).toBeDefined();
    const job = doc.paths['/v1/imports/{id}'].get.responses['200'].content['application/json'].schema;
    expect(job.properties.status.enum).toEqual(['running', 'completed', 'failed']);
    expect(job.properties).toHaveProperty('errorsUrl');
    const errors = doc.paths['/v1/imports/{id}/errors.csv'].get.responses['200'];
    expect(Object.keys(errors.content)).toEqual(['text/csv']);
  });
});

describe('an import whose server stops', () => {
  const db = useTempDatabase();

  it('ends failed (import_interrupted) after the batch it was writing on a graceful stop', async () => {
    const api = await startApi({ db });
    const { key } = await api.account();
    const { campaignId } = await createCampaign(api, key);
    const started = await uploadCsv(api, key, campaignId, bigFile(20_000));
    expect(started.status).toBe(202);
    await api.service.stop();

    const stored = readDatabase(db, (read) => ({
      job: read.prepare('SELECT * FROM import_jobs WHERE id = ?').get(started.body.id) as Record<
        string,
        unknown
      >,
      leads: (read.prepare('SELECT count(*) AS n FROM leads').get() as { n: number }).n,
    }));
    expect(stored.job).toMatchObject({ status: 'failed', problem_code: 'import_interrupted' });
    expect(stored.job.leads_created).toBe(stored.leads);
    expect(stored.leads).toBeLessThan(20_000);
    expect(stored.job.problem_message).toBe(
      `the server stopped during the import; ${String(stored.job.rows_read)} rows had been read. Import the same file again to finish: the rows already in count as duplicates`,
    );
  });

  it('reads as failed once a running job has written no progress for five minutes', async () => {
    const api = await startApi({ db });
    try {
      const { key, id: accountId } = await api.account();
      const { campaignId } = await createCampaign(api, key);
      const now = Date.parse((await api.call('GET', '/v1/clock', { key })).body.now);
      // A job left running by a process that died: written straight into the database, as it left it.
      const other = openSqliteDatabase(db);
      await createSqliteImportStore(other).createJob({
        id: 'imp_0orphan',
        accountId,
        campaignId,
        fileName: 'leads.csv',
        bytesTotal: 100,
        defaultCountry: 'US',
        mapping: null,
        createdAt: now,
      });
      other.close();

      expect((await api.call('GET', '/v1/imports/imp_0orphan', { key })).body.status).toBe('running');
      await advanceClock(api, 5);
      expect((await api.call('GET', '/v1/imports/imp_0orphan', { key })).body.status).toBe('running');
      await advanceClock(api, 1);
      const stale = await api.call('GET', '/v1/imports/imp_0orphan', { key });
      expect(stale.body).toMatchObject({
        status: 'failed',
        problem: { code: 'import_interrupted' },
        finishedAt: new Date(now).toISOString(),
      });
      expect(stale.body.problem.message).toContain('no progress for 5 minutes');
    } finally {
      await api.service.stop();
    }
  });
});
