/** Kept apart from the command so `callwright --help` loads neither PostgreSQL nor the engine. */
export const WORKER_USAGE = `  worker --db postgres://… [--simulator-seed 7] [--simulator-outcomes FILE] [--lease-seconds 30]
         [--heartbeat-seconds 10] [--max-claims 100] [--clock real|accelerated --clock-start ISO
         --clock-origin ISO --clock-speed N]
      A dialer only (no API): claims due attempts, places them, follows them, reconciles what other workers left.
      Run as many as you like beside \`serve\` on one PostgreSQL database. A worker's leases live as long as its
      heartbeat; when it dies, another worker reconciles its calls once they run out.
      --clock accelerated runs a shared timeline SPEED times faster than the wall clock, starting at
      --clock-start at wall time --clock-origin: workers given the same three share one clock (load tests, demos).
`;
