import { Text } from '@mantine/core';
import type { LeadDetail } from '../../api/types';
import { Panel } from '../../components/panel';
import { CallsTable } from '../calls/calls-table';

/** Every call placed to the lead, newest first as in the campaign's log, each linking to its page. */
export function LeadCallsPanel({ lead, timeZone }: { readonly lead: LeadDetail; readonly timeZone: string }) {
  return (
    <Panel title="Calls">
      {lead.calls.length === 0 ? (
        <Text size="sm" c="dimmed">
          No calls yet.
        </Text>
      ) : (
        <CallsTable
          calls={[...lead.calls].reverse()}
          timeZone={timeZone}
          showLead={false}
          label="Calls to this lead"
        />
      )}
    </Panel>
  );
}
