import { createReadStream } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { createIdSource } from '../../engine/ids/id-source.js';
import type { Clock } from '../../engine/ports/clock.js';
import type { LeadImportOutcome } from '../../engine/ports/lead-importer.js';
import { createCampaignCommands } from '../../engine/use-cases/campaign-commands.js';
import { createLeadImporter } from '../../imports/lead-import.js';
import { createPhoneValidationPool } from '../../imports/phone-validation-pool.js';
import { CliError } from '../cli-error.js';
import { describeTarget, parseDatabaseOption } from '../database/database-url.js';
import { openDatabase } from '../database/open-database.js';
import type { ImportJob } from './import-job.js';

/** Rows per commit on SQLite: large commits write each page of the number index once for many batches. */
const ROWS_PER_COMMIT = 50_000;

/**
 * `callwright import --db`: the pipeline runs in this process against the database. No dialer runs here, so
 * nothing is dialed by this process; a `serve` or `worker` on the same PostgreSQL database picks the leads up.
 * On SQLite the batches are committed in groups of about 50,000 rows (see `bulk-writes.ts`): a crash loses at most
 * the last group, and importing the file again adds exactly what is missing.
 */
export async function importIntoDatabase(db: string, job: ImportJob): Promise<LeadImportOutcome> {
  const target = parseDatabaseOption(db);
  const opened = await openDatabase(target, {
    origin: randomUUID(),
    onError: (error) => process.stderr.write(`callwright import: ${String(error)}\n`),
  });
  const phones = createPhoneValidationPool();
  try {
    if ((await opened.store.getCampaign(job.campaignId)) === null) {
      throw new CliError(
        'campaign_not_found',
        `there is no campaign ${job.campaignId} in ${describeTarget(target)}`,
      );
    }
    const clock: Clock = {
      now: () => Date.now(),
      schedule: () => {
        throw new Error('callwright import schedules nothing');
      },
    };
    const commands = createCampaignCommands({
      store: opened.store,
      clock,
      ids: createIdSource({ now: () => Date.now(), random: Math.random }),
      providers: new Map(),
      // The dialers are other processes: they find the new leads on their next pass (PostgreSQL signals them).
      dialer: { wake: () => undefined },
    });
    const importer = createLeadImporter({ addLeads: (id, leads) => commands.addLeads(id, leads), phones });
    const bulk = opened.bulkWrites;
    let rowsCommitted = 0;
    bulk?.begin();
    try {
      const outcome = await importer.importLeads({
        campaignId: job.campaignId,
        source: createReadStream(job.file),
        defaultCountry: job.defaultCountry,
        mapping: job.mapping,
        onRejected: (rows) => job.errors.append(rows),
        onProgress: ({ bytesRead, counts }) => {
          if (bulk !== null && counts.rows - rowsCommitted >= ROWS_PER_COMMIT) {
            bulk.commit();
            rowsCommitted = counts.rows;
          }
          job.progress?.update(bytesRead, counts.rows);
        },
      });
      bulk?.end(true);
      return outcome;
    } catch (error) {
      bulk?.end(false);
      throw error;
    }
  } finally {
    await phones.close();
    await opened.close();
  }
}
