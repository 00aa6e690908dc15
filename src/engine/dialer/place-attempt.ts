import { unreachable } from '../../domain/result.js';
import { ProviderError, type PlacedCall } from '../ports/call-provider.js';
import type { AttemptToPlace, PlacedAttempt } from '../ports/store.js';
import type { DialerDeps } from './dialer-deps.js';

/** When a provider pushes back without saying how long to wait. */
const DEFAULT_BACKOFF_MS = 5_000;
/** DESIGN §2.7: a call silent past its assistant's max duration plus this margin is reconciled. */
export const RECONCILE_MARGIN_MS = 5 * 60_000;

/**
 * Places one claimed attempt. The attempt row already exists (DESIGN §2.10.1), so whatever happens here the
 * same attempt is never placed twice: success records the provider's id; a refusal is turned into the outcome
 * its error class says; an ambiguous failure is left for reconciliation when the dialing lease expires.
 */
export function createAttemptPlacer(deps: Pick<DialerDeps, 'store' | 'clock' | 'providers'>) {
  const { store, clock } = deps;
  const failNow = (callId: string, reason: 'invalid_number' | 'provider_error') => {
    const now = clock.now();
    return store.resolveCall(
      callId,
      {
        status: 'failed',
        answeredBy: null,
        failureReason: reason,
        answeredAt: null,
        endedAt: now,
        billedSeconds: 0,
      },
      now,
    );
  };

  /**
   * Resolves with the placed call for the dialer to record (with the others of its pass), or with when the
   * dialer must look again because of a back-off, or null.
   */
  return async (attempt: AttemptToPlace): Promise<PlacedAttempt | { retryAt: number } | null> => {
    const { request } = attempt;
    const provider = deps.providers.get(attempt.provider);
    if (!provider) {
      await failNow(request.callId, 'provider_error');
      return null;
    }
    let placed: PlacedCall;
    try {
      placed = await provider.placeCall(request);
    } catch (error) {
      const kind = error instanceof ProviderError ? error.kind : 'ambiguous';
      switch (kind) {
        case 'rate_limited':
        case 'retryable': {
          const retryAfter =
            error instanceof ProviderError ? (error.retryAfterMs ?? DEFAULT_BACKOFF_MS) : DEFAULT_BACKOFF_MS;
          const retryAt = clock.now() + retryAfter;
          await store.abandonAttempt(request.callId, retryAt, clock.now());
          return { retryAt };
        }
        case 'invalid_number':
          await failNow(request.callId, 'invalid_number');
          return null;
        case 'permanent':
          await failNow(request.callId, 'provider_error');
          return null;
        case 'ambiguous':
          // The provider may have placed it: leave the attempt leased; reconciliation settles it.
          return null;
        default:
          return unreachable(kind);
      }
    }
    const reconcileAt = clock.now() + request.assistant.maxCallMinutes * 60_000 + RECONCILE_MARGIN_MS;
    return { callId: request.callId, providerCallId: placed.providerCallId, reconcileAt };
  };
}
