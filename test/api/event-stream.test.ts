import { describe, expect, it, onTestFinished } from 'vitest';
import { ADMIN_KEY, createCampaign, useApi, type ApiClient } from './api-harness.js';
import { advanceClock, expectProblem } from './fixtures.js';
import { expectFieldErrors } from './input-fixtures.js';

/**
 * `GET /v1/campaigns/{id}/events` (issue 3): the campaign's outbox events as Server-Sent Events, live, and
 * resumable with `Last-Event-ID` or `?after=` without repeats. Read with fetch like any client would.
 */

/** One SSE frame: its fields (`data` lines joined by newlines), comments left out. */
interface Frame {
  readonly id?: string;
  readonly event?: string;
  readonly data?: string;
  readonly retry?: string;
}

/** The frame's lines per the SSE format: `field: value` (one optional space after the colon), `:` comments. */
function parseFrame(block: string): Frame {
  const fields: Record<string, string> = {};
  for (const line of block.split('\n')) {
    if (line === '' || line.startsWith(':')) continue;
    const colon = line.indexOf(':');
    const name = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
    fields[name] = name === 'data' && fields.data !== undefined ? `${fields.data}\n${value}` : value;
  }
  return fields;
}

interface StreamedEvent {
  readonly id: number;
  readonly type: string;
  readonly data: { seq: number; type: string; campaignId: string; createdAt: string; data: any };
}

/**
 * Opens the stream and reads it in the background into `frames`; the fetch is aborted when the test ends (or
 * on `close()`), so the server can close its side.
 */
async function openStream(
  api: ApiClient,
  key: string,
  campaignId: string,
  options: { query?: string; headers?: Record<string, string> } = {},
) {
  const controller = new AbortController();
  onTestFinished(() => controller.abort());
  const response = await fetch(`${api.url}/v1/campaigns/${campaignId}/events${options.query ?? ''}`, {
    headers: { authorization: `Bearer ${key}`, ...options.headers },
    signal: controller.signal,
  });
  const frames: Frame[] = [];
  if (response.ok) {
    void (async () => {
      const reader = response.body!.getReader();
      const decoder = new TextDecoder();
      let buffer = '';
      try {
        for (;;) {
          const { value, done } = await reader.read();
          if (done) return;
          buffer += decoder.decode(value, { stream: true });
          for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
            frames.push(parseFrame(buffer.slice(0, end)));
            buffer = buffer.slice(end + 2);
          }
        }
      } catch {
        // Aborted: the test is over.
      }
    })();
  }
  const events = (): StreamedEvent[] =>
    frames
      .filter((f) => f.event !== undefined)
      .map((f) => ({ id: Number(f.id), type: f.event!, data: JSON.parse(f.data!) }));
  return {
    response,
    frames,
    events,
    /** Waits until the stream has delivered `count` events of this type; answers every event so far. */
    async until(type: string, count = 1, timeoutMs = 5000): Promise<StreamedEvent[]> {
      for (const deadline = Date.now() + timeoutMs; Date.now() < deadline;) {
        if (events().filter((e) => e.type === type).length >= count) return events();
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      throw new Error(`not ${count} ${type} events within ${timeoutMs} ms: ${JSON.stringify(events())}`);
    },
    close: () => controller.abort(),
  };
}

/** A draft campaign with one lead that answers and meets the goal (+1 212 555 0100: 10 s ring, 90 s talk). */
async function draftWithOneLead(api: ApiClient) {
  const { key } = await api.account();
  const { campaignId } = await createCampaign(api, key, { goal: { variable: 'appointment_booked' } });
  await api.call('POST', `/v1/campaigns/${campaignId}/leads`, {
    key,
    body: { leads: [{ phone: '+12125550100', name: 'Ann' }] },
  });
  return { key, campaignId };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 100));

describe('the campaign event stream', () => {
  const api = useApi();

  it('is text/event-stream that asks clients to reconnect after 2 s', async () => {
    const { key, campaignId } = await draftWithOneLead(api());
    const stream = await openStream(api(), key, campaignId);
    expect(stream.response.status).toBe(200);
    expect(stream.response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    expect(stream.response.headers.get('cache-control')).toContain('no-cache');
    await settle();
    // A draft has no events yet: only the reconnection delay.
    expect(stream.frames).toEqual([{ retry: '2000' }]);
  });

  it('delivers events live as they are written, in order, each with its outbox id', async () => {
    const { key, campaignId } = await draftWithOneLead(api());
    const stream = await openStream(api(), key, campaignId);

    await api().call('POST', `/v1/campaigns/${campaignId}/start`, { key });
    expect((await stream.until('campaign.started')).map((e) => e.type)).toEqual(['campaign.started']);

    await advanceClock(api(), 1);
    const dialed = await stream.until('lead.status_changed');
    expect(dialed.at(-1)!.data.data).toMatchObject({ from: 'scheduled', to: 'processing' });

    await advanceClock(api(), 4);
    const events = await stream.until('campaign.completed');
    expect(events.map((e) => e.type)).toEqual([
      'campaign.started',
      'lead.status_changed',
      'call.ended',
      'lead.status_changed',
      'campaign.completed',
    ]);
    expect(events[2]!.data.data).toMatchObject({
      status: 'completed',
      answeredBy: 'human',
      billedSeconds: 90,
    });
    expect(events[3]!.data.data).toMatchObject({ to: 'completed', reason: 'goal_achieved' });
    const ids = events.map((e) => e.id);
    expect(ids.every((id, i) => i === 0 || id > ids[i - 1]!)).toBe(true);
    for (const event of events) {
      expect(event.data).toMatchObject({ seq: event.id, type: event.type, campaignId });
    }
  });

  it('resumes after Last-Event-ID without repeats, and keeps delivering live', async () => {
    const { key, campaignId } = await draftWithOneLead(api());
    const first = await openStream(api(), key, campaignId);
    await api().call('POST', `/v1/campaigns/${campaignId}/start`, { key });
    await advanceClock(api(), 1);
    const seen = await first.until('lead.status_changed');
    first.close();

    // What happens while the client is away is waiting for it when it comes back.
    await advanceClock(api(), 4);
    const lastId = seen.at(-1)!.id;
    const resumed = await openStream(api(), key, campaignId, {
      headers: { 'last-event-id': String(lastId) },
    });
    const rest = await resumed.until('campaign.completed');
    expect(rest.map((e) => e.type)).toEqual(['call.ended', 'lead.status_changed', 'campaign.completed']);
    expect(rest[0]!.id).toBeGreaterThan(lastId);

    // The whole story, read from the start, is exactly the two parts put together.
    const whole = await openStream(api(), key, campaignId);
    expect(await whole.until('campaign.completed')).toEqual([...seen, ...rest]);

    // And the resumed stream is live: a lead added to the completed campaign reopens it and is dialed.
    await api().call('POST', `/v1/campaigns/${campaignId}/leads`, {
      key,
      body: { leads: [{ phone: '+12125550101' }] },
    });
    await advanceClock(api(), 1);
    const more = await resumed.until('lead.status_changed', 2);
    expect(more.slice(0, rest.length)).toEqual(rest);
    expect(more.at(-1)!.data.data).toMatchObject({ from: 'scheduled', to: 'processing' });
    await settle();
    const ids = resumed.events().map((e) => e.id);
    expect(ids).toEqual([...new Set(ids)].sort((a, b) => a - b));
  });

  it('starts after ?after= as well', async () => {
    const { key, campaignId } = await draftWithOneLead(api());
    await api().call('POST', `/v1/campaigns/${campaignId}/start`, { key });
    await advanceClock(api(), 5);
    const whole = await (await openStream(api(), key, campaignId)).until('campaign.completed');
    const after = whole[1]!.id;
    const tail = await (
      await openStream(api(), key, campaignId, { query: `?after=${after}` })
    ).until('campaign.completed');
    expect(tail).toEqual(whole.slice(2));
  });

  it("follows a campaign from its stats' lastEventSeq: nothing counted twice, nothing missed", async () => {
    const { key, campaignId } = await draftWithOneLead(api());
    const stats = async () => (await api().call('GET', `/v1/campaigns/${campaignId}/stats`, { key })).body;
    expect((await stats()).lastEventSeq).toBe(0);
    await api().call('POST', `/v1/campaigns/${campaignId}/start`, { key });
    await advanceClock(api(), 1);
    const dialing = await stats();
    expect(dialing.inFlight).toBe(1);

    await advanceClock(api(), 4);
    const stream = await openStream(api(), key, campaignId, { query: `?after=${dialing.lastEventSeq}` });
    // Exactly what the figures read at lastEventSeq did not include yet: the call's end and what followed.
    const rest = await stream.until('campaign.completed');
    expect(rest.map((e) => e.type)).toEqual(['call.ended', 'lead.status_changed', 'campaign.completed']);
    expect((await stats()).lastEventSeq).toBe(rest.at(-1)!.id);
  });

  it('refuses a bad position, and is 404 for a campaign of another account', async () => {
    const { key, campaignId } = await draftWithOneLead(api());
    const other = await api().account({ name: 'Other' });
    const path = `/v1/campaigns/${campaignId}/events`;
    expectFieldErrors(await api().call('GET', `${path}?after=-1`, { key }), [
      { path: 'after', message: 'must be at least 0, got -1' },
    ]);
    expectFieldErrors(await api().call('GET', path, { key, headers: { 'last-event-id': 'latest' } }), [
      {
        path: 'last-event-id',
        message: 'must be the id of an event received (a whole number), got "latest"',
      },
    ]);
    const foreign = await api().call('GET', path, { key: other.key });
    expectProblem(foreign, 404, 'not_found');
    expectProblem(await api().call('GET', path, { key: ADMIN_KEY }), 403, 'account_key_required');
  });
});
