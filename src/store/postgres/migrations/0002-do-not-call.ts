/**
 * The account's do-not-call list and the assistants' opt-out variable: logically SQLite's 0004-do-not-call (the
 * logical-schema test compares them). Append-only like every migration.
 */
export const sql = `
-- The key serves every read: the claim's check of a contact, the check at import, a lookup, the list in number
-- order.
CREATE TABLE do_not_call (
  account_id text NOT NULL REFERENCES accounts(id),
  phone text NOT NULL,
  source text NOT NULL CHECK (source IN ('api', 'import', 'opt_out')),
  note text,
  created_at bigint NOT NULL,
  PRIMARY KEY (account_id, phone)
);

-- NULL turns opt-outs off. Existing assistants get the default.
ALTER TABLE assistants ADD COLUMN opt_out_variable text DEFAULT 'opt_out';
`;
