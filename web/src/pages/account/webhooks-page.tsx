/** Placeholder while this page is being built. */
export function WebhooksPage() {
  return null;
}
