/** Whether a call met the campaign's goal: the variables said so, said not, or have not (yet) said: "—". */
export function describeGoal(goal: boolean | null): string {
  if (goal === null) return '—';
  return goal ? 'Achieved' : 'Not achieved';
}
