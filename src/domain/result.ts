/** An expected outcome that may be refused: the refusal is a value, not an exception (CONVENTIONS §8). */
export type Result<T, E> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: E };

export const ok = <T>(value: T): { readonly ok: true; readonly value: T } => ({ ok: true, value });
export const err = <E>(error: E): { readonly ok: false; readonly error: E } => ({ ok: false, error });

/** A rejected field: `path` is dotted (`retry.maxRetries`), `message` names the value and what is allowed. */
export interface FieldError {
  readonly path: string;
  readonly message: string;
}

/** Ends an exhaustive `switch`: the compiler proves it unreachable, and at run time it says what slipped through. */
export function unreachable(value: never): never {
  throw new Error(`unreachable: unexpected value ${JSON.stringify(value)}`);
}
