#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { parseIsoInstant } from '../domain/time-format.js';
import { CliError } from './cli-error.js';
import { MIGRATE_USAGE } from './database/migrate-usage.js';
import { DNC_USAGE } from './dnc/dnc-usage.js';
import { IMPORT_USAGE } from './import/import-usage.js';
import { SERVE_USAGE } from './serve/serve-usage.js';
import { WORKER_USAGE } from './worker/worker-usage.js';
import { simulate } from './simulate/simulate-command.js';

const USAGE = `Usage: callwright <command> [options]

Commands:
  simulate --scenario s.json --leads leads.csv [--calls-out calls.csv] [--json] [--until ISO] [--db file]
      Runs a whole campaign on a virtual clock against the built-in simulator and reports every call.
      --db keeps the run in a SQLite file; running again on the same file resumes it (--leads is then not needed).
${SERVE_USAGE}${WORKER_USAGE}${MIGRATE_USAGE}${IMPORT_USAGE}${DNC_USAGE}`;

async function main(argv: readonly string[]): Promise<void> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'simulate':
      return runSimulate(rest);
    case 'serve': {
      // Loaded on demand: the HTTP stack would add a second to every other command's start.
      const { serve } = await import('./serve/serve-command.js');
      await serve(rest, process.env);
      // Stopped gracefully: every call's state is in the database. Timers of simulated calls still in flight
      // would keep Node alive for minutes (and then find the database closed), so the process ends here.
      return process.exit();
    }
    case 'worker': {
      const { worker } = await import('./worker/worker-command.js');
      await worker(rest, process.env);
      // As for serve: the simulator's timers of calls in flight would keep Node alive after a graceful stop.
      return process.exit();
    }
    case 'import': {
      const { importCommand } = await import('./import/import-command.js');
      return importCommand(rest, {
        env: process.env,
        interactive: process.stderr.isTTY,
        out: (text) => process.stdout.write(text),
        err: (text) => process.stderr.write(text),
      });
    }
    case 'dnc': {
      const { dncCommand } = await import('./dnc/dnc-command.js');
      return dncCommand(rest, {
        out: (text) => process.stdout.write(text),
        err: (text) => process.stderr.write(text),
      });
    }
    case 'migrate': {
      const { migrate } = await import('./database/migrate-command.js');
      return migrate(rest, (line) => process.stdout.write(`${line}\n`));
    }
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      process.stdout.write(USAGE);
      return;
    default:
      throw new CliError('unknown_command', `unknown command "${command}"\n\n${USAGE}`);
  }
}

async function runSimulate(args: readonly string[]): Promise<void> {
  const { values } = parseArgs({
    args: [...args],
    options: {
      scenario: { type: 'string' },
      leads: { type: 'string' },
      'calls-out': { type: 'string' },
      json: { type: 'boolean', default: false },
      until: { type: 'string' },
      db: { type: 'string' },
    },
    strict: true,
  });
  if (!values.scenario) throw new CliError('missing_option', `--scenario is required\n\n${USAGE}`);
  let until: number | null = null;
  if (values.until !== undefined) {
    until = parseIsoInstant(values.until);
    if (until === null) {
      throw new CliError(
        'invalid_option',
        `--until must be an ISO 8601 time such as 2026-05-01T00:00:00Z, got "${values.until}"`,
      );
    }
  }
  await simulate({
    scenarioPath: values.scenario,
    leadsPath: values.leads ?? null,
    callsOut: values['calls-out'] ?? null,
    json: values.json,
    until,
    dbPath: values.db ?? null,
    interactive: process.stderr.isTTY,
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
  });
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (
    error instanceof CliError ||
    (error instanceof Error && 'code' in error && typeof error.code === 'string')
  ) {
    process.stderr.write(`callwright: ${error.message}\n`);
  } else {
    process.stderr.write(
      `callwright: unexpected error\n${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
  }
  process.exitCode = 1;
});
