/**
 * What several engine processes sharing one database need from each other (DESIGN §4, §5): heartbeats that keep
 * a live worker's leases from expiring, signals that wake idle workers when another process changed something,
 * and the database's clock to detect skew. A port of its own so the dialer's Store stays about campaigns.
 *
 * Implementations: PostgreSQL (a `workers` table, LISTEN/NOTIFY, the server's clock) and SQLite, where one
 * process is the only worker: its heartbeat still extends its leases, and no signal ever comes from elsewhere.
 */
export interface WorkerCoordination {
  readonly capabilities: CoordinationCapabilities;
  /**
   * Records that `workerId` is alive at `now` and moves the leases of the calls it is working on (`callIds`, those
   * it still holds) to `now + leaseMs`, so a slow provider never makes a live worker's attempt look abandoned.
   * Answers with the database's own clock when it has one (for `measureClockSkew`).
   */
  heartbeat(beat: Heartbeat): Promise<HeartbeatReply>;
  /** A worker stopping gracefully: it is marked stopped; its leases run out as they would after a crash. */
  retire(workerId: string, now: number): Promise<void>;
  /** Receives signals from other processes (never this one's own) until `close`. */
  subscribe(listener: (signal: CoordinationSignal) => void): Promise<void>;
  /** Workers seen recently, for operators (`callwright workers`, readiness). */
  listWorkers(): Promise<readonly WorkerRecord[]>;
  close(): Promise<void>;
}

export interface CoordinationCapabilities {
  /** Signals arrive from other processes (PostgreSQL LISTEN/NOTIFY). */
  readonly crossProcessSignals: boolean;
  /** `heartbeat` answers with a clock of the database server's own. */
  readonly databaseClock: boolean;
}

export interface Heartbeat {
  readonly workerId: string;
  readonly now: number;
  readonly leaseMs: number;
  /** The calls the worker is placing or reconciling right now (`Dialer.activeCallIds`). */
  readonly callIds: readonly string[];
  /** The skew measured at the previous beat, stored for operators; null when not measured. */
  readonly skewMs: number | null;
  /** A description for operators: host, pid, role. */
  readonly description: string;
}

export interface HeartbeatReply {
  /** The database server's clock (epoch ms) while it ran the beat; null when it has no clock of its own. */
  readonly databaseNow: number | null;
  /** Leases the beat extended. */
  readonly leasesExtended: number;
}

export interface CoordinationSignal {
  /** Campaigns whose dialing another process changed; null: look at all of them. */
  readonly wakeCampaigns: readonly string[] | null;
  /** Another process wrote outbox events (live streams and webhook delivery read on). */
  readonly outboxGrew: boolean;
}

export interface WorkerRecord {
  readonly id: string;
  readonly description: string;
  readonly startedAt: number;
  readonly heartbeatAt: number;
  readonly skewMs: number | null;
  readonly stoppedAt: number | null;
}
