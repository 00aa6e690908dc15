/**
 * The thread that checkpoints a serving SQLite database (see `background-checkpoints.ts`): its own connection,
 * a passive checkpoint every `intervalMs`, stopped by any message from its parent.
 */
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';

const { path, intervalMs } = workerData as { path: string; intervalMs: number };
const db = new Database(path);
db.pragma('busy_timeout = 5000');

const timer = setInterval(() => {
  try {
    // PASSIVE copies what no reader still needs and never waits for the writer: the serving thread goes on.
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch (error) {
    parentPort?.postMessage({ error: error instanceof Error ? error.message : String(error) });
  }
}, intervalMs);

parentPort?.once('message', () => {
  clearInterval(timer);
  db.close();
  parentPort?.close();
});
