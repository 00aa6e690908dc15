import { parseScenario, type Scenario } from '../../src/cli/simulate/scenario.js';
import { setUpScenario } from '../../src/cli/simulate/set-up-scenario.js';
import { createSeededRandom } from '../../src/domain/seeded-random.js';
import { createVirtualClock, type VirtualClock } from '../../src/engine/clock/virtual-clock.js';
import type { Dialer } from '../../src/engine/dialer/dialer.js';
import { createIdSource } from '../../src/engine/ids/id-source.js';
import type { CallProvider } from '../../src/engine/ports/call-provider.js';
import type { Store } from '../../src/engine/ports/store.js';
import type { CampaignCommands } from '../../src/engine/use-cases/campaign-commands.js';
import { composeVirtualEngine } from '../../src/cli/simulate/simulation-engine.js';
import { createSimulatorProvider } from '../../src/providers/simulator/simulator-provider.js';
import { createSqliteStore, openSqliteDatabase } from '../../src/store/sqlite/sqlite-store.js';

/** Friday 16:30 in New York: inside the default 09:00–18:00 weekday window. */
export const FRIDAY_1630_NY = '2026-03-06T16:30:00-05:00';

export interface EngineHarness {
  readonly store: Store;
  readonly clock: VirtualClock;
  readonly dialer: Dialer;
  readonly commands: CampaignCommands;
  readonly campaignId: string;
  readonly scenario: Scenario;
  /** A second engine on the same store, as after a restart (the first one is simply dropped). */
  restart(makeProvider: (clock: VirtualClock) => CallProvider, at: number): EngineHarness;
}

/** Opens a fresh, empty store for one harness; whoever gives it closes it when the test is done. */
export type OpenHarnessStore = () => Promise<Store>;

const openMemoryStore: OpenHarnessStore = () =>
  Promise.resolve(createSqliteStore(openSqliteDatabase(':memory:')));

/**
 * The production composition on an in-memory SQLite store (or `openStore`'s) and a virtual clock, with the provider under test
 * (the simulator by default). `scenario` overrides the example scenario's fields.
 */
export async function createEngineHarness(
  options: {
    /** The store to run on (default: a new in-memory SQLite store). */
    openStore?: OpenHarnessStore;
    scenario?: Record<string, unknown>;
    provider?: (clock: VirtualClock) => CallProvider;
    phones?: readonly (readonly string[])[];
  } = {},
): Promise<EngineHarness> {
  const parsed = parseScenario({ start: FRIDAY_1630_NY, ...options.scenario });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
  const scenario = parsed.value;
  const store = await (options.openStore ?? openMemoryStore)();
  const compose = (clock: VirtualClock, provider: CallProvider, campaignId: string): EngineHarness => {
    const { dialer, commands } = composeVirtualEngine(store, clock, provider, 'harness');
    return {
      store,
      clock,
      dialer,
      commands,
      campaignId,
      scenario,
      restart: (makeProvider, at) => {
        const next = createVirtualClock(at);
        return compose(next, makeProvider(next), campaignId);
      },
    };
  };
  const clock = createVirtualClock(scenario.start);
  const provider =
    options.provider?.(clock) ?? createSimulatorProvider({ clock, seed: scenario.simulator.seed });
  const random = createSeededRandom('setup');
  const setupIds = createIdSource({ now: () => clock.now(), random: () => random.next() });
  const campaignId = await setUpScenario(store, setupIds, scenario);
  const harness = compose(clock, provider, campaignId);
  const phones = options.phones ?? [['+12125550100']];
  await harness.commands.addLeads(
    campaignId,
    phones.map((numbers, i) => ({ name: `Lead ${i + 1}`, externalId: null, fields: {}, phones: numbers })),
  );
  return harness;
}
