/** Placeholder while this page is being built. */
export function AssistantsPage() {
  return null;
}
