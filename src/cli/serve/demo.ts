import { join } from 'node:path';
import { newApiKey } from '../../api/http/auth.js';
import { WEEKDAYS } from '../../domain/calling-window.js';
import type { AccessStore } from '../../engine/ports/access-store.js';
import type { Clock } from '../../engine/ports/clock.js';
import type { IdSource } from '../../engine/ports/ids.js';
import type { Store } from '../../engine/ports/store.js';
import type { CampaignCommands } from '../../engine/use-cases/campaign-commands.js';
import { packageRoot } from '../package-root.js';
import { importLeads, loadScenario } from '../simulate/scenario-files.js';
import { setUpScenario } from '../simulate/set-up-scenario.js';

/**
 * `serve --demo` on an empty database: the example scenario's account (with its credit), simulator caller id,
 * assistant and draft campaign, filled with the example leads, plus an API key for the account. A new user
 * goes from clone to a campaign they can start with one request. Returns null when the database has data.
 */
export async function setUpDemo(deps: {
  store: Store;
  access: AccessStore;
  ids: IdSource;
  clock: Clock;
  commands: CampaignCommands;
}): Promise<{ campaignId: string; apiKey: string } | null> {
  const { store, ids } = deps;
  if ((await store.listCampaignIds()).length > 0) return null;
  const examples = join(packageRoot(), 'examples');
  const scenario = await loadScenario(join(examples, 'scenario.json'));
  // The example's Mon–Fri 09:00–18:00 is what a real campaign looks like, but a first-time user starting the demo
  // in their evening would see nothing happen: the demo campaign may call at any hour (edit it in the dashboard).
  const demoScenario = {
    ...scenario,
    start: deps.clock.now(),
    campaign: { ...scenario.campaign, schedule: { startTime: '00:00', endTime: '24:00', days: WEEKDAYS } },
  };
  const campaignId = await setUpScenario(store, ids, demoScenario, 'Demo');
  await importLeads(join(examples, 'leads.csv'), scenario, (batch) =>
    deps.commands.addLeads(campaignId, batch),
  );
  const campaign = (await store.getCampaign(campaignId))!;
  const key = newApiKey('account');
  await deps.access.createApiKey({
    id: ids.next('key'),
    accountId: campaign.accountId,
    keyHash: key.hash,
    prefix: key.prefix,
    label: 'demo',
    createdAt: deps.clock.now(),
    revokedAt: null,
  });
  return { campaignId, apiKey: key.key };
}
