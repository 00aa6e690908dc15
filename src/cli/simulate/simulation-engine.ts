import { createSeededRandom } from '../../domain/seeded-random.js';
import type { VirtualClock } from '../../engine/clock/virtual-clock.js';
import { createDialer } from '../../engine/dialer/dialer.js';
import { createIdSource } from '../../engine/ids/id-source.js';
import type { CallProvider } from '../../engine/ports/call-provider.js';
import type { Store } from '../../engine/ports/store.js';
import { createCampaignCommands } from '../../engine/use-cases/campaign-commands.js';
import { createSimulatorProvider } from '../../providers/simulator/simulator-provider.js';
import type { Scenario } from './scenario.js';

/**
 * The engine on a virtual clock with one provider: the real dialer and commands. Ids come from a generator
 * seeded by `seed` and the clock's start, so the same inputs give the same ids on every run.
 */
export function composeVirtualEngine(
  store: Store,
  clock: VirtualClock,
  provider: CallProvider,
  seed: number | string,
) {
  const random = createSeededRandom(`${seed}:${clock.now()}`);
  const ids = createIdSource({ now: () => clock.now(), random: () => random.next() });
  const providers = new Map<string, CallProvider>([[provider.name, provider]]);
  const dialer = createDialer({ store, clock, providers, ids, workerId: ids.next('worker') });
  const commands = createCampaignCommands({ store, clock, ids, providers, dialer });
  return { ids, dialer, commands };
}

/** The engine as `simulate` runs it: the simulator is the only provider (same seed, same outcomes). */
export function composeSimulationEngine(store: Store, clock: VirtualClock, simulator: Scenario['simulator']) {
  const provider = createSimulatorProvider({ clock, seed: simulator.seed, outcomes: simulator.outcomes });
  return composeVirtualEngine(store, clock, provider, simulator.seed);
}
