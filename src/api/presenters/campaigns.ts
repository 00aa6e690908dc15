import type { Account, Assistant, Campaign } from '../../domain/entities.js';
import { diagnoseDialing } from '../../domain/dialing-diagnosis.js';
import { oneMinuteCost } from '../../domain/money.js';
import type { LeadStatus } from '../../domain/lead-status.js';
import type {
  CallTimelineBucket,
  CampaignReport,
  CampaignStats,
  Store,
  TimelineBucketSize,
} from '../../engine/ports/store.js';
import { iso, isoOrNull, money } from './format.js';

/** The facts a campaign's answer is built from, read in one place so every route answers alike. */
export async function loadCampaignView(store: Store, campaign: Campaign, now: number) {
  const [assistant, account, leadCounts, report, nextDueAt] = await Promise.all([
    store.getAssistant(campaign.assistantId),
    store.getAccount(campaign.accountId),
    store.campaignLeadCounts(campaign.id),
    store.campaignReport(campaign.id),
    store.nextDueLeadAt(campaign.id),
  ]);
  return presentCampaign({
    campaign,
    assistant: assistant!,
    account: account!,
    leadCounts,
    report,
    nextDueAt,
    now,
  });
}

export function presentCampaign(view: {
  campaign: Campaign;
  assistant: Assistant;
  account: Account;
  leadCounts: Readonly<Record<LeadStatus, number>>;
  report: CampaignReport;
  nextDueAt: number | null;
  now: number;
}) {
  const { campaign, assistant, account } = view;
  const dialing = diagnoseDialing({
    status: campaign.status,
    pauseReason: campaign.pauseReason,
    window: { ...campaign.settings.schedule, timezone: assistant.timezone },
    now: view.now,
    inFlight: view.report.inFlight,
    maxConcurrentCalls: campaign.settings.maxConcurrentCalls,
    nextDueAt: view.nextDueAt,
    availableMinor: account.balanceMinor - account.reservedMinor,
    minuteCostMinor: oneMinuteCost(assistant.rate),
  });
  return {
    id: campaign.id,
    assistantId: campaign.assistantId,
    ...campaign.settings,
    schedule: { ...campaign.settings.schedule, days: [...campaign.settings.schedule.days] },
    status: campaign.status,
    pauseReason: campaign.pauseReason,
    leadCounts: view.leadCounts,
    dialing: { ...dialing, nextDialAt: isoOrNull(dialing.nextDialAt) },
    createdAt: iso(campaign.createdAt),
    startedAt: isoOrNull(campaign.startedAt),
    endedAt: isoOrNull(campaign.endedAt),
  };
}

/** Calls a person answered: completed ones, less those a machine answered. */
const answeredByPerson = (counts: Pick<CampaignReport, 'callsByStatus' | 'voicemail'>) =>
  counts.callsByStatus.completed - counts.voicemail;

export function presentStats(report: CampaignStats, currency: string) {
  const { completed, busy, unanswered, failed } = report.callsByStatus;
  const finished = completed + busy + unanswered + failed;
  return {
    leads: report.leadsByStatus,
    calls: report.callsByStatus,
    inFlight: report.inFlight,
    voicemail: report.voicemail,
    goalAchieved: report.goalAchieved,
    answerRate: finished === 0 ? null : answeredByPerson(report) / finished,
    cost: money(report.costMinor, currency),
    lastEventSeq: report.lastEventSeq,
  };
}

export function presentTimeline(
  bucket: TimelineBucketSize,
  timezone: string,
  buckets: readonly CallTimelineBucket[],
) {
  return {
    bucket,
    timezone,
    buckets: buckets.map((b) => ({
      start: iso(b.start),
      calls: Object.values(b.callsByStatus).reduce((sum, n) => sum + n, 0),
      answered: answeredByPerson(b),
      voicemail: b.voicemail,
      goalAchieved: b.goalAchieved,
      byStatus: b.callsByStatus,
    })),
  };
}
