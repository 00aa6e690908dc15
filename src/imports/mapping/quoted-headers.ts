/** The file's non-empty headers as messages list them: `"phone", "Full Name"`, or `no column names`. */
export function quoteHeaders(headers: readonly string[]): string {
  const named = headers.filter((header) => header !== '');
  return named.length === 0 ? 'no column names' : named.map((header) => `"${header}"`).join(', ');
}
