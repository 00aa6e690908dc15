/**
 * Reading the post-call variables an assistant reports (DESIGN §1, §2.7): the goal and the opt-out are boolean
 * variables, and platforms do not all send booleans the same way.
 */

/** Assistants report booleans as JSON booleans or, from some platforms, as the strings "true"/"false". */
export function readBoolean(value: unknown): boolean | null {
  if (value === true || value === 'true') return true;
  if (value === false || value === 'false') return false;
  return null;
}
