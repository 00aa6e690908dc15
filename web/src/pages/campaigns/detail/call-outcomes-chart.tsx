import { BarChart } from '@mantine/charts';
import { Center, Loader, Text } from '@mantine/core';
import type { CampaignStats } from '../../../api/types';
import { Panel } from '../../../components/panel';

const CHART_HEIGHT = 240;

/** How the campaign's finished calls ended; goal achieved is a share of those answered by a person. */
export function CallOutcomesChart({ stats }: { readonly stats: CampaignStats | undefined }) {
  return (
    <Panel title="Call outcomes">
      {stats === undefined ? (
        <Center h={CHART_HEIGHT} aria-busy="true">
          <Loader size="sm" aria-label="Loading call outcomes" />
        </Center>
      ) : (
        <OutcomeBars stats={stats} />
      )}
    </Panel>
  );
}

function OutcomeBars({ stats }: { readonly stats: CampaignStats }) {
  const count = (status: string) => stats.calls[status] ?? 0;
  const outcomes = [
    { outcome: 'Answered by a person', calls: count('completed') - stats.voicemail },
    { outcome: 'Goal achieved', calls: stats.goalAchieved },
    { outcome: 'Voicemail', calls: stats.voicemail },
    { outcome: 'Busy', calls: count('busy') },
    { outcome: 'No answer', calls: count('unanswered') },
    { outcome: 'Failed', calls: count('failed') },
  ];
  if (outcomes.every((o) => o.calls === 0)) {
    return (
      <Center h={CHART_HEIGHT}>
        <Text c="dimmed">No calls yet</Text>
      </Center>
    );
  }
  return (
    <BarChart
      h={CHART_HEIGHT}
      data={outcomes}
      dataKey="outcome"
      orientation="vertical"
      series={[{ name: 'calls', label: 'Calls', color: 'blue.6' }]}
      yAxisProps={{ width: 150 }}
      xAxisProps={{ allowDecimals: false }}
      gridAxis="x"
      withBarValueLabel
    />
  );
}
