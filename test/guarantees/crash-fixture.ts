/** The campaign of the crash test: its scenario file and a leads CSV, deterministic for a seed. */
import { createSeededRandom } from '../../src/domain/seeded-random.js';
import { normalizePhone } from '../../src/imports/phone.js';

const AREA_CODES = ['212', '415', '646', '305', '312', '617', '718', '202', '213', '310'];
const AREA_CODES_MORE = [...AREA_CODES, '404', '512', '206', '303', '702', '602', '214', '713', '615', '503'];

/**
 * The scenario: one call at a time, five rounds, so the run lasts long enough (~1.5–2 s of wall time) for the
 * kills to land mid-way.
 */
export const CRASH_SCENARIO = {
  start: '2026-03-02T09:00:00-05:00',
  assistant: { timezone: 'America/New_York', ratePerMinute: '0.10', maxCallMinutes: 5, callsPerSecond: 1 },
  campaign: {
    name: 'Crash test',
    schedule: { startTime: '09:00', endTime: '18:00', days: ['mon', 'tue', 'wed', 'thu', 'fri'] },
    retry: { maxRetries: 5, intervalMinutes: 30, onVoicemail: true, untilGoal: true },
    goal: { variable: 'appointment_booked' },
    maxConcurrentCalls: 1,
  },
  // Few people answer, so most leads go through every round of every contact: many calls to kill.
  simulator: { seed: 11, outcomes: { human: 0.1, voicemail: 0.3, busy: 0.2, failed: 0.1, goal: 0.3 } },
};

/** ~300 leads: magic numbers 00–09 over many area codes, random valid numbers, some with one or two secondary numbers. */
export function crashLeadsCsv(seed: number, leads: number): string {
  const random = createSeededRandom(`crash-leads:${seed}`);
  const pick = (list: readonly string[]) => list[random.int(0, list.length - 1)]!;
  const magicNumber = () => `+1${pick(AREA_CODES_MORE)}55501${String(random.int(0, 9)).padStart(2, '0')}`;
  const randomNumber = () =>
    `+1${pick(AREA_CODES)}${random.int(200, 999)}${String(random.int(0, 9999)).padStart(4, '0')}`;
  const used = new Set<string>();
  // 200 magic numbers exist over these area codes: when the draw keeps repeating, take a random number.
  const fresh = (make: () => string): string => {
    for (let tries = 0; ; tries++) {
      const normalized = normalizePhone(tries < 20 ? make() : randomNumber(), 'US');
      if (normalized.ok && !used.has(normalized.e164)) {
        used.add(normalized.e164);
        return normalized.e164;
      }
    }
  };
  const number = () => fresh(random.next() < 0.4 ? magicNumber : randomNumber);
  const rows = ['phone,secondary_phone,secondary_phone_2,name'];
  for (let i = 0; i < leads; i++) {
    const primary = number();
    const secondary = random.next() < 0.5 ? number() : '';
    const third = secondary !== '' && random.next() < 0.4 ? number() : '';
    rows.push(`${primary},${secondary},${third},Lead ${i + 1}`);
  }
  return `${rows.join('\n')}\n`;
}
