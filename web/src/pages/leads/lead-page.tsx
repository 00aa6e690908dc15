/** Placeholder while this page is being built. */
export function LeadPage() {
  return null;
}
