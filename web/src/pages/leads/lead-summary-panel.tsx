import type { LeadDetail } from '../../api/types';
import { FactList } from '../../components/fact-list';
import { formatDateTime } from '../../components/format';
import { Panel } from '../../components/panel';

/**
 * Where the lead stands (its next attempt, in the campaign's zone) and what it was imported with: its id in the
 * user's CRM and the fields passed to the assistant.
 */
export function LeadSummaryPanel({
  lead,
  timeZone,
}: {
  readonly lead: LeadDetail;
  readonly timeZone: string;
}) {
  const at = (iso: string | null) => (iso === null ? '—' : `${formatDateTime(iso, timeZone)} (${timeZone})`);
  return (
    <Panel title="Lead">
      <FactList
        facts={[
          ['Next attempt', at(lead.nextAttemptAt)],
          ['Added', at(lead.createdAt)],
          ['External id', lead.externalId ?? '—'],
          ...Object.entries(lead.fields).map(([name, value]) => [name, value] as const),
        ]}
      />
    </Panel>
  );
}
