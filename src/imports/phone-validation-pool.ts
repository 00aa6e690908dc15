/**
 * Strict phone validation (`normalizePhone` with libphonenumber's *max* metadata, the costliest step of adding a
 * lead) on worker threads, so adding leads does not hold the calling thread: the API's event loop keeps serving
 * other requests, and an import uses every core.
 *
 * - A batch is split across the workers by a hash of each raw number, so a number always goes to the same worker
 *   and that worker's `normalizePhone` cache answers it when it comes again (re-imports, shared switchboards).
 *   Results come back in input order.
 * - A batch under {@link MIN_BATCH_FOR_WORKERS} numbers is validated on the calling thread: posting it and waiting
 *   for the answer would cost more than it saves.
 * - Workers start with the first batch that needs them. One that dies rejects the batches it held with a
 *   `phone_validation_worker_crashed` error and is replaced by the next batch (not at once, so a worker that cannot
 *   start fails batches instead of restarting in a loop).
 * - An idle pool never keeps the process alive: a worker is referenced only while it holds a batch.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { hashString } from '../domain/seeded-random.js';
import { normalizePhone, type CountryCode, type NormalizedPhone } from './phone.js';
import type { ValidationRequest, ValidationResponse } from './phone-validation-worker.js';

/**
 * Measured on a million-row import: 4 MiB semi-spaces (a 12 MiB young generation) and a 96 MiB old generation keep
 * the peak RSS at 264–282 MiB over six runs, against 272–357 MiB without them, at the same speed.
 */
const HEAP_LIMITS = { maxYoungGenerationSizeMb: 12, maxOldGenerationSizeMb: 96 };

export interface PhoneValidationPool {
  /** `normalizePhone(raw, defaultCountry)` of each of `raws`, in their order. */
  normalize(raws: readonly string[], defaultCountry: CountryCode): Promise<NormalizedPhone[]>;
  /** Terminates the workers. Batches still pending reject; later ones reject too. */
  close(): Promise<void>;
}

export interface PhoneValidationPoolOptions {
  /** Worker threads; default: the number of cores (`os.availableParallelism()`). */
  readonly threads?: number;
  /** The worker's script; default: the compiled `phone-validation-worker.js` ({@link defaultWorkerUrl}). */
  readonly workerUrl?: URL;
}

export const PHONE_VALIDATION_ERROR_CODES = [
  'phone_validation_worker_missing',
  'phone_validation_worker_crashed',
  'phone_validation_pool_closed',
] as const;
export type PhoneValidationErrorCode = (typeof PHONE_VALIDATION_ERROR_CODES)[number];

export class PhoneValidationError extends Error {
  override readonly name = 'PhoneValidationError';
  constructor(
    readonly code: PhoneValidationErrorCode,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/**
 * Below this many numbers a batch stays on the calling thread, where a round trip would cost more than it saves.
 * The round trip (posting, cloning both ways, waking a thread that slept, whose caches are cold) is why: after a
 * pause, as between API requests, 256 new US numbers took 3.0 ms here and 2.3 ms on two workers (2 cores); 1,200
 * took 20 ms and 15 ms. Cached numbers are answered here in 0.1 ms, against 0.3 ms through the workers.
 */
export const MIN_BATCH_FOR_WORKERS = 256;

/**
 * Where the compiled worker is. Built code runs from `dist/src/imports/`, beside it. The TypeScript sources
 * (under vitest) cannot be a worker: Node 20 starts no `.ts` thread without a loader, so from `src/imports/` the
 * build's copy is used, two folders up in `dist/`. `npm test` builds first.
 */
export function defaultWorkerUrl(): URL {
  const compiled = import.meta.url.endsWith('.js');
  return new URL(
    compiled ? './phone-validation-worker.js' : '../../dist/src/imports/phone-validation-worker.js',
    import.meta.url,
  );
}

/** Starts no thread yet: the first batch of {@link MIN_BATCH_FOR_WORKERS} numbers or more does. */
export function createPhoneValidationPool(options: PhoneValidationPoolOptions = {}): PhoneValidationPool {
  const threads = options.threads ?? availableParallelism();
  if (!Number.isInteger(threads) || threads < 1) {
    throw new RangeError(`a phone validation pool needs a whole number of threads ≥ 1, got ${threads}`);
  }
  const workerUrl = options.workerUrl ?? defaultWorkerUrl();
  if (workerUrl.protocol === 'file:' && !existsSync(workerUrl)) {
    throw new PhoneValidationError(
      'phone_validation_worker_missing',
      `the phone validation worker ${fileURLToPath(workerUrl)} is missing: run \`npm run build\``,
    );
  }
  const workers: (ValidationWorker | undefined)[] = Array.from({ length: threads });
  let closed = false;

  const workerAt = (slot: number): ValidationWorker => {
    let worker = workers[slot];
    if (worker === undefined || worker.stopped) {
      worker = startValidationWorker(workerUrl);
      workers[slot] = worker;
    }
    return worker;
  };

  return {
    async normalize(raws, defaultCountry) {
      if (closed) throw closedError();
      if (raws.length < MIN_BATCH_FOR_WORKERS) return raws.map((raw) => normalizePhone(raw, defaultCountry));

      const shares = shareOut(raws, threads);
      const answers = await Promise.all(
        shares.map((share, slot) =>
          share.raws.length === 0 ? Promise.resolve([]) : workerAt(slot).validate(share.raws, defaultCountry),
        ),
      );
      const results = new Array<NormalizedPhone>(raws.length);
      answers.forEach((answer, slot) => {
        const { positions } = shares[slot]!;
        answer.forEach((result, i) => (results[positions[i]!] = result));
      });
      return results;
    },

    async close() {
      closed = true;
      await Promise.all(workers.flatMap((worker) => worker?.stop() ?? []));
    },
  };
}

interface Share {
  readonly raws: string[];
  /** Where each of `raws` sits in the batch. */
  readonly positions: number[];
}

/** The batch's numbers by worker: the same raw text always to the same worker, so its cache knows it. */
function shareOut(raws: readonly string[], threads: number): Share[] {
  const shares = Array.from({ length: threads }, (): Share => ({ raws: [], positions: [] }));
  raws.forEach((raw, position) => {
    const share = shares[hashString(raw) % threads]!;
    share.raws.push(raw);
    share.positions.push(position);
  });
  return shares;
}

interface ValidationWorker {
  /** True once the thread has exited (crashed or stopped): the pool starts another in its place. */
  readonly stopped: boolean;
  validate(raws: readonly string[], defaultCountry: CountryCode): Promise<readonly NormalizedPhone[]>;
  stop(): Promise<void>;
}

interface PendingBatch {
  readonly size: number;
  resolve(results: readonly NormalizedPhone[]): void;
  reject(error: Error): void;
}

function startValidationWorker(url: URL): ValidationWorker {
  // No flags from the parent: the worker is plain compiled JavaScript, and some flags break it (a parent run
  // with `--input-type=module --eval` would make the worker read its file as that kind of input and fail).
  // Heap limits sized to the work: validation makes short-lived strings, and keeps the metadata and a cache of at
  // most 100,000 numbers (about 30 MiB). Left to itself, V8 sizes each thread's heap for throughput and lets
  // garbage pile up, which only raised an import's peak memory (DESIGN §8: 300 MB for a million rows).
  const thread = new Worker(url, { execArgv: [], resourceLimits: HEAP_LIMITS });
  const pending = new Map<number, PendingBatch>();
  let nextId = 0;
  let stopped = false;
  let stopping = false;
  let failure: unknown;

  thread.on('message', ({ id, results }: ValidationResponse) => {
    const batch = pending.get(id);
    pending.delete(id);
    if (pending.size === 0) thread.unref();
    batch?.resolve(results);
  });
  thread.on('error', (error) => {
    failure = error;
  });
  thread.on('exit', (exitCode) => {
    stopped = true;
    if (pending.size === 0) return;
    const numbers = [...pending.values()].reduce((sum, batch) => sum + batch.size, 0);
    const error = stopping
      ? closedError()
      : new PhoneValidationError(
          'phone_validation_worker_crashed',
          `a phone validation worker stopped (exit code ${exitCode}) with ${numbers} numbers unanswered: ` +
            'those numbers were not validated; send them again (a new worker takes them)',
          { cause: failure },
        );
    for (const batch of pending.values()) batch.reject(error);
    pending.clear();
  });
  // Referenced only while it holds a batch: an idle pool must not keep the process alive, and a busy one must
  // (a command awaiting its results may have nothing else on the event loop). After the listeners: adding a
  // `message` listener references the thread again.
  thread.unref();

  return {
    get stopped() {
      return stopped;
    },
    validate(raws, defaultCountry) {
      return new Promise((resolve, reject) => {
        const id = nextId++;
        pending.set(id, { size: raws.length, resolve, reject });
        thread.ref();
        const request: ValidationRequest = { id, raws, defaultCountry };
        thread.postMessage(request);
      });
    },
    async stop() {
      stopping = true;
      await thread.terminate();
    },
  };
}

function closedError(): PhoneValidationError {
  return new PhoneValidationError(
    'phone_validation_pool_closed',
    'the phone validation pool is closed: numbers can no longer be validated through it',
  );
}
