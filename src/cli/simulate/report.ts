import { CALL_CSV_COLUMNS, callCsvCells } from '../../api/presenters/exports-calls.js';
import { formatAmount } from '../../domain/money.js';
import { csvLine } from '../../domain/spreadsheet-cell.js';
import { formatInstantInZone } from '../../domain/time-format.js';
import type { CampaignReport, Store } from '../../engine/ports/store.js';

export interface SimulationSummary {
  readonly import: {
    readonly rows: number;
    readonly leads: number;
    readonly duplicates: number;
    readonly invalid: number;
  };
  readonly campaign: {
    readonly status: string;
    readonly pauseReason: string | null;
    readonly startedAt: string | null;
    readonly endedAt: string | null;
  };
  readonly leads: { readonly total: number; readonly byStatus: CampaignReport['leadsByStatus'] };
  readonly calls: {
    readonly total: number;
    readonly byStatus: CampaignReport['callsByStatus'];
    readonly voicemail: number;
  };
  readonly goalAchieved: number;
  readonly cost: { readonly amount: string; readonly currency: string };
  readonly balance: { readonly amount: string; readonly currency: string };
}

const sum = (counts: Readonly<Record<string, number>>) => Object.values(counts).reduce((a, b) => a + b, 0);

/** The `--json` result of `callwright simulate`: every status key present, amounts as decimal strings. */
export async function buildSummary(
  store: Store,
  campaignId: string,
  imported: SimulationSummary['import'],
  currency: string,
): Promise<SimulationSummary> {
  const campaign = (await store.getCampaign(campaignId))!;
  const assistant = (await store.getAssistant(campaign.assistantId))!;
  const account = (await store.getAccount(campaign.accountId))!;
  const report = await store.campaignReport(campaignId);
  const at = (instant: number | null) =>
    instant === null ? null : formatInstantInZone(instant, assistant.timezone);
  return {
    import: imported,
    campaign: {
      status: campaign.status,
      pauseReason: campaign.pauseReason,
      startedAt: at(campaign.startedAt),
      endedAt: at(campaign.endedAt),
    },
    leads: { total: sum(report.leadsByStatus), byStatus: report.leadsByStatus },
    calls: { total: sum(report.callsByStatus), byStatus: report.callsByStatus, voicemail: report.voicemail },
    goalAchieved: report.goalAchieved,
    cost: { amount: formatAmount(report.costMinor, currency), currency },
    balance: { amount: formatAmount(account.balanceMinor, currency), currency },
  };
}

/** One row per call in the order placed; times in the campaign's zone (`--calls-out`). */
export async function buildCallsCsv(store: Store, campaignId: string, timezone: string): Promise<string> {
  const campaign = (await store.getCampaign(campaignId))!;
  const account = (await store.getAccount(campaign.accountId))!;
  const lines = [csvLine(CALL_CSV_COLUMNS)];
  let after: string | null = null;
  for (;;) {
    const page = await store.listCalls(campaignId, { after, limit: 1000 });
    for (const call of page) lines.push(csvLine(callCsvCells(call, account.currency, timezone)));
    const last = page.at(-1);
    if (!last) break;
    after = last.id;
  }
  return lines.join('');
}

/** The readable summary printed without `--json`. */
export function formatSummary(s: SimulationSummary, timezone: string): string {
  const counts = (byStatus: Readonly<Record<string, number>>) =>
    Object.entries(byStatus)
      .map(([status, n]) => `${status} ${n}`)
      .join(', ');
  const pause = s.campaign.pauseReason ? ` (${s.campaign.pauseReason})` : '';
  return [
    `Campaign ${s.campaign.status}${pause}`,
    `  started ${s.campaign.startedAt ?? '—'}, ended ${s.campaign.endedAt ?? '—'} (${timezone})`,
    `Import: ${s.import.rows} rows, ${s.import.leads} leads, ${s.import.duplicates} duplicates, ${s.import.invalid} invalid`,
    `Leads (${s.leads.total}): ${counts(s.leads.byStatus)}`,
    `Calls (${s.calls.total}): ${counts(s.calls.byStatus)}; voicemail ${s.calls.voicemail}`,
    `Goal achieved: ${s.goalAchieved}`,
    `Cost: ${s.cost.amount} ${s.cost.currency} · balance ${s.balance.amount} ${s.balance.currency}`,
    '',
  ].join('\n');
}

/** Up to this many leads, the readable summary lists each one. */
export const LEAD_TABLE_LIMIT = 50;

/** Where every lead stands, one line each (small campaigns only: the summary is for reading). */
export async function formatLeadTable(store: Store, campaignId: string): Promise<string> {
  const leads = await store.listLeads(campaignId, { status: null, after: null, limit: LEAD_TABLE_LIMIT + 1 });
  if (leads.length === 0 || leads.length > LEAD_TABLE_LIMIT) return '';
  const rows: string[][] = [];
  for (const lead of leads) {
    const contacts = (await store.getLead(lead.id))?.contacts ?? [];
    const attempts = contacts.reduce((n, c) => n + c.attempts, 0);
    const status = lead.completionReason ? `${lead.status} (${lead.completionReason})` : lead.status;
    rows.push([
      lead.name ?? '—',
      contacts.map((c) => c.phone).join(' / '),
      status,
      `${attempts} ${attempts === 1 ? 'call' : 'calls'}`,
    ]);
  }
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
  const lines = rows.map((row) => `  ${row.map((cell, i) => cell.padEnd(widths[i]!)).join('  ')}`.trimEnd());
  return `Leads:\n${lines.join('\n')}\n`;
}
