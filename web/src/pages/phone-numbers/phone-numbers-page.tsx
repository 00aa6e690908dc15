/** Placeholder while this page is being built. */
export function PhoneNumbersPage() {
  return null;
}
