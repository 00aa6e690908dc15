/** Kept apart from the command so `callwright --help` loads neither the database drivers nor the pipeline. */
export const IMPORT_USAGE = `  import --campaign ID FILE.csv (--db PATH|postgres://… | --server URL [--api-key KEY])
         [--map ROLE=COLUMN]… [--default-country US] [--errors-out FILE] [--json]
      Adds a CSV of leads to a campaign: any size, UTF-8/UTF-16/Windows-1252, , ; tab or | separated. Columns
      are found from their headers (phone, mobile, "Phone Number", name, first/last name, email, external id…);
      --map names them (phone=Mobile, secondary=Office,Home, name, first_name, last_name, email, timezone,
      external_id; fields=… keeps columns as lead fields, ignore=… leaves them out). Every other column
      becomes a lead field. --db writes to the database directly (no server
      running on that SQLite file); --server sends the file to a running \`callwright serve\` (key from
      --api-key or CALLWRIGHT_API_KEY). Refused values go to FILE.errors.csv (or --errors-out): row, column,
      value, reason. Fix those rows in FILE and import it again: numbers already in come back as duplicates,
      so only the fixed rows are added.
`;
