/** Placeholder while this page is being built. */
export function AccountPage() {
  return null;
}
