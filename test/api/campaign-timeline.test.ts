import { describe, expect, it } from 'vitest';
import { createCampaign, useApi } from './api-harness.js';
import { advanceClock, expectProblem } from './fixtures.js';

/** `GET /v1/campaigns/{id}/stats/timeline`: a campaign's calls counted by the hour or the local day. */
describe("a campaign's calls over time", () => {
  const api = useApi();

  it('counts calls by UTC hour and by local day, with how they ended', async () => {
    const { key } = await api().account();
    const { campaignId } = await createCampaign(api(), key, { goal: { variable: 'appointment_booked' } });
    // Simulator numbers: goal met, voicemail, busy (DESIGN §6).
    const phones = ['+12125550100', '+12125550102', '+12125550103'];
    await api().call('POST', `/v1/campaigns/${campaignId}/leads`, {
      key,
      body: { leads: phones.map((phone) => ({ phone })) },
    });
    await api().call('POST', `/v1/campaigns/${campaignId}/start`, { key });
    await advanceClock(api(), 5);
    const path = `/v1/campaigns/${campaignId}/stats/timeline`;

    const byHour = await api().call('GET', path, { key });
    expect(byHour.status).toBe(200);
    const counts = {
      calls: 3,
      answered: 1,
      voicemail: 1,
      goalAchieved: 1,
      byStatus: expect.objectContaining({ completed: 2, busy: 1 }),
    };
    // The harness's clock starts on Friday 2026-03-06 at 14:00 in New York (EST, UTC-5).
    expect(byHour.body).toEqual({
      bucket: 'hour',
      timezone: 'America/New_York',
      buckets: [{ start: '2026-03-06T19:00:00.000Z', ...counts }],
    });
    const byDay = await api().call('GET', `${path}?bucket=day`, { key });
    expect(byDay.body.buckets).toEqual([{ start: '2026-03-06T05:00:00.000Z', ...counts }]);
  });

  it('refuses an unknown bucket, naming what is allowed', async () => {
    const { key } = await api().account();
    const { campaignId } = await createCampaign(api(), key);
    const response = await api().call('GET', `/v1/campaigns/${campaignId}/stats/timeline?bucket=week`, {
      key,
    });
    expect(expectProblem(response, 422, 'validation_failed', 'bucket').errors![0]!.message).toMatch(
      /hour.*day/,
    );
  });
});
