import { Text, Timeline } from '@mantine/core';
import type { Call } from '../../api/types';
import { formatDateTime, humanize } from '../../components/format';

/**
 * Each status the call went through, in order, to the second. The first step is the dialer's: providers report
 * from ringing on, so a timeline without `initiated` starts with the time the call was placed.
 */
export function CallTimeline({ call, timeZone }: { readonly call: Call; readonly timeZone: string }) {
  const steps =
    call.timeline[0]?.status === 'initiated'
      ? call.timeline
      : [{ status: 'initiated', at: call.placedAt }, ...call.timeline];
  return (
    <Timeline active={steps.length - 1} bulletSize={14} lineWidth={2} aria-label="Status timeline">
      {steps.map((step, index) => (
        <Timeline.Item key={`${step.status}-${index}`} title={capitalised(humanize(step.status))}>
          <Text size="sm" c="dimmed">
            {formatDateTime(step.at, timeZone, 'second')}
          </Text>
        </Timeline.Item>
      ))}
    </Timeline>
  );
}

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
