import { Stack } from '@mantine/core';
import type { CampaignStats } from '../../../api/types';
import { formatMoney } from '../../../components/format';
import { CounterGrid } from './counter-grid';

interface CounterSpec {
  readonly label: string;
  readonly value: (stats: CampaignStats) => string | number;
}

const callsWith = (stats: CampaignStats, status: string) => stats.calls[status] ?? 0;

const LEAD_COUNTERS: readonly CounterSpec[] = (
  [
    ['created', 'Created'],
    ['scheduled', 'Scheduled'],
    ['processing', 'Processing'],
    ['rescheduled', 'Rescheduled'],
    ['completed', 'Completed'],
    ['max_retries', 'Max retries'],
  ] as const
).map(([status, label]) => ({ label, value: (stats) => stats.leads[status] }));

const CALL_COUNTERS: readonly CounterSpec[] = [
  { label: 'Placed', value: (stats) => Object.values(stats.calls).reduce((sum, n) => sum + n, 0) },
  { label: 'In flight', value: (stats) => stats.inFlight },
  // A voicemail is a call the machine answered: it ends `completed` too.
  { label: 'Answered by a person', value: (stats) => callsWith(stats, 'completed') - stats.voicemail },
  { label: 'Voicemail', value: (stats) => stats.voicemail },
  { label: 'Goal achieved', value: (stats) => stats.goalAchieved },
  { label: 'Busy', value: (stats) => callsWith(stats, 'busy') },
  { label: 'No answer', value: (stats) => callsWith(stats, 'unanswered') },
  { label: 'Failed', value: (stats) => callsWith(stats, 'failed') },
  {
    label: 'Answer rate',
    value: (stats) => (stats.answerRate === null ? '—' : `${Math.round(stats.answerRate * 100)} %`),
  },
  { label: 'Cost', value: (stats) => formatMoney(stats.cost) },
];

/** Before the stats arrive every card shows a dash: the cards are in place and only their numbers change. */
const counterValues = (specs: readonly CounterSpec[], stats: CampaignStats | undefined) =>
  specs.map((spec) => ({ label: spec.label, value: stats === undefined ? '—' : String(spec.value(stats)) }));

/**
 * The campaign's live counts: leads by status, calls by result. The block is one polite live region, so a screen
 * reader hears the numbers that changed when it is idle, not every refetch.
 */
export function CampaignCounters({ stats }: { readonly stats: CampaignStats | undefined }) {
  return (
    <Stack gap="md" aria-live="polite" aria-atomic="false" aria-busy={stats === undefined}>
      <CounterGrid title="Leads" columns={6} counters={counterValues(LEAD_COUNTERS, stats)} />
      <CounterGrid title="Calls" columns={5} counters={counterValues(CALL_COUNTERS, stats)} />
    </Stack>
  );
}
