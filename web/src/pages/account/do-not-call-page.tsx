/** Placeholder while this page is being built. */
export function DoNotCallPage() {
  return null;
}
