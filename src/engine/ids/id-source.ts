import type { IdSource } from '../ports/ids.js';

const COUNTER_SPACE = 36 ** 4;

/**
 * Ids that sort by creation time: `<prefix>_<time base36><counter base36><random base36>`. The counter keeps
 * ids made in the same millisecond in order; the random part keeps two processes from colliding. `random`
 * is injected so a simulation with a seed makes the same ids every run.
 */
export function createIdSource(deps: { now: () => number; random: () => number }): IdSource {
  let counter = 0;
  return {
    next(prefix: string): string {
      counter = (counter + 1) % COUNTER_SPACE;
      const time = Math.max(0, deps.now()).toString(36).padStart(9, '0');
      const seq = counter.toString(36).padStart(4, '0');
      const noise = Math.floor(deps.random() * 36 ** 5)
        .toString(36)
        .padStart(5, '0');
      return `${prefix}_${time}${seq}${noise}`;
    },
  };
}
