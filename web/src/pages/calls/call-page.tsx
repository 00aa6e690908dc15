/** Placeholder while this page is being built. */
export function CallPage() {
  return null;
}
