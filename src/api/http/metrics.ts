import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * Prometheus metrics (`GET /metrics`): the process's own (CPU, memory, event loop lag), HTTP requests by route
 * and status, and gauges of the engine read when scraped. Each app has its own registry, so tests and several
 * apps in one process do not share counters.
 */
export function createApiMetrics(gauges: { activeCampaigns: () => Promise<number> }) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'callwright_process_' });
  const requests = new Histogram({
    name: 'callwright_http_request_duration_seconds',
    help: 'HTTP requests by method, route pattern and status code.',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  const rateLimited = new Counter({
    name: 'callwright_http_rate_limited_total',
    help: 'Requests refused with 429 by the per-key rate limit.',
    registers: [registry],
  });
  new Gauge({
    name: 'callwright_active_campaigns',
    help: 'Campaigns in the active state.',
    registers: [registry],
    async collect() {
      this.set(await gauges.activeCampaigns());
    },
  });
  return {
    registry,
    observeRequest(method: string, route: string, status: number, seconds: number) {
      requests.observe({ method, route, status: String(status) }, seconds);
    },
    countRateLimited: () => rateLimited.inc(),
    render: () => registry.metrics(),
    contentType: registry.contentType,
  };
}

export type ApiMetrics = ReturnType<typeof createApiMetrics>;
