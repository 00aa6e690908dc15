import { ApiError } from '../../../api/client';
import { isInField } from '../../../components/form-error';

/**
 * Which part of the settings form shows each of the API's field paths. The wizard asks for them in three steps
 * and, when the API refuses a field, goes back to the step that has it.
 */
export const SETTINGS_STEPS = [
  ['name', 'assistantId'],
  ['schedule'],
  ['retry', 'goal', 'maxConcurrentCalls'],
] as const;

/** Every path the settings form shows under a field. */
export const SETTINGS_FIELDS: readonly string[] = SETTINGS_STEPS.flat();

/** The first step showing a field the API refused in `error`, or null when none does. */
export function firstStepWithError(error: unknown): number | null {
  const paths = error instanceof ApiError ? (error.problem.errors?.map((problem) => problem.path) ?? []) : [];
  const step = SETTINGS_STEPS.findIndex((fields) =>
    paths.some((path) => fields.some((field) => isInField(path, field))),
  );
  return step === -1 ? null : step;
}
