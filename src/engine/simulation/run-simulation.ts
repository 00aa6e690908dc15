import type { VirtualClock } from '../clock/virtual-clock.js';
import type { Store } from '../ports/store.js';

export interface SimulationProgress {
  readonly now: number;
  readonly leadsDone: number;
  readonly leadsTotal: number;
}

/** Virtual time run between two looks at the campaign (for progress and the stop condition). */
const STEP_MS = 60 * 60_000;

/**
 * Runs the engine on the virtual clock (DESIGN §3) until the campaign completes or pauses, nothing is left to
 * happen, or `until` is reached. Every event is processed in time order; a week of calling takes seconds.
 */
export async function runSimulation(deps: {
  readonly clock: VirtualClock;
  readonly store: Store;
  readonly campaignId: string;
  readonly until: number;
  readonly onProgress?: (progress: SimulationProgress) => void;
  /** Called after each step of virtual time, e.g. to commit a group of store transactions. */
  readonly afterStep?: () => void;
}): Promise<void> {
  const { clock, store, campaignId, until } = deps;
  for (;;) {
    const next = clock.nextTaskAt();
    if (next === null || next > until) break;
    await clock.runUntilIdle(Math.min(until, Math.max(next, clock.now()) + STEP_MS));
    deps.afterStep?.();
    const campaign = await store.getCampaign(campaignId);
    // Counting leads reads the whole campaign: only when someone is watching the progress.
    if (deps.onProgress) {
      const report = await store.campaignReport(campaignId);
      deps.onProgress({
        now: clock.now(),
        leadsDone: report.leadsByStatus.completed + report.leadsByStatus.max_retries,
        leadsTotal: Object.values(report.leadsByStatus).reduce((a, b) => a + b, 0),
      });
    }
    if (!campaign || campaign.status === 'completed' || campaign.status === 'paused') break;
  }
}
