import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { createSeededRandom } from '../domain/seeded-random.js';
import { normalizePhone } from './phone.js';
import {
  createPhoneValidationPool,
  defaultWorkerUrl,
  MIN_BATCH_FOR_WORKERS,
  type PhoneValidationPool,
  type PhoneValidationPoolOptions,
} from './phone-validation-pool.js';

// Real worker threads run the build (`dist/`): Node 20 cannot start the TypeScript sources as a worker.
const pools: PhoneValidationPool[] = [];
const openPool = (options: PhoneValidationPoolOptions = {}) => {
  const pool = createPhoneValidationPool(options);
  pools.push(pool);
  return pool;
};
afterEach(async () => {
  await Promise.all(pools.splice(0).map((pool) => pool.close()));
});

/** A worker script given as source text, for workers that misbehave on purpose. */
const workerFromSource = (source: string) => new URL(`data:text/javascript,${encodeURIComponent(source)}`);

/** Takes requests and never answers. */
const SILENT_WORKER = workerFromSource(
  `import { parentPort } from 'node:worker_threads'; parentPort.on('message', () => {});`,
);

/** Answers like the real worker, but dies on a batch holding the text `crash`. */
const CRASHING_WORKER = workerFromSource(`
  import { parentPort } from 'node:worker_threads';
  import { normalizePhone } from '${new URL('./phone.js', defaultWorkerUrl()).href}';
  parentPort.on('message', ({ id, raws, defaultCountry }) => {
    if (raws.includes('crash')) throw new Error('the worker crashed on purpose');
    parentPort.postMessage({ id, results: raws.map((raw) => normalizePhone(raw, defaultCountry)) });
  });
`);

/** Every way a number can be refused, and valid spellings around them. */
const MIXED = [
  '+12125550100',
  '(212) 555-0101',
  '',
  'call me maybe',
  '+1212555010',
  '+1 212 555 01000',
  '+999 1234 5678',
  '1.21256E+10',
  '0044 20 7946 0958',
  '+1 111 555 0100',
  '212-555-0199 ext. 12',
  '2125550',
  '="+12125550102"',
];

/** `count` numbers of eight big US area codes written in E.164, one in twenty of them a digit short. */
function randomUsNumbers(count: number, seed: string): string[] {
  const random = createSeededRandom(seed);
  const below = (n: number) => Math.floor(random.next() * n);
  const areaCodes = [212, 206, 303, 305, 312, 415, 512, 617];
  return Array.from({ length: count }, () => {
    const lineDigits = random.next() < 0.05 ? 3 : 4;
    const line = String(below(10 ** lineDigits)).padStart(lineDigits, '0');
    return `+1${areaCodes[below(areaCodes.length)]}${200 + below(800)}${line}`;
  });
}

describe('the phone validation pool', () => {
  it('answers what normalizePhone answers, in input order, reasons included', async () => {
    const pool = openPool({ threads: 2 });
    const raws = Array.from({ length: 40 }, () => MIXED).flat();
    expect(raws.length).toBeGreaterThanOrEqual(MIN_BATCH_FOR_WORKERS);

    const results = await pool.normalize(raws, 'US');

    expect(results).toEqual(raws.map((raw) => normalizePhone(raw, 'US')));
    expect(results.filter((result) => !result.ok).map((result) => result.reason)).toContain(
      'is in scientific notation and has lost digits (format the column as text and export again)',
    );
  });

  it('reads national numbers as numbers of the default country it is given', async () => {
    const pool = openPool({ threads: 2 });
    const raws = Array.from({ length: MIN_BATCH_FOR_WORKERS }, () => '020 7946 0958');

    const [british] = await pool.normalize(raws, 'GB');
    const [american] = await pool.normalize(raws, 'US');

    expect(british).toEqual({ ok: true, e164: '+442079460958' });
    expect(american).toEqual(normalizePhone('020 7946 0958', 'US'));
    expect(american?.ok).toBe(false);
  });

  it('validates a batch of 100,000 numbers across the workers without losing their order', async () => {
    const pool = openPool({ threads: 2 });
    const raws = randomUsNumbers(100_000, 'phone-validation-pool:100k');

    const results = await pool.normalize(raws, 'US');

    expect(results).toHaveLength(raws.length);
    // A valid number written in E.164 comes back as itself: each one is where its input was.
    const valid = results.filter((result, i) => result.ok && result.e164 === raws[i]).length;
    const invalid = results.filter((result) => !result.ok).length;
    expect(valid + invalid).toBe(raws.length);
    expect(invalid).toBeGreaterThan(4_000);
    const sample = Array.from({ length: 1_000 }, (_, i) => i * 97);
    expect(sample.map((i) => results[i])).toEqual(sample.map((i) => normalizePhone(raws[i]!, 'US')));
  });

  it('validates a small batch on the calling thread, without asking the workers', async () => {
    const pool = openPool({ threads: 1, workerUrl: SILENT_WORKER });
    const raws = Array.from({ length: MIN_BATCH_FOR_WORKERS - 1 }, (_, i) => MIXED[i % MIXED.length]!);

    await expect(pool.normalize(raws, 'US')).resolves.toEqual(raws.map((raw) => normalizePhone(raw, 'US')));
  });

  it('rejects every batch a crashed worker held, then validates with a new worker', async () => {
    const pool = openPool({ threads: 1, workerUrl: CRASHING_WORKER });
    const numbers = randomUsNumbers(MIN_BATCH_FOR_WORKERS, 'phone-validation-pool:crash');

    const poisoned = pool.normalize([...numbers, 'crash'], 'US');
    const queuedBehind = pool.normalize(numbers, 'US');

    const crashed = {
      code: 'phone_validation_worker_crashed',
      message: expect.stringMatching(/^a phone validation worker stopped \(exit code 1\) with 513 numbers/),
      cause: { message: 'the worker crashed on purpose' },
    };
    await Promise.all([
      expect(poisoned).rejects.toMatchObject(crashed),
      expect(queuedBehind).rejects.toMatchObject(crashed),
    ]);
    await expect(pool.normalize(numbers, 'US')).resolves.toEqual(
      numbers.map((raw) => normalizePhone(raw, 'US')),
    );
  });

  it('rejects pending and later batches once closed', async () => {
    const pool = openPool({ threads: 2, workerUrl: SILENT_WORKER });
    const closed = { code: 'phone_validation_pool_closed' };
    const pending = pool.normalize(randomUsNumbers(1_000, 'phone-validation-pool:close'), 'US');
    const rejected = expect(pending).rejects.toMatchObject(closed);

    await pool.close();

    await rejected;
    await expect(pool.normalize(['+12125550100'], 'US')).rejects.toMatchObject(closed);
  });

  it('does not keep the process alive, and keeps it alive while it validates', async () => {
    // A module whose last act is awaiting the pool: with an unreferenced busy worker Node would exit at once
    // (code 13, unsettled top-level await); with a referenced idle one it would never exit.
    const script = `
      import { createPhoneValidationPool } from '${new URL('./phone-validation-pool.js', defaultWorkerUrl()).href}';
      const pool = createPhoneValidationPool({ threads: 2 });
      const raws = Array.from({ length: 2000 }, (_, i) => '+1212' + String(2000000 + i * 13));
      const results = await pool.normalize(raws, 'US');
      console.log(results.filter((result) => result.ok).length);
    `;
    const run = promisify(execFile)('node', ['--input-type=module', '--eval', script], {
      timeout: 20_000,
      cwd: fileURLToPath(new URL('.', import.meta.url)),
    });

    await expect(run).resolves.toMatchObject({ stdout: expect.stringMatching(/^\d{3,4}\n$/) });
  });

  it('refuses a pool without threads, and says how to get a missing worker', () => {
    expect(() => createPhoneValidationPool({ threads: 0 })).toThrow(RangeError);
    expect(() => createPhoneValidationPool({ workerUrl: new URL('file:///nowhere/worker.js') })).toThrow(
      expect.objectContaining({
        code: 'phone_validation_worker_missing',
        message: 'the phone validation worker /nowhere/worker.js is missing: run `npm run build`',
      }),
    );
  });
});
