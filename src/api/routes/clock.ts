import { Type } from 'typebox';
import { parseIsoInstant } from '../../domain/time-format.js';
import type { ApiDeps, TestClock } from '../api-deps.js';
import type { Api } from '../http/api-instance.js';
import { ApiProblem, invalidRequest } from '../http/problem.js';
import { iso } from '../presenters/format.js';
import { Instant, problems } from '../schemas/common.js';

/** A year of virtual time per request at most: enough for any campaign, and a bound on one request's work. */
const MAX_ADVANCE_MINUTES = 366 * 24 * 60;

const ClockState = Type.Object({ now: Instant, virtual: Type.Boolean() });

/**
 * The test clock (`serve --clock virtual`): a user tries a campaign's settings against the simulator, moving
 * time forward; the engine processes every event up to the new instant, in order, before the answer.
 */
export function registerClockRoutes(api: Api, deps: ApiDeps): void {
  const virtual = (): TestClock => {
    if (deps.testClock) return deps.testClock;
    throw new ApiProblem(
      409,
      'clock_not_virtual',
      'this server runs on the real clock; start it with --clock virtual',
    );
  };
  // One advance at a time: two interleaved would each see the other's events half-processed.
  let advancing: Promise<unknown> = Promise.resolve();

  api.get(
    '/v1/clock',
    {
      config: { auth: 'any' },
      schema: {
        tags: ['clock'],
        summary: 'The virtual clock.',
        response: { 200: ClockState, ...problems(409) },
      },
    },
    async () => ({ now: iso(virtual().now()), virtual: true }),
  );

  api.post(
    '/v1/clock/advance',
    {
      config: { auth: 'admin' },
      schema: {
        tags: ['clock'],
        summary:
          'Move the virtual clock forward by `minutes` or to `to` (admin); answers once every event is processed.',
        body: Type.Object(
          {
            minutes: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_ADVANCE_MINUTES })),
            to: Type.Optional(
              Type.String({
                format: 'date-time',
                'x-allowed': 'an ISO 8601 time with its offset, such as "2026-03-09T14:00:00Z"',
              }),
            ),
          },
          { additionalProperties: false, description: 'Exactly one of `minutes` and `to`.' },
        ),
        response: { 200: ClockState, ...problems(409, 422) },
      },
    },
    async (request) => {
      const clock = virtual();
      const { minutes, to } = request.body;
      if ((minutes === undefined) === (to === undefined)) {
        const got = minutes === undefined ? 'neither' : 'both';
        throw invalidRequest([
          { path: '', message: `must give exactly one of "minutes" and "to", got ${got}` },
        ]);
      }
      const run = advancing.then(async () => {
        const now = clock.now();
        const target = minutes !== undefined ? now + minutes * 60_000 : parseIsoInstant(to);
        if (target === null || target < now) {
          throw invalidRequest([
            {
              path: 'to',
              message: `must be an ISO 8601 time not before the clock (${iso(now)}), got ${JSON.stringify(to)}`,
            },
          ]);
        }
        if (target - now > MAX_ADVANCE_MINUTES * 60_000) {
          throw invalidRequest([
            {
              path: 'to',
              message: `must be at most ${MAX_ADVANCE_MINUTES} minutes ahead of the clock (${iso(now)}), got ${JSON.stringify(to)}`,
            },
          ]);
        }
        await clock.advanceTo(target);
        deps.changes.notify();
        return { now: iso(clock.now()), virtual: true };
      });
      advancing = run.catch(() => undefined);
      return run;
    },
  );
}
