import { describe, expect, it } from 'vitest';
import {
  ACCOUNT_ID,
  ASSISTANT_ID,
  CAMPAIGN_ID,
  GOAL,
  MINUTE,
  SECOND,
  T0,
  assistant,
  createWorld,
  newLead,
  primaryPhone,
  secondaryPhone,
  startCampaign,
  useFreshStore,
  type OpenStore,
} from './fixtures.js';

/**
 * Opt-outs (DESIGN §2.4): a call whose variables report the assistant's opt-out variable as true puts the called
 * number on the account's do-not-call list and stops calling the lead, in the same transaction.
 */
export function describeOptOut(openStore: OpenStore): void {
  describe('opt-out', () => {
    const d = useFreshStore(openStore);
    const entry = (phone: string) => d().store.getDoNotCallEntry(ACCOUNT_ID, phone);
    /** Lead 1's only call goes to voicemail: with onVoicemail on, the lead waits for its next round. */
    const reachVoicemail = async () => {
      await startCampaign(d().store, [newLead(1)]);
      const callId = await d().dial(T0);
      const end = T0 + 40 * SECOND;
      await d().status(callId, 'in_progress', T0 + 10 * SECOND);
      await d().status(callId, 'completed', end, { answeredBy: 'machine' });
      expect((await d().lead(1)).lead.status).toBe('rescheduled');
      return { callId, end };
    };

    it('lists the number and completes a lead waiting for its variables as opted_out', async () => {
      await startCampaign(d().store, [newLead(1)], { settings: { goal: GOAL } });
      const callId = await d().dial(T0);
      const end = await d().answer(callId, T0 + 10 * SECOND, 60);
      await d().variables(callId, { [GOAL]: true, opt_out: true }, end + SECOND);
      expect((await d().lead(1)).lead).toMatchObject({ status: 'completed', completionReason: 'opted_out' });
      expect(await d().call(callId)).toMatchObject({ goal: true, phase: 'settled' });
      expect(await entry(primaryPhone(1))).toEqual({
        accountId: ACCOUNT_ID,
        phone: primaryPhone(1),
        source: 'opt_out',
        note: `opted out on call ${callId}`,
        createdAt: end + SECOND,
      });
      const events = await d().store.listEvents({ campaignId: CAMPAIGN_ID, after: 0, limit: 100 });
      expect(events.filter((e) => e.type === 'lead.status_changed').at(-1)?.payload).toMatchObject({
        from: 'processing',
        to: 'completed',
        reason: 'opted_out',
      });
      expect((await d().campaign()).status).toBe('completed');
    });

    it('stops a lead at once when the opt-out comes during the call: the call finishes, nothing follows', async () => {
      await startCampaign(d().store, [newLead(1, [primaryPhone(1), secondaryPhone(1)])]);
      const callId = await d().dial(T0);
      await d().status(callId, 'in_progress', T0 + 10 * SECOND);
      await d().variables(callId, { opt_out: 'true' }, T0 + 20 * SECOND);
      expect((await d().lead(1)).lead).toMatchObject({ status: 'completed', completionReason: 'opted_out' });
      expect((await d().campaign()).status).toBe('active');

      await d().status(callId, 'busy', T0 + 30 * SECOND);
      expect((await d().lead(1)).lead).toMatchObject({ status: 'completed', completionReason: 'opted_out' });
      expect(await d().call(callId)).toMatchObject({ status: 'busy', phase: 'settled' });
      expect((await d().claim(T0 + 31 * SECOND)).attempts).toEqual([]);
      expect((await d().campaign()).status).toBe('completed');
      expect(await entry(primaryPhone(1))).toMatchObject({ source: 'opt_out' });
      expect(await entry(secondaryPhone(1))).toBeNull();
    });

    it('stops a lead waiting for its next round', async () => {
      const { callId, end } = await reachVoicemail();
      await d().variables(callId, { opt_out: true }, end + MINUTE);
      expect((await d().lead(1)).lead).toMatchObject({
        status: 'completed',
        completionReason: 'opted_out',
        nextAttemptAt: null,
      });
      expect((await d().claim(end + 61 * MINUTE)).attempts).toEqual([]);
      expect((await d().campaign()).status).toBe('completed');
    });

    it('leaves a lead that already finished as it is, and still lists the number', async () => {
      await startCampaign(d().store, [newLead(1)]);
      const callId = await d().dial(T0);
      const end = await d().answer(callId, T0 + 10 * SECOND, 30);
      await d().variables(callId, { opt_out: true }, end + MINUTE);
      expect((await d().lead(1)).lead).toMatchObject({ status: 'completed', completionReason: 'answered' });
      expect(await entry(primaryPhone(1))).toMatchObject({ source: 'opt_out' });
    });

    it("reads the assistant's own opt-out variable, and none when it has none", async () => {
      const { callId, end } = await reachVoicemail();
      await d().store.updateAssistant({ ...assistant(), optOutVariable: 'unsubscribe' });
      await d().variables(callId, { opt_out: true }, end + SECOND);
      expect((await d().lead(1)).lead.status).toBe('rescheduled');
      expect(await entry(primaryPhone(1))).toBeNull();

      await d().store.updateAssistant({ ...assistant(), optOutVariable: null });
      await d().variables(callId, { unsubscribe: true }, end + 2 * SECOND);
      expect((await d().lead(1)).lead.status).toBe('rescheduled');
      expect(await entry(primaryPhone(1))).toBeNull();

      await d().store.updateAssistant({ ...assistant(), optOutVariable: 'unsubscribe' });
      await d().variables(callId, { unsubscribe: true }, end + 3 * SECOND);
      expect((await d().lead(1)).lead).toMatchObject({ status: 'completed', completionReason: 'opted_out' });
      expect(await entry(primaryPhone(1))).toMatchObject({ source: 'opt_out' });
    });

    it('gives an assistant created without an opt-out variable the default one, and keeps null as none', async () => {
      const { store } = d();
      await createWorld(store);
      const { optOutVariable: given, ...withoutOne } = assistant();
      await store.createAssistant({ ...withoutOne, id: 'asst_0002' });
      await store.createAssistant({ ...withoutOne, id: 'asst_0003', optOutVariable: null });
      expect((await store.getAssistant('asst_0002'))?.optOutVariable).toBe('opt_out');
      expect((await store.getAssistant('asst_0003'))?.optOutVariable).toBeNull();
      expect((await store.getAssistant(ASSISTANT_ID))?.optOutVariable).toBe(given);
    });
  });
}
