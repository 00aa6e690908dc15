import { createReadStream } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { createPhoneValidationPool } from '../../imports/phone-validation-pool.js';
import { LeadImportError } from '../../imports/import-error.js';
import { isValidCountryCode } from '../../imports/phone.js';
import { readPhoneList } from '../../imports/phone-list.js';
import { CliError } from '../cli-error.js';
import { describeTarget, parseDatabaseOption } from '../database/database-url.js';
import { openDatabase } from '../database/open-database.js';
import { createErrorsFile } from '../import/errors-file.js';
import { DNC_USAGE } from './dnc-usage.js';

const NOTE_MAX = 500;

/** `callwright dnc import`: a CSV of numbers onto an account's do-not-call list, straight into the database. */
export async function dncCommand(
  args: readonly string[],
  io: { out: (text: string) => void; err: (text: string) => void },
): Promise<void> {
  const [subcommand, ...rest] = args;
  const usage = (message: string) => new CliError('missing_option', `${message}\n\nUsage:\n${DNC_USAGE}`);
  if (subcommand !== 'import') throw usage(`unknown dnc command ${JSON.stringify(subcommand ?? '')}`);
  const { values, positionals } = parseArgs({
    args: rest,
    options: {
      db: { type: 'string' },
      account: { type: 'string' },
      'default-country': { type: 'string', default: 'US' },
      note: { type: 'string' },
      'errors-out': { type: 'string' },
      json: { type: 'boolean', default: false },
    },
    allowPositionals: true,
    strict: true,
  });
  if (values.db === undefined) throw usage('--db is required: the database holding the account');
  if (values.account === undefined) throw usage('--account is required: whose list the numbers go on');
  if (positionals.length !== 1) throw usage(`give exactly one CSV file, got ${positionals.length}`);
  const country = values['default-country'];
  if (!isValidCountryCode(country)) {
    throw new CliError(
      'invalid_option',
      `--default-country must be an ISO 3166-1 alpha-2 code such as US, got "${country}"`,
    );
  }
  const note = values.note ?? null;
  if (note !== null && note.length > NOTE_MAX) {
    throw new CliError('invalid_option', `--note must be at most ${NOTE_MAX} characters, got ${note.length}`);
  }
  const file = positionals[0]!;
  const target = parseDatabaseOption(values.db);
  const opened = await openDatabase(target, {
    origin: randomUUID(),
    onError: (error) => io.err(`callwright dnc: ${String(error)}\n`),
  });
  const phones = createPhoneValidationPool();
  const errors = createErrorsFile(values['errors-out'] ?? `${file.replace(/\.csv$/i, '')}.errors.csv`);
  const totals = { rows: 0, added: 0, alreadyListed: 0, invalid: 0 };
  try {
    if ((await opened.store.getAccount(values.account)) === null) {
      throw new CliError(
        'account_not_found',
        `there is no account ${values.account} in ${describeTarget(target)}`,
      );
    }
    for await (const batch of readPhoneList(createReadStream(file), country, phones)) {
      const listed = await opened.store.addToDoNotCallList({
        accountId: values.account,
        phones: batch.numbers,
        source: 'import',
        note,
        now: Date.now(),
      });
      totals.rows += batch.rows;
      totals.added += listed.added;
      totals.alreadyListed += listed.alreadyListed;
      totals.invalid += batch.invalid.length;
      if (batch.invalid.length > 0) await errors.append(batch.invalid);
    }
  } catch (error) {
    if (error instanceof LeadImportError) throw new CliError(error.code, `${file}: ${error.message}`);
    throw error;
  } finally {
    await errors.close();
    await phones.close();
    await opened.close();
  }
  const summary = { ...totals, errorsFile: errors.path };
  io.out(
    values.json
      ? `${JSON.stringify(summary, null, 2)}\n`
      : `${totals.rows.toLocaleString('en-US')} rows read: ${totals.added.toLocaleString('en-US')} numbers added to the do-not-call list, ` +
          `${totals.alreadyListed.toLocaleString('en-US')} already on it, ${totals.invalid.toLocaleString('en-US')} invalid` +
          `${errors.path === null ? '' : ` (see ${errors.path})`}\n`,
  );
}
