/** Kept apart from the command so `callwright --help` loads no database driver. */
export const MIGRATE_USAGE = `  migrate --db PATH|postgres://…
      Applies the pending schema migrations and exits: a deploy step before new processes start (serve and
      worker also migrate when they open the database; on PostgreSQL an advisory lock makes concurrent starts
      migrate once). Refuses a database whose schema is newer than this Callwright.
`;
