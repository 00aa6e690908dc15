import { expect, it } from 'vitest';
import { quoteIdentifier } from '../../src/store/postgres/pg-database.js';
import { playCountedCampaign } from './counters.js';
import { CAMPAIGN_ID, createDriver } from './fixtures.js';
import { describePostgres, openTestStores, useTestSchema, withAdmin } from '../support/postgres.js';

type CountersRow = Record<string, number | string>;

/** The stored counters, and the same figures counted afresh from the rows with count(*). */
async function countersAndCounts(schema: string) {
  return withAdmin(async (client) => {
    await client.query(`SET search_path TO ${quoteIdentifier(schema)}`);
    const stored = (await client.query<CountersRow>('SELECT * FROM campaign_counters ORDER BY campaign_id'))
      .rows;
    const fresh = (
      await client.query<CountersRow>(
        `SELECT c.id AS campaign_id,
                ${['created', 'scheduled', 'processing', 'rescheduled', 'completed', 'max_retries']
                  .map(
                    (s) =>
                      `(SELECT count(*) FROM leads WHERE campaign_id = c.id AND status = '${s}') AS leads_${s}`,
                  )
                  .join(', ')},
                ${['initiated', 'ringing', 'in_progress', 'completed', 'busy', 'unanswered', 'failed']
                  .map(
                    (s) =>
                      `(SELECT count(*) FROM calls WHERE campaign_id = c.id AND status = '${s}') AS calls_${s}`,
                  )
                  .join(', ')},
                (SELECT count(*) FROM calls WHERE campaign_id = c.id AND status = 'completed' AND answered_by = 'machine')
                  AS voicemail,
                (SELECT count(*) FROM calls WHERE campaign_id = c.id AND goal = 1) AS goal_achieved,
                (SELECT coalesce(sum(cost_minor), 0) FROM calls WHERE campaign_id = c.id) AS cost_minor
           FROM campaigns c ORDER BY c.id`,
      )
    ).rows;
    return { stored, fresh };
  });
}

describePostgres('PostgreSQL campaign counters', () => {
  const { schema, ready } = useTestSchema(import.meta.filename);

  it('equal a count(*) of the rows after every step of a whole campaign', async () => {
    await ready();
    const stores = await openTestStores(schema);
    const steps: string[] = [];
    try {
      await playCountedCampaign(createDriver(stores.store), async (step) => {
        steps.push(step);
        const { stored, fresh } = await countersAndCounts(schema);
        // Both sides are bigint, read back as text by a plain client.
        expect(stored, `after: ${step}`).toEqual(fresh);
      });
    } finally {
      await stores.close();
    }
    expect(steps).toContain('draft deleted');
    expect((await countersAndCounts(schema)).stored.map((r) => r.campaign_id)).toEqual([CAMPAIGN_ID]);
  });
});
