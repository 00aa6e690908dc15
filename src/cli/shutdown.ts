/**
 * Waits for SIGTERM or SIGINT, then stops gracefully: `stop` finishes the work in progress and closes the
 * database; calls in flight stay recorded there, for this process's next start or another worker to carry on.
 */
export function untilStopped(stop: () => Promise<void>, print: (line: string) => void): Promise<void> {
  return new Promise<void>((resolve) => {
    const shutdown = (signal: string) => {
      print(`callwright: ${signal}: stopping (calls in flight stay tracked in the database)`);
      stop().then(resolve, (error: unknown) => {
        console.error('callwright: stopping failed:', error);
        process.exitCode = 1;
        resolve();
      });
    };
    process.once('SIGTERM', () => shutdown('SIGTERM'));
    process.once('SIGINT', () => shutdown('SIGINT'));
  });
}
