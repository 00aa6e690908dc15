/** As SQLite's 0006: leads found by external id within their campaign, so a person's rows merge into one lead. */
export const sql = `
CREATE INDEX leads_external_id ON leads (campaign_id, external_id) WHERE external_id IS NOT NULL;
`;
