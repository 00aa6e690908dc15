/** Placeholder while this page is being built. */
export function AddLeadsTab() {
  return null;
}
