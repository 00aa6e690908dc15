/**
 * A lead is found by its external id within its campaign: rows of one person in several imports (or far apart in one
 * file) add their numbers to the same lead (DESIGN §2.4: one person, one lead). Append-only like every migration.
 */
export const sql = `
CREATE INDEX leads_external_id ON leads (campaign_id, external_id) WHERE external_id IS NOT NULL;
`;
