import type { SimulationProgress } from '../engine/simulation/run-simulation.js';
import { formatInstantInZone } from '../domain/time-format.js';

const WIDTH = 30;

/** A bar of `WIDTH` cells, `ratio` (0–1) of them filled. */
export function drawBar(ratio: number): string {
  const filled = Math.round(Math.min(1, Math.max(0, ratio)) * WIDTH);
  return `${'█'.repeat(filled)}${'░'.repeat(WIDTH - filled)}`;
}

/** A one-line progress bar for terminals: simulated time and leads done, redrawn in place. */
export function createProgressBar(write: (text: string) => void) {
  return {
    update(progress: SimulationProgress, timezone: string) {
      const ratio = progress.leadsTotal === 0 ? 1 : progress.leadsDone / progress.leadsTotal;
      const bar = drawBar(ratio);
      const when = formatInstantInZone(progress.now, timezone).slice(0, 16).replace('T', ' ');
      write(`\r${bar} ${progress.leadsDone}/${progress.leadsTotal} leads done · simulated ${when}  `);
    },
    done() {
      write('\n');
    },
  };
}
