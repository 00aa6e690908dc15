import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const CLI = join(import.meta.dirname, '../../dist/src/cli/main.js');
const EXAMPLES = join(import.meta.dirname, '../../examples');

let dir: string;
beforeAll(async () => {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` first (npm test does)`);
  dir = await mkdtemp(join(tmpdir(), 'callwright-simulate-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function simulate(args: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, [CLI, 'simulate', ...args]);
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('callwright simulate', () => {
  it('gives the exact result DESIGN §2 and §6 imply for the three-lead example', async () => {
    const callsOut = join(dir, 'calls.csv');
    const result = await simulate([
      '--scenario',
      join(EXAMPLES, 'scenario.json'),
      '--leads',
      join(EXAMPLES, 'leads-three.csv'),
      '--json',
      '--calls-out',
      callsOut,
    ]);
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toEqual({
      import: { rows: 3, leads: 3, duplicates: 0, invalid: 0 },
      campaign: {
        status: 'completed',
        pauseReason: null,
        startedAt: '2026-03-06T16:30:00-05:00',
        endedAt: '2026-03-09T09:00:03-04:00',
      },
      leads: {
        total: 3,
        byStatus: { created: 0, scheduled: 0, processing: 0, rescheduled: 0, completed: 2, max_retries: 1 },
      },
      calls: {
        total: 5,
        byStatus: {
          initiated: 0,
          ringing: 0,
          in_progress: 0,
          completed: 2,
          busy: 3,
          unanswered: 0,
          failed: 0,
        },
        voicemail: 0,
      },
      goalAchieved: 1,
      cost: { amount: '0.30', currency: 'USD' },
      balance: { amount: '499.70', currency: 'USD' },
    });

    const rows = (await readFile(callsOut, 'utf8')).trim().split('\n');
    expect(rows[0]).toBe(
      'call_id,lead_id,lead_name,contact_phone,contact_role,attempt,placed_at,ended_at,status,answered_by,billed_seconds,cost,goal',
    );
    // Each row without its two generated ids.
    expect(rows.slice(1).map((row) => row.split(',').slice(2).join(','))).toEqual([
      'Ada Lovelace,+12125550100,primary,1,2026-03-06T16:30:00-05:00,2026-03-06T16:31:40-05:00,completed,human,90,0.15,true',
      'Charles Babbage,+12125550101,primary,1,2026-03-06T16:30:01-05:00,2026-03-06T16:31:41-05:00,completed,human,90,0.15,false',
      'Grace Hopper,+12125550103,primary,1,2026-03-06T16:30:02-05:00,2026-03-06T16:30:05-05:00,busy,,0,0.00,',
      'Grace Hopper,+12125550103,primary,2,2026-03-06T17:30:05-05:00,2026-03-06T17:30:08-05:00,busy,,0,0.00,',
      'Grace Hopper,+12125550103,primary,3,2026-03-09T09:00:00-04:00,2026-03-09T09:00:03-04:00,busy,,0,0.00,',
    ]);
  });

  it('dials a secondary number at once and reports invalid numbers and duplicates without importing them', async () => {
    const leads = join(dir, 'leads.csv');
    await writeFile(
      leads,
      [
        'phone,secondary_phone,name,plan',
        '(212) 555-0103,(212) 555-0100,Grace Hopper,gold',
        '555-1234,,Broken,silver',
        '212 555 0100,,Duplicate of a secondary,bronze',
      ].join('\n'),
    );
    const callsOut = join(dir, 'calls-secondary.csv');
    const result = await simulate([
      '--scenario',
      join(EXAMPLES, 'scenario.json'),
      '--leads',
      leads,
      '--json',
      '--calls-out',
      callsOut,
    ]);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('row 3: phone "555-1234"');
    const summary = JSON.parse(result.stdout) as {
      import: unknown;
      leads: { byStatus: { completed: number } };
    };
    expect(summary.import).toEqual({ rows: 3, leads: 1, duplicates: 1, invalid: 1 });
    expect(summary.leads.byStatus.completed).toBe(1);
    const rows = (await readFile(callsOut, 'utf8')).trim().split('\n').slice(1);
    expect(rows.map((r) => r.split(',').slice(3, 9).join(','))).toEqual([
      '+12125550103,primary,1,2026-03-06T16:30:00-05:00,2026-03-06T16:30:03-05:00,busy',
      '+12125550100,secondary,1,2026-03-06T16:30:03-05:00,2026-03-06T16:31:43-05:00,completed',
    ]);
  });

  it('refuses a bad scenario naming every field, the value and what is allowed', async () => {
    const scenario = join(dir, 'bad.json');
    await writeFile(
      scenario,
      JSON.stringify({
        start: 'tomorrow',
        campaign: { name: 'x', retry: { maxRetries: 7, intervalMinutes: 5 } },
      }),
    );
    const result = await simulate(['--scenario', scenario, '--leads', join(EXAMPLES, 'leads-three.csv')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('start: must be an ISO 8601 time with an offset');
    expect(result.stderr).toContain('campaign.retry.maxRetries: must be 1–5, got 7');
    expect(result.stderr).toContain('campaign.retry.intervalMinutes: must be 10–4320, got 5');
  });

  it('refuses a leads file without a phone column', async () => {
    const leads = join(dir, 'nophone.csv');
    await writeFile(leads, 'name,email\nAda,ada@example.com\n');
    const result = await simulate(['--scenario', join(EXAMPLES, 'scenario.json'), '--leads', leads]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/phone/);
    expect(result.stderr).toContain('found "name", "email"');
  });

  it('prints a readable summary without --json', async () => {
    const result = await simulate([
      '--scenario',
      join(EXAMPLES, 'scenario.json'),
      '--leads',
      join(EXAMPLES, 'leads-three.csv'),
    ]);
    expect(result.stdout).toContain('Campaign completed');
    expect(result.stdout).toContain('Cost: 0.30 USD · balance 499.70 USD');
    expect(result.stdout).toMatch(/Ada Lovelace +\+12125550100 +completed \(goal_achieved\) +1 call\n/);
    expect(result.stdout).toMatch(/Grace Hopper +\+12125550103 +max_retries +3 calls\n/);
  });
});
