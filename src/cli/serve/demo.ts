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

interface DemoDeps {
  store: Store;
  access: AccessStore;
  ids: IdSource;
  clock: Clock;
  commands: CampaignCommands;
}

/** The label of the demo account's sign-in key: it marks the account as the one `--demo` made. */
const DEMO_KEY_LABEL = 'demo';

/**
 * `serve --demo` on an empty database: the example scenario's account (with its credit), simulator caller id,
 * assistant and draft campaign, filled with the example leads, plus an API key for the account. A new user
 * goes from clone to a campaign they can start with one request. On a database the demo made, every start issues
 * a fresh sign-in key (revoking the last one), so `npm start` always prints a link that works: keys are stored
 * hashed and cannot be shown again. Returns null on a database the demo did not make.
 */
export async function setUpDemo(deps: DemoDeps): Promise<{ campaignId: string; apiKey: string } | null> {
  const { store, ids } = deps;
  const [firstCampaignId] = await store.listCampaignIds();
  if (firstCampaignId !== undefined) return renewDemoKey(deps, firstCampaignId);
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
  return { campaignId, apiKey: await issueDemoKey(deps, campaign.accountId) };
}

/** A new sign-in key for the demo account, when the demo made the database's first campaign; else null. */
async function renewDemoKey(deps: DemoDeps, campaignId: string) {
  const { accountId } = (await deps.store.getCampaign(campaignId))!;
  const demoKeys = (await deps.access.listApiKeys(accountId)).filter(
    (key) => key.label === DEMO_KEY_LABEL && key.revokedAt === null,
  );
  if (demoKeys.length === 0) return null;
  for (const key of demoKeys) await deps.access.revokeApiKey(key.id, deps.clock.now());
  return { campaignId, apiKey: await issueDemoKey(deps, accountId) };
}

async function issueDemoKey(deps: DemoDeps, accountId: string): Promise<string> {
  const key = newApiKey('account');
  await deps.access.createApiKey({
    id: deps.ids.next('key'),
    accountId,
    keyHash: key.hash,
    prefix: key.prefix,
    label: DEMO_KEY_LABEL,
    createdAt: deps.clock.now(),
    revokedAt: null,
  });
  return key.key;
}
