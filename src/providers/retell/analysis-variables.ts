import type { RetellCallAnalysis } from './retell-call.js';

/**
 * The assistant's post-call variables from a Retell call analysis (provider-apis.md §0.2):
 * - every item of `custom_analysis_data`, which Retell extracts by the agent's `post_call_analysis_data` schema
 *   (a boolean item named like the assistant's goal variable reports the goal);
 * - fallback: when the assistant declares exactly one boolean variable and the analysis does not report it as a
 *   boolean, Retell's own `call_successful` stands for it. With two or more boolean variables there is no telling
 *   which one `call_successful` means, so none is filled in.
 *
 * `booleanVariableNames` comes back from the call's metadata (the adapter is stateless between place and webhook).
 */
export function readAnalysisVariables(
  analysis: RetellCallAnalysis,
  booleanVariableNames: readonly string[],
): Record<string, unknown> {
  // fromEntries defines own properties, so an item named `__proto__` stays a plain key.
  const variables: Record<string, unknown> = Object.fromEntries(
    Object.entries(analysis.customAnalysisData ?? {}),
  );
  const [only, ...others] = booleanVariableNames;
  if (only !== undefined && others.length === 0 && analysis.callSuccessful !== null) {
    const reported = variables[only];
    if (!Object.hasOwn(variables, only) || !isBooleanLike(reported)) {
      const rest = Object.entries(variables).filter(([name]) => name !== only);
      return Object.fromEntries([...rest, [only, analysis.callSuccessful]]);
    }
  }
  return variables;
}

/** `true`/`false`, as a boolean or as the strings an LLM extraction sometimes produces. */
function isBooleanLike(value: unknown): boolean {
  return value === true || value === false || value === 'true' || value === 'false';
}
