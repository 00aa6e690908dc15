import { BUSY_OUTCOME, CARRIER_ERROR_OUTCOME, FAILED_AFTER_SECONDS } from './simulated-outcome.js';
import type { AnsweredOutcome, SimulatedOutcome } from './simulated-outcome.js';

/**
 * The simulator's magic numbers (DESIGN §6): `+1 NPA 555-01XY`, any area code, behave by `XY` on every call.
 * Only 00–09 are defined; `+1NPA55501XY` with XY from 10 to 99 draws its outcome like any other number.
 */
export const MAGIC_NUMBER_PATTERN = /^\+1\d{3}55501(\d\d)$/;

const HUMAN_GOAL_MET: AnsweredOutcome = {
  kind: 'answered',
  answeredBy: 'human',
  ringSeconds: 10,
  talkSeconds: 90,
  goal: true,
};
const HUMAN_GOAL_NOT_MET: AnsweredOutcome = { ...HUMAN_GOAL_MET, goal: false };
const VOICEMAIL: AnsweredOutcome = {
  kind: 'answered',
  answeredBy: 'machine',
  ringSeconds: 15,
  talkSeconds: 30,
  goal: null,
};
const UNANSWERED: SimulatedOutcome = { kind: 'unanswered', ringSeconds: 30 };
const INVALID_NUMBER: SimulatedOutcome = {
  kind: 'failed',
  afterSeconds: FAILED_AFTER_SECONDS,
  failureReason: 'invalid_number',
};
const LOST: SimulatedOutcome = { kind: 'lost', ringSeconds: 10 };

/** Index = XY. 07 and 08 depend on the attempt, see `magicOutcome`. */
const MAGIC_OUTCOMES: readonly SimulatedOutcome[] = [
  HUMAN_GOAL_MET, // 00
  HUMAN_GOAL_NOT_MET, // 01
  VOICEMAIL, // 02
  BUSY_OUTCOME, // 03
  UNANSWERED, // 04
  CARRIER_ERROR_OUTCOME, // 05
  INVALID_NUMBER, // 06
  HUMAN_GOAL_MET, // 07 from the second attempt on
  HUMAN_GOAL_MET, // 08 from the second attempt on
  LOST, // 09
];

/**
 * The fixed outcome of a magic number for the given 1-based attempt to this contact, or `null` when `to` is not
 * a magic number. 07 is unanswered and 08 a human without the goal on the first attempt; both meet the goal on
 * every later attempt.
 */
export function magicOutcome(to: string, attempt: number): SimulatedOutcome | null {
  const match = MAGIC_NUMBER_PATTERN.exec(to);
  if (match === null) return null;
  const xy = Number(match[1]);
  if (attempt <= 1) {
    if (xy === 7) return UNANSWERED;
    if (xy === 8) return HUMAN_GOAL_NOT_MET;
  }
  return MAGIC_OUTCOMES[xy] ?? null;
}
