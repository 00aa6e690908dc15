import { readBoolean } from '../../domain/post-call-variables.js';

/**
 * The assistant's post-call variables from an end-of-call report's `analysis` (reference/provider-apis.md §0.2):
 *
 * - primary: `analysis.structuredData`, which Vapi fills from the assistant's structured-data schema, one
 *   property per variable (e.g. `{"booked": true}`);
 * - fallback: `analysis.successEvaluation`, the string `"true"` or `"false"` of Vapi's default PassFail rubric,
 *   taken as the value of the assistant's boolean variable when the assistant declares exactly one (with two,
 *   nothing says which one the verdict is about) and structuredData does not report it. Other rubrics
 *   (numbers, descriptions) are not booleans and are ignored.
 *
 * Vapi skips the analysis of very short calls (`minMessagesThreshold`): then there are no variables.
 */
export function reportedVariables(
  analysis: Record<string, unknown> | null,
  booleanVariables: readonly string[],
): Record<string, unknown> {
  const structured = analysis?.structuredData;
  // fromEntries defines own properties, so a variable named `__proto__` stays a plain key.
  const variables: Record<string, unknown> =
    typeof structured === 'object' && structured !== null && !Array.isArray(structured)
      ? Object.fromEntries(Object.entries(structured))
      : {};
  const [only, ...others] = booleanVariables;
  if (only !== undefined && others.length === 0 && !Object.hasOwn(variables, only)) {
    const verdict = readBoolean(analysis?.successEvaluation);
    if (verdict !== null) return Object.fromEntries([...Object.entries(variables), [only, verdict]]);
  }
  return variables;
}
