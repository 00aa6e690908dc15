import type { VirtualClock } from '../../src/engine/clock/virtual-clock.js';
import type {
  CallProvider,
  PlaceCallRequest,
  ProviderCallReport,
  ProviderEventListener,
  ProviderStatusEvent,
} from '../../src/engine/ports/call-provider.js';

type Step = Omit<ProviderStatusEvent, 'type' | 'provider' | 'providerCallId' | 'eventId' | 'at'> & {
  readonly afterSeconds: number;
};

/**
 * A provider whose every `placeCall` does what the test scripts for it: resolve and play status steps on the
 * clock, or reject with a given error. It records every request it was asked to place.
 */
export function createScriptedProvider(
  clock: VirtualClock,
  script: (request: PlaceCallRequest, index: number) => { reject: Error } | { steps: Step[] },
  report: (providerCallId: string) => ProviderCallReport | null = () => null,
) {
  const placed: PlaceCallRequest[] = [];
  let listener: ProviderEventListener | null = null;
  const provider: CallProvider & { placed: PlaceCallRequest[] } = {
    name: 'simulator',
    capabilities: { statusQuery: true, inProcessEvents: true },
    placed,
    subscribe(next) {
      listener = next;
    },
    getCallStatus: (id) => Promise.resolve(report(id)),
    placeCall(request) {
      placed.push(request);
      const plan = script(request, placed.length - 1);
      if ('reject' in plan) return Promise.reject(plan.reject);
      const providerCallId = `scripted_${request.callId}`;
      const t0 = clock.now();
      for (const [i, step] of plan.steps.entries()) {
        const { afterSeconds, ...rest } = step;
        const at = t0 + afterSeconds * 1000;
        clock.schedule(at, () =>
          listener!({
            type: 'status',
            provider: 'simulator',
            providerCallId,
            eventId: `${providerCallId}:${i}`,
            at,
            ...rest,
          }),
        );
      }
      return Promise.resolve({ providerCallId });
    },
  };
  return provider;
}

export const BUSY: Step[] = [{ afterSeconds: 3, status: 'busy' }];
