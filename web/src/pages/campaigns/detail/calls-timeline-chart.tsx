import { BarChart } from '@mantine/charts';
import { SegmentedControl, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { Panel } from '../../../components/panel';
import { QueryState } from '../../../components/query-state';
import { useCampaignTimeline, type TimelineBucket } from './use-campaign-timeline';

const CHART_HEIGHT = 240;
/** The chart and its time-zone caption: what the loading and empty states reserve too. */
const PANEL_HEIGHT = CHART_HEIGHT + 24;

const SERIES = [
  { name: 'calls', label: 'Calls', color: 'blue.6' },
  { name: 'answered', label: 'Answered', color: 'teal.6' },
  { name: 'voicemail', label: 'Voicemail', color: 'gray.6' },
  { name: 'goalAchieved', label: 'Goal achieved', color: 'grape.6' },
];

/** Calls placed per hour or per day, with how many were answered, reached voicemail or met the goal. */
export function CallsTimelineChart({ campaignId }: { readonly campaignId: string }) {
  const [bucket, setBucket] = useState<TimelineBucket>('hour');
  const timeline = useCampaignTimeline(campaignId, bucket);
  return (
    <Panel
      title="Calls over time"
      controls={
        <SegmentedControl
          size="xs"
          aria-label="Group calls by"
          value={bucket}
          onChange={setBucket}
          data={[
            { value: 'hour', label: 'Per hour' },
            { value: 'day', label: 'Per day' },
          ]}
        />
      }
    >
      <QueryState
        query={timeline}
        what="the calls over time"
        minHeight={PANEL_HEIGHT}
        isEmpty={(data) => data.buckets.every((b) => b.calls === 0)}
        empty={<Text c="dimmed">No calls yet</Text>}
      >
        {(data) => (
          <Stack h={PANEL_HEIGHT} gap={4}>
            <BarChart
              h={CHART_HEIGHT}
              data={data.buckets.map((b) => ({
                ...b,
                label: bucketLabel(b.start, data.bucket, data.timezone),
              }))}
              dataKey="label"
              series={SERIES}
              withLegend
              legendProps={{ verticalAlign: 'bottom', height: 40 }}
              yAxisProps={{ allowDecimals: false }}
            />
            <Text size="xs" c="dimmed" ta="center">
              Times in {data.timezone}
            </Text>
          </Stack>
        )}
      </QueryState>
    </Panel>
  );
}

/** "Mon 09:00" for an hour, "Mon 9 Mar" for a day, in the campaign's zone. */
function bucketLabel(start: string, bucket: string, timeZone: string): string {
  const options: Intl.DateTimeFormatOptions =
    bucket === 'day'
      ? { weekday: 'short', day: 'numeric', month: 'short', timeZone }
      : { weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone };
  return new Intl.DateTimeFormat('en-GB', options).format(new Date(start));
}
