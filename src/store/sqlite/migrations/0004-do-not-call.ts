/**
 * The account's do-not-call list and the assistants' opt-out variable (DESIGN §2.4; src/domain/do-not-call.ts).
 * Append-only like every migration.
 */
export const sql = `
-- One row per number an account must never dial, whichever campaign it comes from. The key serves every read:
-- the claim's check of a contact, the check at import, a lookup, and the list in number order.
CREATE TABLE do_not_call (
  account_id TEXT NOT NULL REFERENCES accounts(id),
  phone TEXT NOT NULL,
  source TEXT NOT NULL CHECK (source IN ('api', 'import', 'opt_out')),
  note TEXT,
  created_at INTEGER NOT NULL,
  PRIMARY KEY (account_id, phone)
) WITHOUT ROWID;

-- The post-call variable by which a callee opts out; NULL turns opt-outs off. Existing assistants get the default.
ALTER TABLE assistants ADD COLUMN opt_out_variable TEXT DEFAULT 'opt_out';
`;
