/**
 * Benchmark (DESIGN §8, the import issue): import 1,000,000 CSV rows into SQLite, goal ≤ 30 s wall and ≤ 300 MB
 * peak RSS on a 2-core machine.
 *
 * The file is generated first (not timed): a header the importer has to map (`Phone Number`, `Mobile`,
 * `First Name`, `Last Name`, `Email`, `Customer ID`, `Company`, `Notes`), numbers in mixed spellings (E.164,
 * `(212) 555-0100`, dots, a lost `+`, `00` prefix), 20 % of rows with a secondary number, 2 % repeating an
 * earlier number, 1 % invalid. A draft campaign is created in a fresh SQLite file (WAL, as in production).
 *
 * The figure: `callwright import --db FILE --campaign ID leads.csv --json` run as its own process — the CLI's
 * code path exactly, worker threads included — timed from spawn to exit, its peak RSS read from
 * `/proc/<pid>/status` (VmHWM, the kernel's high-water mark for the whole process) while it runs. The counts it
 * prints are checked against what the generator wrote.
 *
 *   npm run bench:import
 *   node dist/bench/import.js --rows 200000       # a quicker run
 *   node dist/bench/import.js --profile DIR       # also writes V8 CPU profiles of the import (one per thread)
 *   node dist/bench/cpu-profile-summary.js DIR/<file>.cpuprofile
 */
import { spawn } from 'node:child_process';
import { createWriteStream, readFileSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseScenario } from '../src/cli/simulate/scenario.js';
import { setUpScenario } from '../src/cli/simulate/set-up-scenario.js';
import { composeSimulationEngine } from '../src/cli/simulate/simulation-engine.js';
import { createSeededRandom, type SeededRandom } from '../src/domain/seeded-random.js';
import { createVirtualClock } from '../src/engine/clock/virtual-clock.js';
import { createSqliteStore, openSqliteDatabase } from '../src/store/sqlite/sqlite-store.js';
import { argValue, createTempDir, describeMachine, int, today } from './bench-support.js';

const ROWS = Number(argValue('rows', '1000000'));
const PROFILE_DIR = argValue('profile', '');
const GOAL_SECONDS = 30;
const GOAL_RSS_MB = 300;
const SHARE_SECONDARY = 0.2;
const SHARE_DUPLICATE = 0.02;
const SHARE_INVALID = 0.01;

const SCENARIO = {
  start: '2026-03-02T09:00:00-05:00',
  campaign: { name: 'Import benchmark' },
};

/**
 * Area codes in service in the US (libphonenumber's max metadata refuses unassigned ones, as the import must), so
 * every generated number is valid and the counts can be checked exactly.
 */
const US_AREA_CODES = [
  201, 202, 203, 205, 206, 207, 208, 209, 210, 212, 213, 214, 215, 216, 217, 218, 219, 224, 225, 228, 229,
  231, 234, 239, 240, 248, 251, 252, 253, 254, 256, 260, 262, 267, 269, 270, 272, 276, 281, 301, 302, 303,
  304, 305, 307, 308, 309, 310, 312, 313, 314, 315, 316, 317, 318, 319, 320, 321, 323, 325, 330, 331, 334,
  336, 337, 339, 347, 351, 352, 360, 361, 385, 386, 401, 402, 404, 405, 406, 407, 408, 409, 410, 412, 413,
  414, 415, 417, 419, 423, 424, 425, 430, 432, 434, 435, 440, 442, 443, 469, 470, 475, 478, 479, 480, 484,
  501, 502, 503, 504, 505, 507, 508, 509, 510, 512, 513, 515, 516, 517, 518, 520, 530, 540, 541, 551, 559,
  561, 562, 563, 567, 570, 571, 573, 574, 575, 580, 585, 586, 601, 602, 603, 605, 606, 607, 608, 609, 610,
  612, 614, 615, 616, 617, 618, 619, 620, 623, 626, 630, 631, 636, 641, 646, 650, 651, 660, 661, 662, 678,
  682, 702, 703, 704, 706, 707, 708, 712, 713, 714, 715, 716, 717, 718, 719, 720, 724, 727, 731, 732, 734,
  740, 747, 754, 757, 760, 762, 763, 765, 770, 772, 773, 774, 775, 781, 785, 786, 801, 802, 803, 804, 805,
  806, 808, 810, 812, 813, 814, 815, 816, 817, 818, 828, 830, 831, 832, 843, 845, 847, 848, 850, 856, 857,
  858, 859, 860, 862, 863, 864, 865, 870, 872, 901, 903, 904, 906, 907, 908, 909, 910, 912, 913, 914, 915,
  916, 917, 918, 919, 920, 925, 928, 931, 936, 937, 940, 941, 947, 949, 951, 952, 954, 956, 970, 971, 972,
  973, 978, 979, 980, 985, 989,
];

/** Distinct valid US numbers in E.164; exchange 555 (the simulator's test numbers) and N11 codes are skipped. */
function createValidUsNumbers(random: SeededRandom) {
  const seen = new Set<string>();
  return (): string => {
    for (;;) {
      const npa = US_AREA_CODES[random.int(0, US_AREA_CODES.length - 1)]!;
      const nxx = random.int(200, 999);
      if (nxx === 555 || nxx % 100 === 11) continue;
      const number = `+1${npa}${nxx}${random.int(0, 9999).toString().padStart(4, '0')}`;
      if (seen.has(number)) continue;
      seen.add(number);
      return number;
    }
  };
}

/** `+12125550100` in one of the spellings real lists use; each reads back as the same E.164 number. */
function spell(e164: string, random: SeededRandom): string {
  const [npa, nxx, line] = [e164.slice(2, 5), e164.slice(5, 8), e164.slice(8)];
  switch (random.int(0, 4)) {
    case 0:
      return e164;
    case 1:
      return `(${npa}) ${nxx}-${line}`;
    case 2:
      return `${npa}.${nxx}.${line}`;
    case 3:
      return `1${npa}${nxx}${line}`; // a spreadsheet dropped the `+`
    default:
      return `001 ${npa} ${nxx} ${line}`;
  }
}

interface Generated {
  readonly rows: number;
  readonly numbers: number;
  readonly duplicates: number;
  readonly invalid: number;
}

async function writeCsv(path: string): Promise<Generated> {
  const random = createSeededRandom('bench:import');
  const nextNumber = createValidUsNumbers(random);
  const earlier: string[] = [];
  const out = createWriteStream(path);
  out.write('Customer ID,First Name,Last Name,Phone Number,Mobile,Email,Company,Notes\n');
  let numbers = 0;
  let duplicates = 0;
  let invalid = 0;
  for (let i = 0; i < ROWS; i++) {
    const roll = random.next();
    let phone: string;
    let fresh = false;
    if (roll < SHARE_INVALID) {
      phone = `555-${random.int(10, 99)}`; // too short in every country
      invalid += 1;
    } else if (roll < SHARE_INVALID + SHARE_DUPLICATE && earlier.length > 0) {
      phone = spell(earlier[random.int(0, earlier.length - 1)]!, random);
      duplicates += 1;
    } else {
      const e164 = nextNumber();
      if (earlier.length < 100_000) earlier.push(e164);
      phone = spell(e164, random);
      numbers += 1;
      fresh = true;
    }
    // Only fresh rows get a secondary number, so a refused primary never leaves a lead behind.
    let mobile = '';
    if (fresh && random.next() < SHARE_SECONDARY / (1 - SHARE_INVALID - SHARE_DUPLICATE)) {
      mobile = spell(nextNumber(), random);
      numbers += 1;
    }
    const line = `C${i},First${i % 977},Last${i % 1453},${phone},${mobile},lead${i}@example.com,"Company ${i % 5000}, Inc.",note ${i}\n`;
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return { rows: ROWS, numbers, duplicates, invalid };
}

async function createCampaign(dbPath: string): Promise<string> {
  const parsed = parseScenario(SCENARIO);
  if (!parsed.ok) throw new Error(`benchmark scenario invalid: ${JSON.stringify(parsed.error)}`);
  const store = createSqliteStore(openSqliteDatabase(dbPath));
  try {
    const clock = createVirtualClock(parsed.value.start);
    const { ids } = composeSimulationEngine(store, clock, parsed.value.simulator);
    return await setUpScenario(store, ids, parsed.value);
  } finally {
    await store.close();
  }
}

/** Runs the CLI, sampling its high-water RSS; resolves with its output, wall time and peak. */
async function runImport(args: readonly string[]) {
  const started = performance.now();
  const profiling = PROFILE_DIR === '' ? [] : ['--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`];
  const cli = join(import.meta.dirname, '../src/cli/main.js');
  const child = spawn(process.execPath, [...profiling, cli, 'import', ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let peakKiB = 0;
  const sample = () => {
    try {
      const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
      if (hwm) peakKiB = Math.max(peakKiB, Number(hwm[1]));
    } catch {
      // The process has just exited.
    }
  };
  const sampler = setInterval(sample, 50);
  let stdout = '';
  child.stdout.on('data', (chunk: Buffer) => {
    sample();
    stdout += chunk.toString();
  });
  const [code] = (await once(child, 'exit')) as [number | null];
  clearInterval(sampler);
  const seconds = (performance.now() - started) / 1000;
  if (code !== 0) throw new Error(`callwright import exited with ${code}:\n${stdout}`);
  return {
    report: JSON.parse(stdout) as { counts: Record<string, number> },
    seconds,
    peakMiB: peakKiB / 1024,
  };
}

async function main() {
  const temp = createTempDir('bench-import');
  try {
    const csv = join(temp.dir, 'leads.csv');
    const dbPath = join(temp.dir, 'import.db');
    process.stderr.write(`generating ${int(ROWS)} rows…\n`);
    const generated = await writeCsv(csv);
    const campaignId = await createCampaign(dbPath);
    const machine = describeMachine(openSqliteDatabase(':memory:'));

    process.stderr.write('importing…\n');
    const { report, seconds, peakMiB } = await runImport([
      '--db',
      dbPath,
      '--campaign',
      campaignId,
      '--json',
      '--errors-out',
      join(temp.dir, 'errors.csv'),
      csv,
    ]);
    const { counts } = report;
    const expectedLeads = generated.rows - generated.invalid - generated.duplicates;
    if (
      counts.rows !== generated.rows ||
      counts.invalid !== generated.invalid ||
      counts.leads !== expectedLeads
    ) {
      throw new Error(`unexpected counts ${JSON.stringify(counts)} for ${JSON.stringify(generated)}`);
    }
    const mb = statSync(csv).size / 1e6;
    const met = (ok: boolean) => (ok ? 'MET' : 'MISSED');
    const lines = [
      `benchmark: import ${int(ROWS)} CSV rows into SQLite (${today()})`,
      `method:   \`callwright import --db … --json\` as its own process, spawn to exit; peak RSS = VmHWM of that`,
      `          process (worker threads included), sampled every 50 ms. File: ${mb.toFixed(1)} MB, headers mapped`,
      `          automatically, mixed number spellings, ${SHARE_SECONDARY * 100} % with a secondary number, ${SHARE_DUPLICATE * 100} % duplicates,`,
      `          ${SHARE_INVALID * 100} % invalid; a draft campaign in a fresh WAL file.`,
      ...machine,
      '',
      'FIGURE',
      `  wall time:      ${seconds.toFixed(1)} s  (goal ≤ ${GOAL_SECONDS} s: ${met(seconds <= GOAL_SECONDS)})`,
      `  peak RSS:       ${peakMiB.toFixed(0)} MiB  (goal ≤ ${GOAL_RSS_MB} MB = ${(GOAL_RSS_MB / 1.048576).toFixed(0)} MiB: ${met(peakMiB * 1.048576 <= GOAL_RSS_MB)})`,
      `  rows per second: ${int(ROWS / seconds)}`,
      `  counts:         ${JSON.stringify(counts)}`,
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    temp.remove();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
