/** Placeholder while this page is being built. */
export function AssistantPage() {
  return null;
}
