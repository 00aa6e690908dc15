import { describe } from 'vitest';
import type { Store } from '../../src/engine/ports/store.js';
import { describeBalanceEvents } from './balance-events.js';
import { describeCallEvents } from './call-events.js';
import { describeCallHistory } from './call-history.js';
import { describeCampaignStats } from './campaign-stats.js';
import { describeCatalog } from './catalog.js';
import { describeClaims } from './claims.js';
import { describeCounters } from './counters.js';
import { describeDecisions } from './decisions.js';
import { describeDoNotCall } from './do-not-call.js';
import { describeLeadSearch } from './lead-search.js';
import { describeLifecycle } from './lifecycle.js';
import { describeOptOut } from './opt-out.js';
import { describeOverrides } from './overrides.js';
import { describeReads } from './reads.js';
import { describeReconciliation } from './reconciliation.js';
import { describeSetupAndLeads } from './setup-and-leads.js';

/**
 * The Store port's conformance suite (CONVENTIONS "One conformance suite per port"): every implementation runs
 * exactly these tests. `openStore` must return a fresh, migrated, empty store for each test; `close` releases
 * it (and whatever it was backed by).
 */
export function describeStoreConformance(
  name: string,
  openStore: () => Promise<{ store: Store; close: () => Promise<void> }>,
): void {
  describe(`Store conformance: ${name}`, () => {
    describeSetupAndLeads(openStore);
    describeLifecycle(openStore);
    describeClaims(openStore);
    describeCallEvents(openStore);
    describeDecisions(openStore);
    describeReconciliation(openStore);
    describeOverrides(openStore);
    describeReads(openStore);
    describeLeadSearch(openStore);
    describeCatalog(openStore);
    describeCallHistory(openStore);
    describeCampaignStats(openStore);
    describeCounters(openStore);
    describeBalanceEvents(openStore);
    describeDoNotCall(openStore);
    describeOptOut(openStore);
  });
}
