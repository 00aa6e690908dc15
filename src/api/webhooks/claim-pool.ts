/**
 * Works through claimed items with at most `concurrency` under way: whenever a place frees up, claims as many
 * as there is room for, until a claim comes back short, `max` have been claimed or `keepClaiming` says no.
 * Claiming only what can start at once keeps every claimed item's lease running while it is being worked on,
 * never while it waits. Resolves with how many were claimed once all have finished; if a claim or some work
 * failed, rejects with the first failure after the rest have finished, so nothing runs on unobserved.
 */
export async function runClaimed<T>(options: {
  readonly concurrency: number;
  readonly max: number;
  readonly claim: (room: number) => Promise<readonly T[]>;
  readonly work: (item: T) => Promise<void>;
  readonly keepClaiming: () => boolean;
}): Promise<number> {
  const running = new Set<Promise<void>>();
  const failures: unknown[] = [];
  let claimed = 0;
  let exhausted = false;
  const start = (item: T) => {
    const done: Promise<void> = options.work(item).then(
      () => void running.delete(done),
      (error: unknown) => {
        failures.push(error);
        running.delete(done);
      },
    );
    running.add(done);
  };
  try {
    for (;;) {
      const room = Math.min(options.concurrency - running.size, options.max - claimed);
      if (room > 0 && !exhausted && failures.length === 0 && options.keepClaiming()) {
        const items = await options.claim(room);
        claimed += items.length;
        exhausted = items.length < room;
        items.forEach(start);
      }
      if (running.size === 0) break;
      await Promise.race(running);
    }
  } finally {
    await Promise.all(running);
  }
  if (failures.length > 0) throw failures[0];
  return claimed;
}
