import { describe, expect, it } from 'vitest';
import { createCampaign, useApi } from './api-harness.js';
import type { Page } from './fixtures.js';

/**
 * `POST /v1/campaigns/{id}/leads` with a full batch: its numbers are validated on the phone validation pool's
 * worker threads, and every lead left out is reported by its place in the request.
 */

const ON_DO_NOT_CALL_LIST = '+12125550104';
const ALREADY_IN_CAMPAIGN = '+12125550100';

/** 1,000 leads with distinct valid numbers, every tenth written in national format. */
function fullBatch(): { phone: string; secondaryPhones?: string[]; name: string }[] {
  return Array.from({ length: 1_000 }, (_, i) => {
    const line = String(i).padStart(4, '0');
    return { phone: i % 10 === 0 ? `(212) 300-${line}` : `+1212300${line}`, name: `Lead ${i}` };
  });
}

describe('adding a full batch of leads', () => {
  const api = useApi();

  it('adds the callable leads in order and reports the rest by their index in the request', async () => {
    const { key } = await api().account();
    const { campaignId } = await createCampaign(api(), key);
    const path = `/v1/campaigns/${campaignId}/leads`;
    await api().call('POST', '/v1/dnc', { key, body: { phones: [ON_DO_NOT_CALL_LIST, '(212) 555-0103'] } });
    await api().call('POST', path, { key, body: { leads: [{ phone: ALREADY_IN_CAMPAIGN, name: 'First' }] } });

    const leads = fullBatch();
    leads[10]!.phone = 'not a number';
    leads[20]!.secondaryPhones = ['12'];
    leads[30]!.phone = ALREADY_IN_CAMPAIGN;
    leads[41]!.phone = leads[40]!.phone;
    // After the invalid leads 10 and 20: the store numbers these 48 and 58 among the leads it was given.
    leads[50]!.phone = '212.555.0104';
    leads[60]!.phone = '(212) 555-0103';
    const added = await api().call('POST', path, { key, body: { leads } });

    expect(added.status).toBe(200);
    expect(added.body).toEqual({
      created: 994,
      duplicates: [
        { index: 30, phone: ALREADY_IN_CAMPAIGN },
        { index: 41, phone: '+12123000040' },
      ],
      suppressed: [
        { index: 50, phone: ON_DO_NOT_CALL_LIST },
        { index: 60, phone: '+12125550103' },
      ],
      invalid: [
        { index: 10, field: 'phone', message: '"not a number" is not a phone number' },
        { index: 20, field: 'secondaryPhones[0]', message: '"12" is too short' },
      ],
    });
    const listed = await api().call<Page<{ name: string }>>('GET', `${path}?limit=1000`, { key });
    const left = new Set([10, 20, 30, 41, 50, 60]);
    expect(listed.body.data.map((lead) => lead.name)).toEqual([
      'First',
      ...leads.filter((_, i) => !left.has(i)).map((lead) => lead.name),
    ]);
  });
});
