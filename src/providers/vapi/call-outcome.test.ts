import { describe, expect, it } from 'vitest';
import { outcomeOfCallStatus, outcomeOfEndedReason } from './call-outcome.js';

const person = { status: 'completed', answeredBy: 'human' };
const carrier = { status: 'failed', failureReason: 'carrier_error' };
const provider = { status: 'failed', failureReason: 'provider_error' };

describe('outcomeOfEndedReason (reference/provider-apis.md §0.1, §2.2)', () => {
  it.each([
    ['voicemail', { status: 'completed', answeredBy: 'machine' }],
    ['customer-ended-call', person],
    ['customer-ended-call-after-warm-transfer-attempt', person],
    ['assistant-ended-call', person],
    ['assistant-ended-call-with-hangup-task', person],
    ['assistant-said-end-call-phrase', person],
    ['assistant-forwarded-call', person],
    ['silence-timed-out', person],
    ['exceeded-max-duration', person],
    ['call.in-progress.twilio-completed-call', person],
    ['call.in-progress.sip-completed-call', person],
    ['vonage-completed', person],
    ['call.forwarding.operator-busy', person],
    ['customer-busy', { status: 'busy' }],
    ['customer-did-not-answer', { status: 'unanswered' }],
    ['call.in-progress.error-providerfault-outbound-sip-408-request-timeout', { status: 'unanswered' }],
    [
      'call.in-progress.error-providerfault-outbound-sip-480-temporarily-unavailable',
      { status: 'unanswered' },
    ],
    ['twilio-reported-customer-misdialed', { status: 'failed', failureReason: 'invalid_number' }],
    ['twilio-failed-to-connect-call', carrier],
    ['vonage-failed-to-connect-call', carrier],
    ['vonage-rejected', carrier],
    ['call.in-progress.error-sip-outbound-call-failed-to-connect', carrier],
    ['call.in-progress.error-providerfault-outbound-sip-503-service-unavailable', carrier],
    ['call.start.error-subscription-concurrency-limit-reached', provider],
    ['call.start.error-get-assistant', provider],
    ['assistant-not-found', provider],
    ['assistant-join-timed-out', provider],
    ['pipeline-error-openai-llm-failed', provider],
    ['manually-canceled', provider],
    ['worker-shutdown', provider],
    ['a-reason-vapi-adds-next-year', provider],
    ['', provider],
  ])('%s → %o', (endedReason, expected) => {
    expect(outcomeOfEndedReason(endedReason)).toEqual(expected);
  });
});

describe('outcomeOfCallStatus', () => {
  it.each([
    ['scheduled', undefined, { status: 'initiated' }],
    ['queued', undefined, { status: 'initiated' }],
    ['ringing', undefined, { status: 'ringing' }],
    ['in-progress', undefined, { status: 'in_progress' }],
    ['forwarding', undefined, { status: 'in_progress' }],
    ['ended', 'customer-busy', { status: 'busy' }],
    ['ended', undefined, provider],
    ['not-found', undefined, null],
    ['deletion-failed', undefined, null],
  ])('%s (%s) → %o', (status, endedReason, expected) => {
    expect(outcomeOfCallStatus(status, endedReason)).toEqual(expected);
  });
});
