import { describe, expect, it } from 'vitest';
import { createVirtualClock } from '../../engine/clock/virtual-clock.js';
import { ProviderError } from '../../engine/ports/call-provider.js';
import type {
  PlaceCallRequest,
  ProviderCallEvent,
  ProviderStatusEvent,
} from '../../engine/ports/call-provider.js';
import {
  DEFAULT_SIMULATOR_OUTCOMES,
  ENDED_CALL_RETENTION_MS,
  createSimulatorProvider,
} from './simulator-provider.js';
import type { SimulatorOptions } from './simulator-provider.js';

const T0 = Date.UTC(2025, 0, 6, 15, 0, 0);
const SECOND = 1000;
const WEEK = 7 * 24 * 60 * 60 * SECOND;

const ASSISTANT: PlaceCallRequest['assistant'] = {
  id: 'asst_1',
  providerAssistantId: null,
  maxCallMinutes: 30,
  variables: [
    { name: 'interested', type: 'boolean' },
    { name: 'notes', type: 'string' },
    { name: 'booked', type: 'boolean' },
    { name: 'budget', type: 'number' },
  ],
};

function request(overrides: Partial<PlaceCallRequest> = {}): PlaceCallRequest {
  return {
    callId: 'call_1',
    idempotencyKey: 'lead_1:contact_1:1',
    assistant: ASSISTANT,
    from: '+14155550000',
    fromProviderRef: null,
    to: '+14155559876',
    attempt: 1,
    variables: { name: 'Ada' },
    ...overrides,
  };
}

function setup(options: Partial<Omit<SimulatorOptions, 'clock'>> = {}, start = T0) {
  const clock = createVirtualClock(start);
  const provider = createSimulatorProvider({ clock, seed: 42, ...options });
  const events: ProviderCallEvent[] = [];
  const deliveredAt: number[] = [];
  provider.subscribe!((event) => {
    events.push(event);
    deliveredAt.push(clock.now());
    return Promise.resolve();
  });
  return { clock, provider, events, deliveredAt };
}

/** A status event of call `call_1` placed at T0, `offset` seconds in. */
function status(offset: number, value: ProviderStatusEvent['status'], extra: object = {}) {
  return {
    type: 'status',
    provider: 'simulator',
    providerCallId: 'sim_call_1',
    eventId: `sim_call_1:${value}`,
    at: T0 + offset * SECOND,
    status: value,
    ...extra,
  };
}

function variables(offset: number, goal: boolean) {
  return {
    type: 'variables',
    provider: 'simulator',
    providerCallId: 'sim_call_1',
    eventId: 'sim_call_1:variables',
    at: T0 + offset * SECOND,
    variables: { interested: goal, notes: '', booked: goal, budget: 0 },
  };
}

const HUMAN_GOAL_MET = [
  status(0, 'ringing'),
  status(10, 'in_progress', { answeredBy: 'human' }),
  status(100, 'completed', { answeredBy: 'human', billedSeconds: 90 }),
  variables(102, true),
];
const HUMAN_GOAL_NOT_MET = [...HUMAN_GOAL_MET.slice(0, 3), variables(102, false)];
const UNANSWERED = [status(0, 'ringing'), status(30, 'unanswered')];

describe('simulator magic numbers', () => {
  const cases: { xy: string; attempt: number; expected: object[] }[] = [
    { xy: '00', attempt: 1, expected: HUMAN_GOAL_MET },
    { xy: '01', attempt: 1, expected: HUMAN_GOAL_NOT_MET },
    {
      xy: '02',
      attempt: 1,
      expected: [
        status(0, 'ringing'),
        status(15, 'in_progress', { answeredBy: 'machine' }),
        status(45, 'completed', { answeredBy: 'machine', billedSeconds: 30 }),
      ],
    },
    { xy: '03', attempt: 1, expected: [status(3, 'busy')] },
    { xy: '04', attempt: 1, expected: UNANSWERED },
    {
      xy: '05',
      attempt: 1,
      expected: [status(1, 'failed', { failureReason: 'carrier_error' })],
    },
    {
      xy: '06',
      attempt: 1,
      expected: [status(1, 'failed', { failureReason: 'invalid_number' })],
    },
    { xy: '07', attempt: 1, expected: UNANSWERED },
    { xy: '07', attempt: 2, expected: HUMAN_GOAL_MET },
    { xy: '07', attempt: 5, expected: HUMAN_GOAL_MET },
    { xy: '08', attempt: 1, expected: HUMAN_GOAL_NOT_MET },
    { xy: '08', attempt: 2, expected: HUMAN_GOAL_MET },
    { xy: '08', attempt: 3, expected: HUMAN_GOAL_MET },
    {
      xy: '09',
      attempt: 1,
      expected: [status(0, 'ringing'), status(10, 'in_progress', { answeredBy: 'human' })],
    },
    // Every attempt behaves the same unless stated.
    { xy: '00', attempt: 3, expected: HUMAN_GOAL_MET },
    { xy: '03', attempt: 2, expected: [status(3, 'busy')] },
  ];

  it.each(cases)('$xy on attempt $attempt', async ({ xy, attempt, expected }) => {
    for (const npa of ['415', '212', '907']) {
      const { clock, provider, events, deliveredAt } = setup();
      const placed = await provider.placeCall(request({ to: `+1${npa}55501${xy}`, attempt }));
      expect(placed).toEqual({ providerCallId: 'sim_call_1' });
      expect(events).toEqual([]);
      await clock.runUntil(T0 + WEEK);
      expect(events).toStrictEqual(expected);
      // Each event is delivered at its own instant, and nothing is left pending.
      expect(deliveredAt).toEqual(events.map((event) => event.at));
      expect(clock.nextTaskAt()).toBeNull();
    }
  });

  it('reports every boolean variable and plausible values for the others', async () => {
    const { clock, provider, events } = setup();
    const assistant = {
      ...ASSISTANT,
      variables: [
        { name: '__proto__', type: 'boolean' },
        { name: 'count', type: 'number' },
      ] as const,
    };
    await provider.placeCall(request({ to: '+13035550100', assistant }));
    await clock.runUntil(T0 + WEEK);
    const last = events.at(-1);
    expect(last?.type).toBe('variables');
    const reported = last?.type === 'variables' ? last.variables : {};
    expect(Object.keys(reported)).toEqual(['__proto__', 'count']);
    expect(Object.getOwnPropertyDescriptor(reported, '__proto__')?.value).toBe(true);
    expect(reported['count']).toBe(0);
  });

  it('reports an empty variables object for an assistant without variables', async () => {
    const { clock, provider, events } = setup();
    await provider.placeCall(request({ to: '+13035550101', assistant: { ...ASSISTANT, variables: [] } }));
    await clock.runUntil(T0 + WEEK);
    expect(events.at(-1)).toStrictEqual({ ...variables(102, false), variables: {} });
  });

  it('keeps exact magic timings whatever the assistant maximum call length', async () => {
    const { clock, provider, events } = setup();
    await provider.placeCall(request({ to: '+13035550100', assistant: { ...ASSISTANT, maxCallMinutes: 1 } }));
    await clock.runUntil(T0 + WEEK);
    expect(events).toStrictEqual(HUMAN_GOAL_MET);
  });

  it('draws an outcome for 555-0110..0199 and for numbers that only look similar', async () => {
    for (const to of ['+14155550110', '+14155550199', '+441555501000', '+1415555010']) {
      const reference = setup();
      await reference.provider.placeCall(request({ to: '+14155559876' }));
      await reference.clock.runUntil(T0 + WEEK);
      const { clock, provider, events } = setup();
      await provider.placeCall(request({ to }));
      await clock.runUntil(T0 + WEEK);
      // The draw depends on seed + idempotency key only, so it equals the one of an ordinary number.
      expect(events).toStrictEqual(reference.events);
    }
  });
});

/** A call's events relative to its placing instant and without its ids, to compare calls with each other. */
function shape(events: readonly ProviderCallEvent[], t0: number): object[] {
  return events.map(({ providerCallId: _id, eventId: _eventId, ...rest }) => ({ ...rest, at: rest.at - t0 }));
}

async function outcomesByKey(seed: number, keys: readonly string[], start = T0) {
  const { clock, provider, events } = setup({ seed }, start);
  for (const [index, key] of keys.entries()) {
    await provider.placeCall(request({ callId: `c${index}`, idempotencyKey: key }));
  }
  await clock.runUntil(start + WEEK);
  const byKey = new Map<string, object[]>();
  for (const [index, key] of keys.entries()) {
    byKey.set(
      key,
      shape(
        events.filter((event) => event.providerCallId === `sim_c${index}`),
        start,
      ),
    );
  }
  return byKey;
}

describe('simulator determinism', () => {
  const keys = Array.from({ length: 200 }, (_, i) => `lead_${i}:contact_1:1`);

  it('gives the same outcome for the same seed and attempt, whatever the order and time of placing', async () => {
    const first = await outcomesByKey(7, keys);
    const reversed = await outcomesByKey(7, [...keys].reverse(), T0 + 3 * WEEK);
    const someOnly = await outcomesByKey(
      7,
      keys.filter((_, i) => i % 3 === 0),
    );
    for (const key of keys) expect(reversed.get(key)).toEqual(first.get(key));
    for (const [key, outcome] of someOnly) expect(outcome).toEqual(first.get(key));
  });

  it('gives other outcomes for other seeds and other attempts', async () => {
    const seed7 = await outcomesByKey(7, keys);
    const seed8 = await outcomesByKey(8, keys);
    const nextAttempt = await outcomesByKey(
      7,
      keys.map((key) => key.replace(/:1$/, ':2')),
    );
    const differentFromSeed8 = keys.filter(
      (key) => JSON.stringify(seed7.get(key)) !== JSON.stringify(seed8.get(key)),
    );
    expect(differentFromSeed8.length).toBeGreaterThan(150);
    const differentAttempt = keys.filter(
      (key) => JSON.stringify(seed7.get(key)) !== JSON.stringify(nextAttempt.get(key.replace(/:1$/, ':2'))),
    );
    expect(differentAttempt.length).toBeGreaterThan(150);
  });
});

describe('simulator drawn outcomes', () => {
  it('follows the default rates and ranges over 10,000 calls', async () => {
    const { clock, provider, events } = setup({ seed: 2025 });
    const calls = 10_000;
    for (let i = 0; i < calls; i++) {
      await provider.placeCall(request({ callId: `c${i}`, idempotencyKey: `lead_${i}:contact_1:1` }));
    }
    await clock.runUntil(T0 + WEEK);
    expect(clock.nextTaskAt()).toBeNull();

    const answered = new Map<string, number>();
    const counts = { human: 0, machine: 0, busy: 0, failed: 0, unanswered: 0, goal: 0 };
    for (const event of events) {
      if (event.type === 'variables') {
        const goal = event.variables['interested'];
        expect(event.variables['booked']).toBe(goal);
        expect(event.variables['notes']).toBe('');
        if (goal === true) counts.goal++;
        continue;
      }
      const at = event.at - T0;
      switch (event.status) {
        case 'ringing':
          expect(at).toBe(0);
          break;
        case 'in_progress':
          expect(at).toBeGreaterThanOrEqual(5 * SECOND);
          expect(at).toBeLessThanOrEqual(30 * SECOND);
          expect(at % SECOND).toBe(0);
          answered.set(event.providerCallId, event.at);
          break;
        case 'completed': {
          const billed = event.billedSeconds!;
          expect((event.at - answered.get(event.providerCallId)!) / SECOND).toBe(billed);
          if (event.answeredBy === 'human') {
            counts.human++;
            expect(billed).toBeGreaterThanOrEqual(30);
            expect(billed).toBeLessThanOrEqual(300);
          } else {
            counts.machine++;
            expect(event.answeredBy).toBe('machine');
            expect(billed).toBeGreaterThanOrEqual(15);
            expect(billed).toBeLessThanOrEqual(45);
          }
          break;
        }
        case 'busy':
          counts.busy++;
          expect(at).toBe(3 * SECOND);
          break;
        case 'failed':
          counts.failed++;
          expect(event.failureReason).toBe('carrier_error');
          expect(at).toBe(1 * SECOND);
          break;
        case 'unanswered':
          counts.unanswered++;
          expect(at).toBe(30 * SECOND);
          break;
        case 'initiated':
          expect.fail('the simulator sends no initiated event: the engine writes every call as initiated');
      }
    }
    const share = (count: number) => count / calls;
    expect(share(counts.human)).toBeCloseTo(0.35, 1);
    expect(Math.abs(share(counts.human) - 0.35)).toBeLessThan(0.02);
    expect(Math.abs(share(counts.machine) - 0.2)).toBeLessThan(0.02);
    expect(Math.abs(share(counts.busy) - 0.1)).toBeLessThan(0.015);
    expect(Math.abs(share(counts.failed) - 0.05)).toBeLessThan(0.01);
    expect(Math.abs(share(counts.unanswered) - 0.3)).toBeLessThan(0.02);
    expect(Math.abs(counts.goal / counts.human - 0.3)).toBeLessThan(0.03);
    expect(counts.human + counts.machine + counts.busy + counts.failed + counts.unanswered).toBe(calls);
  });

  it('takes rates and ranges from the options', async () => {
    const { clock, provider, events } = setup({
      outcomes: {
        human: 1,
        voicemail: 0,
        busy: 0,
        failed: 0,
        goal: 1,
        ringSeconds: [7, 7],
        talkSeconds: [60, 60],
      },
    });
    await provider.placeCall(request());
    await clock.runUntil(T0 + WEEK);
    expect(events).toStrictEqual([
      status(0, 'ringing'),
      status(7, 'in_progress', { answeredBy: 'human' }),
      status(67, 'completed', { answeredBy: 'human', billedSeconds: 60 }),
      variables(69, true),
    ]);
  });

  it('leaves the rest of the probability to unanswered, ringing for the longest ring', async () => {
    const { clock, provider, events } = setup({
      outcomes: { human: 0, voicemail: 0, busy: 0, failed: 0, ringSeconds: [2, 12] },
    });
    await provider.placeCall(request());
    await clock.runUntil(T0 + WEEK);
    expect(events).toStrictEqual([status(0, 'ringing'), status(12, 'unanswered')]);
  });

  it('cuts conversations at the assistant maximum call length', async () => {
    const { clock, provider, events } = setup({
      outcomes: {
        human: 1,
        voicemail: 0,
        busy: 0,
        failed: 0,
        goal: 0,
        ringSeconds: [5, 5],
        talkSeconds: [600, 900],
      },
    });
    await provider.placeCall(request({ assistant: { ...ASSISTANT, maxCallMinutes: 2 } }));
    await clock.runUntil(T0 + WEEK);
    expect(events[2]).toStrictEqual(status(125, 'completed', { answeredBy: 'human', billedSeconds: 120 }));
  });

  it('refuses invalid options naming the field', () => {
    const clock = createVirtualClock(T0);
    const make =
      (outcomes: SimulatorOptions['outcomes'], seed = 1) =>
      () =>
        createSimulatorProvider({ clock, seed, ...(outcomes === undefined ? {} : { outcomes }) });
    expect(make({ human: 0.6, voicemail: 0.5 })).toThrow(/at most 1/);
    expect(make({ busy: -0.1 })).toThrow(/outcomes\.busy/);
    expect(make({ goal: 1.5 })).toThrow(/outcomes\.goal/);
    expect(make({ failed: Number.NaN })).toThrow(/outcomes\.failed/);
    expect(make({ ringSeconds: [10, 5] })).toThrow(/outcomes\.ringSeconds/);
    expect(make({ talkSeconds: [1.5, 5] })).toThrow(/outcomes\.talkSeconds/);
    expect(make({ voicemailSeconds: [-1, 5] })).toThrow(/outcomes\.voicemailSeconds/);
    expect(make(undefined, Number.NaN)).toThrow(/seed/);
    expect(make({ human: 0.6, voicemail: 0.2, busy: 0.1, failed: 0.1 })).not.toThrow();
    expect(make(undefined)).not.toThrow();
  });

  it('exposes frozen defaults', () => {
    expect(DEFAULT_SIMULATOR_OUTCOMES).toEqual({
      human: 0.35,
      voicemail: 0.2,
      busy: 0.1,
      failed: 0.05,
      goal: 0.3,
      ringSeconds: [5, 30],
      talkSeconds: [30, 300],
      voicemailSeconds: [15, 45],
    });
    expect(Object.isFrozen(DEFAULT_SIMULATOR_OUTCOMES)).toBe(true);
  });
});

describe('simulator getCallStatus', () => {
  it('answers the status reached so far, then the final report', async () => {
    const { clock, provider } = setup();
    await provider.placeCall(request({ to: '+14155550100' }));
    const at = async (offset: number) => {
      await clock.runUntil(T0 + offset * SECOND);
      return provider.getCallStatus('sim_call_1');
    };
    const base = {
      answeredBy: null,
      answeredAt: null,
      endedAt: null,
      billedSeconds: null,
      failureReason: null,
    };
    // Initiated and ringing both happen at the placing instant.
    expect(await provider.getCallStatus('sim_call_1')).toEqual({ ...base, status: 'ringing' });
    expect(await at(0)).toEqual({ ...base, status: 'ringing' });
    expect(await at(9.999)).toEqual({ ...base, status: 'ringing' });
    const answered = { ...base, status: 'in_progress', answeredBy: 'human', answeredAt: T0 + 10 * SECOND };
    expect(await at(10)).toEqual(answered);
    expect(await at(99)).toEqual(answered);
    const completed = { ...answered, status: 'completed', endedAt: T0 + 100 * SECOND, billedSeconds: 90 };
    expect(await at(100)).toEqual(completed);
    expect(await at(102)).toEqual(completed);
    expect(await at(60 * 60)).toEqual(completed);
  });

  it('reports unanswered, busy and failed calls with nothing billed', async () => {
    const { clock, provider } = setup();
    await provider.placeCall(request({ callId: 'a', to: '+14155550104' }));
    await provider.placeCall(request({ callId: 'b', to: '+14155550103' }));
    await provider.placeCall(request({ callId: 'c', to: '+14155550106' }));
    await clock.runUntil(T0 + 2 * SECOND);
    expect((await provider.getCallStatus('sim_b'))?.status).toBe('initiated');
    await clock.runUntil(T0 + 60 * SECOND);
    const base = { answeredBy: null, answeredAt: null, billedSeconds: 0 };
    expect(await provider.getCallStatus('sim_a')).toEqual({
      ...base,
      status: 'unanswered',
      endedAt: T0 + 30 * SECOND,
      failureReason: null,
    });
    expect(await provider.getCallStatus('sim_b')).toEqual({
      ...base,
      status: 'busy',
      endedAt: T0 + 3 * SECOND,
      failureReason: null,
    });
    expect(await provider.getCallStatus('sim_c')).toEqual({
      ...base,
      status: 'failed',
      endedAt: T0 + 1 * SECOND,
      failureReason: 'invalid_number',
    });
  });

  it('keeps a lost call in progress forever', async () => {
    const { clock, provider } = setup();
    await provider.placeCall(request({ to: '+14155550109' }));
    await clock.runUntil(T0 + 4 * WEEK);
    expect(await provider.getCallStatus('sim_call_1')).toEqual({
      status: 'in_progress',
      answeredBy: 'human',
      answeredAt: T0 + 10 * SECOND,
      endedAt: null,
      billedSeconds: null,
      failureReason: null,
    });
  });

  it('answers null for calls it never placed, including after a restart', async () => {
    const { clock, provider } = setup();
    expect(await provider.getCallStatus('sim_nope')).toBeNull();
    await provider.placeCall(request());
    await clock.runUntil(T0 + 10 * SECOND);
    const restarted = createSimulatorProvider({ clock, seed: 42 });
    expect(await restarted.getCallStatus('sim_call_1')).toBeNull();
    expect(await provider.getCallStatus('sim_call_1')).not.toBeNull();
  });

  it('forgets ended calls after the retention period', async () => {
    const { clock, provider } = setup();
    await provider.placeCall(request({ to: '+14155550103' }));
    await clock.runUntil(T0 + 10 * SECOND);
    expect((await provider.getCallStatus('sim_call_1'))?.status).toBe('busy');
    await clock.runUntil(T0 + 3 * SECOND + ENDED_CALL_RETENTION_MS);
    // Old reports are pruned as later calls end.
    await provider.placeCall(request({ callId: 'call_2', to: '+14155550103' }));
    await clock.runUntil(clock.now() + 10 * SECOND);
    expect(await provider.getCallStatus('sim_call_1')).toBeNull();
    expect((await provider.getCallStatus('sim_call_2'))?.status).toBe('busy');
  });
});

describe('simulator provider', () => {
  it('names itself and its capabilities', () => {
    const { provider } = setup();
    expect(provider.name).toBe('simulator');
    expect(provider.capabilities).toEqual({ statusQuery: true, inProcessEvents: true });
  });

  it('places the same call id once', async () => {
    const { clock, provider, events } = setup();
    await provider.placeCall(request({ to: '+14155550100' }));
    await clock.runUntil(T0 + 50 * SECOND);
    expect(await provider.placeCall(request({ to: '+14155550100' }))).toEqual({
      providerCallId: 'sim_call_1',
    });
    await clock.runUntil(T0 + WEEK);
    expect(await provider.placeCall(request({ to: '+14155550100' }))).toEqual({
      providerCallId: 'sim_call_1',
    });
    await clock.runUntil(T0 + 2 * WEEK);
    expect(events).toStrictEqual(HUMAN_GOAL_MET);
  });

  it('refuses a number that is not E.164 as invalid', async () => {
    const { provider } = setup();
    const placing = provider.placeCall(request({ to: '4155550100' }));
    await expect(placing).rejects.toBeInstanceOf(ProviderError);
    await expect(placing).rejects.toMatchObject({ kind: 'invalid_number' });
  });

  it('fails the clock task when an event fires before anyone subscribed', async () => {
    const clock = createVirtualClock(T0);
    const provider = createSimulatorProvider({ clock, seed: 1 });
    await provider.placeCall(request());
    await expect(clock.runUntil(T0 + WEEK)).rejects.toThrow(/before any listener subscribed/);
  });

  it('delivers to the latest subscriber and lets the clock await each delivery', async () => {
    const { clock, provider, events } = setup();
    const replaced: ProviderCallEvent[] = [];
    let pendingWork = 0;
    provider.subscribe!(async (event) => {
      pendingWork++;
      await new Promise((resolve) => setImmediate(resolve));
      pendingWork--;
      replaced.push(event);
    });
    await provider.placeCall(request({ to: '+14155550103' }));
    await clock.runUntil(T0 + WEEK);
    expect(pendingWork).toBe(0);
    expect(events).toEqual([]);
    expect(replaced.map((event) => event.eventId)).toEqual(['sim_call_1:busy']);
  });
});
