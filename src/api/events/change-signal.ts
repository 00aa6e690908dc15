/**
 * A wake-up without data: "the outbox may have new events". Listeners (live streams, webhook delivery) then read
 * the outbox themselves from their own cursor, so a missed or merged signal loses nothing.
 */
export interface ChangeSignal {
  notify(): void;
  subscribe(listener: () => void): () => void;
}

export function createChangeSignal(): ChangeSignal {
  const listeners = new Set<() => void>();
  return {
    notify() {
      for (const listener of listeners) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
}
