/** Kept apart from the command so `callwright --help` loads neither the database drivers nor the pipeline. */
export const DNC_USAGE = `  dnc import --db PATH|postgres://… --account ID FILE.csv [--default-country US] [--note TEXT]
         [--errors-out FILE] [--json]
      Puts every number of a CSV (its phone column and any secondary ones, found as for leads) on the account's
      do-not-call list. Listed numbers are never dialed: the list is checked again right before each call, so
      this takes effect for leads already imported, even while campaigns run. Importing a number twice is harmless.
`;
