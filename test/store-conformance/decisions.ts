import { describe, expect, it } from 'vitest';
import {
  CAMPAIGN_ID,
  GOAL,
  MINUTE,
  SECOND,
  T0,
  contactId,
  newLead,
  primaryPhone,
  secondaryPhone,
  startCampaign,
  useFreshStore,
  type OpenStore,
} from './fixtures.js';

const HOUR = 60 * MINUTE;

/** The decision table of DESIGN §2.6, played through the store's events and claims. */
export function describeDecisions(openStore: OpenStore): void {
  describe('after a call (DESIGN §2.6)', () => {
    const d = useFreshStore(openStore);
    const twoNumbers = newLead(1, [primaryPhone(1), secondaryPhone(1)]);

    it.each([
      [true, 'goal_achieved'],
      [false, 'answered'],
    ] as const)('waits for the goal variable, then completes (goal %s → %s)', async (goal, reason) => {
      await startCampaign(d().store, [newLead(1)], { settings: { goal: GOAL } });
      const callId = await d().dial(T0);
      const end = await d().answer(callId, T0 + 10 * SECOND, 90);
      expect((await d().lead(1)).lead.status).toBe('processing');
      expect((await d().call(callId)).phase).toBe('awaiting_variables');
      // The slot and the reservation are free while the lead waits.
      expect((await d().store.campaignReport(CAMPAIGN_ID)).inFlight).toBe(0);
      expect((await d().account()).reservedMinor).toBe(0);

      expect(await d().variables(callId, { [GOAL]: goal }, end + 5 * SECOND)).toMatchObject({
        applied: true,
      });
      expect((await d().lead(1)).lead).toMatchObject({ status: 'completed', completionReason: reason });
      expect(await d().call(callId)).toMatchObject({ goal, variables: { [GOAL]: goal }, phase: 'settled' });
    });

    it('completes an answered lead at once when the campaign has no goal', async () => {
      await startCampaign(d().store, [newLead(1)]);
      const callId = await d().dial(T0);
      await d().answer(callId, T0 + 10 * SECOND, 30);
      expect((await d().lead(1)).lead).toMatchObject({ status: 'completed', completionReason: 'answered' });
    });

    it('dials the secondary at once after a busy primary', async () => {
      await startCampaign(d().store, [twoNumbers]);
      const callId = await d().dial(T0);
      const end = T0 + 5 * SECOND;
      await d().status(callId, 'busy', end);
      expect((await d().lead(1)).lead).toMatchObject({
        status: 'scheduled',
        nextAttemptAt: end,
        nextContactId: contactId(1, 1),
      });
      const next = await d().claimOne(end);
      expect(next.request).toMatchObject({ to: secondaryPhone(1), attempt: 1 });
    });

    it('with untilGoal, a goal not met ends the round: next round after the interval, first contact again', async () => {
      await startCampaign(d().store, [twoNumbers], { settings: { goal: GOAL, retry: { untilGoal: true } } });
      const busy = await d().dial(T0);
      await d().status(busy, 'busy', T0 + 5 * SECOND);
      const answered = await d().dial(T0 + 5 * SECOND);
      const end = await d().answer(answered, T0 + 15 * SECOND, 60);
      await d().variables(answered, { [GOAL]: false }, end + SECOND);
      expect((await d().lead(1)).lead).toMatchObject({
        status: 'rescheduled',
        nextAttemptAt: end + HOUR,
        nextContactId: contactId(1, 0),
        completionReason: null,
      });
      expect((await d().claim(end + HOUR - 1)).attempts).toEqual([]);
      expect((await d().claimOne(end + HOUR)).request).toMatchObject({ to: primaryPhone(1), attempt: 2 });
    });

    it('completes on voicemail when onVoicemail is off, and retries it when on', async () => {
      await startCampaign(d().store, [newLead(1), newLead(2)], {
        settings: { retry: { onVoicemail: false } },
      });
      const callId = await d().dial(T0);
      await d().answer(callId, T0 + 15 * SECOND, 30, 'machine');
      expect((await d().lead(1)).lead).toMatchObject({ status: 'completed', completionReason: 'voicemail' });
      expect((await d().lead(1)).contacts[0]?.lastResult).toBe('voicemail');

      const settings = (await d().campaign()).settings;
      await d().store.updateCampaignSettings(
        CAMPAIGN_ID,
        { ...settings, retry: { ...settings.retry, onVoicemail: true } },
        T0 + MINUTE,
      );
      const second = await d().dial(T0 + MINUTE);
      const end = await d().answer(second, T0 + MINUTE + 15 * SECOND, 30, 'machine');
      expect((await d().lead(2)).lead).toMatchObject({ status: 'rescheduled', nextAttemptAt: end + HOUR });
    });

    it('kills an invalid number for the campaign and never dials it again', async () => {
      await startCampaign(d().store, [twoNumbers]);
      const first = await d().dial(T0);
      await d().status(first, 'failed', T0 + SECOND, { failureReason: 'invalid_number' });
      const { lead, contacts } = await d().lead(1);
      expect(contacts.map((c) => c.dead)).toEqual([true, false]);
      expect(lead).toMatchObject({ status: 'scheduled', nextContactId: contactId(1, 1) });

      const second = await d().dial(T0 + SECOND);
      await d().status(second, 'busy', T0 + 10 * SECOND);
      expect((await d().lead(1)).lead).toMatchObject({
        status: 'rescheduled',
        nextAttemptAt: T0 + 10 * SECOND + HOUR,
        nextContactId: contactId(1, 1),
      });
      const third = await d().claimOne(T0 + 10 * SECOND + HOUR);
      expect(third.request).toMatchObject({ to: secondaryPhone(1), attempt: 2 });
      expect((await d().lead(1)).contacts.map((c) => c.attempts)).toEqual([1, 2]);
    });

    it('ends a lead whose only number is invalid as max_retries', async () => {
      await startCampaign(d().store, [newLead(1), newLead(2)]);
      const callId = await d().dial(T0);
      await d().status(callId, 'failed', T0 + SECOND, { failureReason: 'invalid_number' });
      expect((await d().lead(1)).lead).toMatchObject({ status: 'max_retries', nextAttemptAt: null });
    });

    it('ends a lead at max_retries after its last attempt, completing the campaign', async () => {
      await startCampaign(d().store, [newLead(1)], {
        settings: { retry: { maxRetries: 2, intervalMinutes: 10 } },
      });
      const first = await d().dial(T0);
      await d().status(first, 'unanswered', T0 + 30 * SECOND);
      expect((await d().lead(1)).lead).toMatchObject({
        status: 'rescheduled',
        nextAttemptAt: T0 + 30 * SECOND + 10 * MINUTE,
      });
      const second = await d().dial(T0 + 30 * SECOND + 10 * MINUTE);
      const end = T0 + 60 * SECOND + 10 * MINUTE;
      await d().status(second, 'busy', end);
      expect((await d().lead(1)).lead).toMatchObject({ status: 'max_retries', nextAttemptAt: null });
      expect((await d().lead(1)).contacts[0]?.attempts).toBe(2);
      expect(await d().campaign()).toMatchObject({ status: 'completed', endedAt: end });
      expect((await d().eventTypes()).filter((t) => t === 'campaign.completed')).toHaveLength(1);
      expect(await d().claim(end + HOUR)).toMatchObject({ attempts: [], blocked: 'not_active' });
    });

    it('completes the campaign only when the last lead is done and nothing is in flight', async () => {
      await startCampaign(d().store, [newLead(1), newLead(2)]);
      const a = await d().dial(T0);
      const b = await d().dial(T0);
      await d().answer(a, T0 + 10 * SECOND, 30);
      expect((await d().campaign()).status).toBe('active');
      const end = await d().answer(b, T0 + 10 * SECOND, 45);
      expect(await d().campaign()).toMatchObject({ status: 'completed', endedAt: end });
      expect((await d().eventTypes()).slice(-1)).toEqual(['campaign.completed']);
      expect(await d().store.listActiveCampaignIds()).toEqual([]);
    });
  });
}
