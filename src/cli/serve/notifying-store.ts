import type { Store } from '../../engine/ports/store.js';

/** Store methods that may write outbox events. */
const WRITES: ReadonlySet<keyof Store> = new Set<keyof Store>([
  'creditAccount',
  'addLeads',
  'transitionCampaign',
  'overrideLeadStatus',
  'claimAttempts',
  'abandonAttempt',
  'applyCallEvent',
  'applyCallEvents',
  'resolveCall',
  'claimOverdueCalls',
]);

/**
 * The store, raising `notify` after each write that may have added outbox events, whoever made it (the API, the
 * dialer, a provider event): live streams and webhook delivery then read the outbox at once instead of polling.
 * With several processes on PostgreSQL, LISTEN/NOTIFY will raise the same signal.
 */
export function notifyingStore(store: Store, notify: () => void): Store {
  return new Proxy(store, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'function' || !WRITES.has(property as keyof Store)) return value;
      return async (...args: unknown[]) => {
        const result: unknown = await (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
        notify();
        return result;
      };
    },
  });
}
