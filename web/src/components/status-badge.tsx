import { Badge } from '@mantine/core';
import { humanize } from './format';

/**
 * One colour per status across the dashboard, so "completed" reads the same on a campaign, a lead and a call.
 * The word is always written: colour is never the only signal.
 */
const COLOURS: Record<string, string> = {
  draft: 'gray',
  active: 'green',
  paused: 'yellow',
  completed: 'blue',
  created: 'gray',
  scheduled: 'cyan',
  processing: 'grape',
  rescheduled: 'orange',
  max_retries: 'red',
  initiated: 'gray',
  ringing: 'cyan',
  in_progress: 'grape',
  busy: 'orange',
  unanswered: 'yellow',
  failed: 'red',
  pending: 'gray',
  running: 'green',
  succeeded: 'blue',
  interrupted: 'red',
};

export function StatusBadge({ status }: { readonly status: string }) {
  return (
    <Badge color={COLOURS[status] ?? 'gray'} variant="light" radius="sm">
      {humanize(status)}
    </Badge>
  );
}
