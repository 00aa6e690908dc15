import { existsSync } from 'node:fs';
import { once } from 'node:events';
import { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';

/** How often the thread checkpoints: the WAL holds about this much of the write load between two. */
const INTERVAL_MS = 1000;
/** SQLite's default, put back if the thread stops unexpectedly, so the WAL never grows without bound. */
const AUTOMATIC_CHECKPOINT_PAGES = 1000;

/**
 * WAL checkpoints off the serving thread. By default SQLite checkpoints inside the commit that crosses 1,000 WAL
 * pages, so a request's commit pays for copying pages into the database and an `fsync`: a third of `serve`'s main
 * thread when adding leads, and at the mercy of the disk. Here the serving connection never checkpoints; a worker
 * thread with its own connection does, every second. Durability is unchanged (a commit is in the WAL either way).
 * Returns null for an in-memory database, which has no WAL.
 */
export function checkpointInBackground(
  db: Database.Database,
  onError: (error: unknown) => void,
): { stop(): Promise<void> } | null {
  if (db.memory) return null;
  const url = checkpointWorkerUrl();
  if (!existsSync(url)) {
    throw new Error(`the checkpoint worker ${url.pathname} is missing: run \`npm run build\``);
  }
  const worker = new Worker(url, { workerData: { path: db.name, intervalMs: INTERVAL_MS }, execArgv: [] });
  db.pragma('wal_autocheckpoint = 0');
  let stopping = false;
  const fallBack = () => {
    if (db.open) db.pragma(`wal_autocheckpoint = ${AUTOMATIC_CHECKPOINT_PAGES}`);
  };
  worker.on('message', (message: { error: string }) =>
    onError(new Error(`WAL checkpoint failed: ${message.error}`)),
  );
  worker.on('error', (error) => {
    fallBack();
    onError(error);
  });
  worker.on('exit', () => {
    if (!stopping) fallBack();
  });
  return {
    async stop() {
      stopping = true;
      fallBack();
      const exited = once(worker, 'exit');
      worker.postMessage('stop');
      await exited;
    },
  };
}

/** The compiled worker beside this file, or, for tests running the TypeScript sources, the one `npm run build` made. */
function checkpointWorkerUrl(): URL {
  const compiled = import.meta.url.endsWith('.js');
  return new URL(
    compiled ? './checkpoint-worker.js' : '../../../dist/src/store/sqlite/checkpoint-worker.js',
    import.meta.url,
  );
}
