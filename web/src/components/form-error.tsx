import { Alert } from '@mantine/core';
import { ApiError } from '../api/client';
import { ErrorAlert } from './query-state';

/** A path equal to `field`, or inside it: `variables[0].name` is in `variables`, `schedule.days` in `schedule`. */
export function isInField(path: string, field: string): boolean {
  return path === field || path.startsWith(`${field}.`) || path.startsWith(`${field}[`);
}

/** The API's message for a form field (or a value inside it) of a failed submission, for an input's `error`. */
export function fieldError(error: unknown, field: string): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  return error.problem.errors?.find((fieldProblem) => isInField(fieldProblem.path, field))?.message;
}

/**
 * A form's failure above its button. The API's field errors that the form shows under its fields are not
 * repeated here; any other (a field the form has no input for, a conflict, a lost connection) is. When every
 * message is under a field, a line here still says so beside the button: on a long form they may be out of view.
 */
export function FormError({
  error,
  fields,
  title,
}: {
  readonly error: unknown;
  /** The fields the form shows messages under; a message inside one of them (`variables[0].name`) counts. */
  readonly fields: readonly string[];
  readonly title: string;
}) {
  if (error === null || error === undefined) return null;
  if (!(error instanceof ApiError) || error.problem.errors === undefined) {
    return <ErrorAlert error={error} title={title} />;
  }
  const unshown = error.problem.errors.filter((e) => !fields.some((field) => isInField(e.path, field)));
  if (unshown.length === 0) {
    return (
      <Alert color="red" title={title} role="alert">
        See the messages under the fields.
      </Alert>
    );
  }
  return <ErrorAlert error={new ApiError({ ...error.problem, errors: unshown })} title={title} />;
}
