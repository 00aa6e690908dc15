import { Type } from 'typebox';
import type { StoredEvent } from '../../engine/ports/store.js';
import type { ApiDeps } from '../api-deps.js';
import type { Api } from '../http/api-instance.js';
import { ownedBy } from '../http/access-control.js';
import { iso } from '../presenters/format.js';
import { IdParams, problems } from '../schemas/common.js';

const KEEP_ALIVE_MS = 15_000;
const BATCH = 500;

/** The wire form of an outbox event, shared by the live stream and webhook payloads' `data`. */
export const presentEvent = (event: StoredEvent) => ({
  seq: event.seq,
  type: event.type,
  campaignId: event.campaignId,
  createdAt: iso(event.createdAt),
  data: event.payload,
});

/**
 * `GET /v1/campaigns/{id}/events`: the campaign's outbox events as Server-Sent Events, live. Each event's `id`
 * is its outbox sequence number, so a client that reconnects with `Last-Event-ID` (browsers do it by themselves)
 * misses nothing. The stream reads the outbox when the change signal says it may have grown, never by polling.
 */
export function registerEventStreamRoutes(api: Api, deps: ApiDeps): void {
  // Streams never end by themselves: closing the server ends them, or it would wait for them forever.
  const open = new Set<() => void>();
  api.addHook('preClose', async () => {
    for (const end of open) end();
  });

  api.get(
    '/v1/campaigns/:id/events',
    {
      schema: {
        tags: ['events'],
        summary:
          "The campaign's events as Server-Sent Events (text/event-stream), from `after` or Last-Event-ID.",
        params: IdParams('cmp'),
        querystring: Type.Object({ after: Type.Optional(Type.Integer({ minimum: 0 })) }),
        headers: Type.Object({
          'last-event-id': Type.Optional(
            Type.String({
              pattern: '^\\d{1,15}$',
              'x-allowed': 'the id of an event received (a whole number)',
            }),
          ),
        }),
        response: problems(404),
      },
    },
    async (request, reply) => {
      const campaign = ownedBy(
        request,
        'campaign',
        request.params.id,
        await deps.store.getCampaign(request.params.id),
      );
      let after = Number(request.headers['last-event-id'] ?? request.query.after ?? 0);

      reply.hijack();
      const out = reply.raw;
      out.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      out.write('retry: 2000\n\n');

      let closed = false;
      let reading = false;
      let again = false;
      const send = async () => {
        if (reading) {
          again = true;
          return;
        }
        reading = true;
        try {
          do {
            again = false;
            for (;;) {
              const events = await deps.store.listEvents({ campaignId: campaign.id, after, limit: BATCH });
              for (const event of events) {
                out.write(
                  `id: ${event.seq}\nevent: ${event.type}\ndata: ${JSON.stringify(presentEvent(event))}\n\n`,
                );
                after = event.seq;
              }
              if (events.length < BATCH || closed) break;
            }
          } while (again && !closed);
        } catch (error) {
          request.log.error({ err: error }, 'event stream read failed');
          out.end();
        } finally {
          reading = false;
        }
      };
      const unsubscribe = deps.changes.subscribe(() => void send());
      const keepAlive = setInterval(() => out.write(': keep-alive\n\n'), KEEP_ALIVE_MS);
      const end = () => {
        closed = true;
        open.delete(end);
        unsubscribe();
        clearInterval(keepAlive);
        out.end();
      };
      open.add(end);
      request.raw.on('close', end);
      await send();
    },
  );
}
