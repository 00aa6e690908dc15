import type { IdSource } from '../../engine/ports/ids.js';
import type { Store } from '../../engine/ports/store.js';
import type { Scenario } from './scenario.js';

/** Creates the scenario's account (with its starting balance), caller id, assistant and draft campaign. */
export async function setUpScenario(
  store: Store,
  ids: IdSource,
  scenario: Scenario,
  accountName = 'Simulation',
): Promise<string> {
  const now = scenario.start;
  const accountId = ids.next('acct');
  await store.createAccount({
    id: accountId,
    name: accountName,
    currency: scenario.account.currency,
    balanceMinor: 0,
    reservedMinor: 0,
    minimumStartBalanceMinor: scenario.account.minimumStartBalanceMinor,
    createdAt: now,
  });
  if (scenario.account.balanceMinor !== 0) {
    await store.creditAccount({
      id: ids.next('led'),
      accountId,
      amountMinor: scenario.account.balanceMinor,
      note: 'scenario starting balance',
      now,
    });
  }
  const phoneNumberId = ids.next('pn');
  await store.createPhoneNumber({
    id: phoneNumberId,
    accountId,
    number: scenario.assistant.phoneNumber,
    provider: 'simulator',
    providerRef: null,
    label: null,
    callsPerSecond: scenario.assistant.callsPerSecond,
    createdAt: now,
  });
  const assistantId = ids.next('asst');
  await store.createAssistant({
    id: assistantId,
    accountId,
    name: scenario.assistant.name,
    provider: 'simulator',
    providerAssistantId: null,
    phoneNumberId,
    timezone: scenario.assistant.timezone,
    rate: scenario.assistant.rate,
    maxCallMinutes: scenario.assistant.maxCallMinutes,
    variables: scenario.assistant.variables,
    createdAt: now,
  });
  const campaignId = ids.next('cmp');
  await store.createCampaign({
    id: campaignId,
    accountId,
    assistantId,
    status: 'draft',
    pauseReason: null,
    settings: scenario.campaign,
    createdAt: now,
    startedAt: null,
    endedAt: null,
  });
  return campaignId;
}
