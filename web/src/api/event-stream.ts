/** One Server-Sent Event of a campaign's stream: its outbox sequence number, type and JSON data. */
export interface CampaignEvent {
  readonly seq: number;
  readonly type: string;
  readonly data: unknown;
}

const RECONNECT_MS = 2000;

/**
 * Follows `GET /v1/campaigns/{id}/events` from `after`, calling `onEvent` for each event, until `signal`
 * aborts. The browser's EventSource cannot send an Authorization header, so this reads the stream with fetch;
 * after a dropped connection it reconnects from the last event it saw, so nothing is missed or repeated.
 */
export async function followCampaignEvents(options: {
  readonly apiKey: string;
  readonly campaignId: string;
  readonly after: number;
  readonly onEvent: (event: CampaignEvent) => void;
  readonly signal: AbortSignal;
}): Promise<void> {
  let after = options.after;
  while (!options.signal.aborted) {
    try {
      const response = await fetch(
        `/v1/campaigns/${encodeURIComponent(options.campaignId)}/events?after=${after}`,
        {
          headers: { Authorization: `Bearer ${options.apiKey}`, Accept: 'text/event-stream' },
          signal: options.signal,
        },
      );
      if (!response.ok || response.body === null) throw new Error(`event stream answered ${response.status}`);
      for await (const event of readEvents(response.body)) {
        after = event.seq;
        options.onEvent(event);
      }
    } catch (error) {
      if (options.signal.aborted) return;
      console.warn('campaign event stream dropped; reconnecting', error);
    }
    await pause(RECONNECT_MS, options.signal);
  }
}

/** Parses a text/event-stream body into events (comments and the retry field are skipped). */
async function* readEvents(body: ReadableStream<Uint8Array>): AsyncGenerator<CampaignEvent> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffered = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffered += decoder.decode(value, { stream: true });
    let end: number;
    while ((end = buffered.indexOf('\n\n')) >= 0) {
      const block = buffered.slice(0, end);
      buffered = buffered.slice(end + 2);
      const event = parseBlock(block);
      if (event !== null) yield event;
    }
  }
}

function parseBlock(block: string): CampaignEvent | null {
  let id: string | null = null;
  let type = 'message';
  const data: string[] = [];
  for (const line of block.split('\n')) {
    const colon = line.indexOf(':');
    if (colon === 0) continue;
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'id') id = value;
    else if (field === 'event') type = value;
    else if (field === 'data') data.push(value);
  }
  if (id === null || data.length === 0) return null;
  return { seq: Number(id), type, data: JSON.parse(data.join('\n')) as unknown };
}

function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}
