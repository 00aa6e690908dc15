import type { SimulationProgress } from '../engine/simulation/run-simulation.js';
import { formatInstantInZone } from '../domain/time-format.js';

const WIDTH = 30;

/** A one-line progress bar for terminals: simulated time and leads done, redrawn in place. */
export function createProgressBar(write: (text: string) => void) {
  return {
    update(progress: SimulationProgress, timezone: string) {
      const ratio = progress.leadsTotal === 0 ? 1 : progress.leadsDone / progress.leadsTotal;
      const filled = Math.round(ratio * WIDTH);
      const bar = `${'█'.repeat(filled)}${'░'.repeat(WIDTH - filled)}`;
      const when = formatInstantInZone(progress.now, timezone).slice(0, 16).replace('T', ' ');
      write(`\r${bar} ${progress.leadsDone}/${progress.leadsTotal} leads done · simulated ${when}  `);
    },
    done() {
      write('\n');
    },
  };
}
