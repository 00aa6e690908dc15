import { describe, expect, it } from 'vitest';
import { eventsOfServerMessage } from './server-message.js';

const RECEIVED_AT = Date.UTC(2026, 7, 4, 10, 0, 0);
const CALL = {
  id: 'call-1',
  type: 'outboundPhoneCall',
  assistantOverrides: { metadata: { callwrightCallId: 'call_ours', callwrightBooleanVariables: ['booked'] } },
};

const events = (message: object) =>
  eventsOfServerMessage(Buffer.from(JSON.stringify({ message }), 'utf8'), RECEIVED_AT);

describe('eventsOfServerMessage', () => {
  it('turns a status-update into a status event whose id is (call, type, status)', () => {
    expect(
      events({ type: 'status-update', status: 'ringing', timestamp: 1754300000000, call: CALL }),
    ).toEqual({
      ok: true,
      events: [
        {
          type: 'status',
          provider: 'vapi',
          providerCallId: 'call-1',
          eventId: 'call-1:status-update:ringing',
          at: 1754300000000,
          status: 'ringing',
        },
      ],
    });
    const ended = events({
      type: 'status-update',
      status: 'ended',
      endedReason: 'customer-busy',
      call: CALL,
    });
    expect(ended).toMatchObject({
      ok: true,
      events: [{ eventId: 'call-1:status-update:ended', at: RECEIVED_AT, status: 'busy' }],
    });
  });

  it('yields nothing for queued or scheduled (a placed call is already initiated) nor for other messages', () => {
    expect(events({ type: 'status-update', status: 'queued', call: CALL })).toEqual({ ok: true, events: [] });
    expect(events({ type: 'status-update', status: 'not-found', call: CALL })).toEqual({
      ok: true,
      events: [],
    });
    expect(events({ type: 'conversation-update', call: CALL })).toEqual({ ok: true, events: [] });
    expect(events({ type: 'hang', call: CALL })).toEqual({ ok: true, events: [] });
  });

  it('turns an end-of-call report into the terminal status and the variables of the analysis', () => {
    const report = {
      type: 'end-of-call-report',
      endedReason: 'assistant-ended-call',
      analysis: { structuredData: { booked: true, notes: 'Friday' }, successEvaluation: 'false' },
      call: CALL,
    };
    expect(events(report)).toMatchObject({
      ok: true,
      events: [
        {
          type: 'status',
          eventId: 'call-1:end-of-call-report:ended',
          status: 'completed',
          answeredBy: 'human',
        },
        {
          type: 'variables',
          eventId: 'call-1:end-of-call-report:variables',
          variables: { booked: true, notes: 'Friday' },
        },
      ],
    });
  });

  it('falls back to successEvaluation for the one boolean variable the metadata names', () => {
    const report = (analysis: object, call: object = CALL) =>
      events({ type: 'end-of-call-report', endedReason: 'customer-ended-call', analysis, call });
    const variablesOf = (outcome: ReturnType<typeof events>) =>
      outcome.ok ? outcome.events.find((event) => event.type === 'variables') : undefined;
    expect(variablesOf(report({ successEvaluation: 'true' }))).toMatchObject({ variables: { booked: true } });
    expect(variablesOf(report({ structuredData: { notes: '' }, successEvaluation: 'false' }))).toMatchObject({
      variables: { notes: '', booked: false },
    });
    // A rubric other than PassFail does not answer yes or no.
    expect(variablesOf(report({ successEvaluation: '8' }))).toMatchObject({ variables: {} });
    // No metadata (a call not placed by us): no name to give the verdict.
    expect(variablesOf(report({ successEvaluation: 'true' }, { id: 'call-1' }))).toMatchObject({
      variables: {},
    });
    // Analysis skipped (a call too short to analyse): empty variables, so nobody waits for them.
    expect(variablesOf(report({}))).toMatchObject({ variables: {} });
  });

  it('answers malformed for a body that is not a Vapi server message', () => {
    const malformed = { ok: false, reason: 'malformed' };
    expect(eventsOfServerMessage(Buffer.from('not json'), RECEIVED_AT)).toMatchObject(malformed);
    expect(eventsOfServerMessage(Buffer.from('{"type":"status-update"}'), RECEIVED_AT)).toMatchObject(
      malformed,
    );
    expect(events({ type: 'status-update', status: 'ringing' })).toMatchObject({
      ...malformed,
      message: 'the status-update message has no call.id',
    });
  });
});
