import type { Page, StoredEvent } from './store.js';

/**
 * Outbound webhooks (DESIGN §7): subscriptions, and one delivery per (subscription, outbox event) with its attempts.
 * Deliveries are made from the transactional outbox, so an event written is an event delivered at least once.
 */
export interface WebhookStore {
  createEndpoint(endpoint: WebhookEndpoint): Promise<void>;
  getEndpoint(endpointId: string): Promise<WebhookEndpoint | null>;
  listEndpoints(accountId: string, page: Page): Promise<readonly WebhookEndpoint[]>;
  /** Deletes the subscription with its deliveries, so pending ones are never sent; false when there is none. */
  deleteEndpoint(endpointId: string): Promise<boolean>;

  /**
   * Fans new outbox events out to the enabled endpoints of their account that subscribe to their type: one
   * pending delivery each, due at `now`. Each endpoint remembers the last event it was offered, so an event is
   * fanned out once, and an endpoint only receives events written after it was created. Reads at most `limit`
   * events: when it read `limit`, more may be waiting and the caller should call again.
   */
  fanOut(now: number, limit: number): Promise<FanOutResult>;
  /** Pending deliveries due at `now`, leased for `leaseMs` so a crash only delays them. */
  claimDueDeliveries(now: number, limit: number, leaseMs: number): Promise<readonly DueDelivery[]>;
  /** Records one attempt and what follows from it (see `DeliveryAttempt.next`), in one transaction. */
  recordAttempt(attempt: DeliveryAttempt): Promise<void>;
  /** The earliest time a pending delivery is due, or null: the delivery loop sleeps until then. */
  nextDeliveryDueAt(): Promise<number | null>;
  /** An endpoint's deliveries, newest last, each with its attempts. */
  listDeliveries(endpointId: string, page: Page): Promise<readonly WebhookDelivery[]>;
}

export interface WebhookEndpoint {
  readonly id: string;
  readonly accountId: string;
  readonly url: string;
  /** Event types delivered (`call.ended`, …); `*` for all. */
  readonly events: readonly string[];
  /** `whsec_` + base64 of the signing key (Standard Webhooks). */
  readonly secret: string;
  readonly createdAt: number;
  /** Set when the receiver answered 410 Gone (or an operator disabled it): nothing more is sent. */
  readonly disabledAt: number | null;
  readonly disabledReason: string | null;
}

export interface FanOutResult {
  /** Outbox events read (at most the `limit` asked for). */
  readonly events: number;
  /** Pending deliveries created from them. */
  readonly deliveries: number;
}

export type DeliveryStatus = 'pending' | 'delivered' | 'failed';

export interface DueDelivery {
  readonly deliveryId: string;
  readonly endpoint: WebhookEndpoint;
  readonly event: StoredEvent;
  /** Attempts made before this one. */
  readonly attempts: number;
  readonly firstAttemptAt: number | null;
}

export interface DeliveryAttempt {
  readonly deliveryId: string;
  readonly at: number;
  /** The receiver's HTTP status, or null when no response came (refused, timeout, blocked address). */
  readonly responseStatus: number | null;
  readonly error: string | null;
  readonly durationMs: number;
  readonly next:
    | { readonly kind: 'delivered' }
    | { readonly kind: 'retry'; readonly at: number }
    | { readonly kind: 'failed' }
    /** 410 Gone: the delivery fails and the endpoint is disabled. */
    | { readonly kind: 'endpoint_gone' };
}

export interface WebhookDelivery {
  readonly id: string;
  readonly endpointId: string;
  readonly eventSeq: number;
  readonly eventType: string;
  readonly status: DeliveryStatus;
  readonly createdAt: number;
  /** Set while pending; during an attempt, the end of its lease (when it is tried again if the sender died). */
  readonly nextAttemptAt: number | null;
  readonly attempts: readonly {
    readonly at: number;
    readonly responseStatus: number | null;
    readonly error: string | null;
    readonly durationMs: number;
  }[];
}
