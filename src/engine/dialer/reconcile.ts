import { isTerminalCallStatus } from '../../domain/call-status.js';
import type { CallResolution, OverdueCall } from '../ports/store.js';
import type { DialerDeps } from './dialer-deps.js';

/**
 * Settles calls whose outcome we stopped hearing about (DESIGN §2.7, §2.10.1):
 * - a dialing lease expired: the process that asked the provider died before recording the answer. The
 *   attempt is counted as failed (`unknown_outcome`), never redialed under the same key;
 * - a call silent past its max duration + 5 minutes: ask the provider; a terminal answer is taken as is,
 *   anything else ends the call `failed` with reason `lost`, billed what the provider reports, else nothing.
 */
export function createReconciler(deps: Pick<DialerDeps, 'store' | 'clock' | 'providers'>) {
  const { store, clock } = deps;
  return async ({ kind, call }: OverdueCall): Promise<void> => {
    const now = clock.now();
    const failed = (reason: 'unknown_outcome' | 'lost', billedSeconds: number | null): CallResolution => ({
      status: 'failed',
      answeredBy: call.answeredBy,
      failureReason: reason,
      answeredAt: call.answeredAt,
      endedAt: now,
      billedSeconds: billedSeconds ?? 0,
    });
    if (kind === 'dialing_lease_expired' || call.providerCallId === null) {
      await store.resolveCall(call.id, failed('unknown_outcome', null), now);
      return;
    }
    const provider = deps.providers.get(call.provider);
    const report =
      provider?.capabilities.statusQuery === true ? await provider.getCallStatus(call.providerCallId) : null;
    if (report && isTerminalCallStatus(report.status)) {
      await store.resolveCall(
        call.id,
        {
          status: report.status,
          answeredBy: report.answeredBy,
          failureReason: report.failureReason,
          answeredAt: report.answeredAt,
          endedAt: report.endedAt ?? now,
          billedSeconds: report.billedSeconds,
        },
        now,
      );
      return;
    }
    await store.resolveCall(call.id, failed('lost', report?.billedSeconds ?? null), now);
  };
}
