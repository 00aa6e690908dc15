import { Group, Text } from '@mantine/core';
import { humanize } from '../../components/format';
import { StatusBadge } from '../../components/status-badge';

/** A lead's status, with why it is completed when it is (goal achieved, voicemail, by hand…). */
export function LeadStatusBadge({
  lead,
}: {
  readonly lead: { readonly status: string; readonly completionReason: string | null };
}) {
  return (
    <Group gap={6} wrap="nowrap">
      <StatusBadge status={lead.status} />
      {lead.completionReason !== null && (
        <Text size="xs" c="dimmed">
          {completionWords[lead.completionReason] ?? humanize(lead.completionReason)}
        </Text>
      )}
    </Group>
  );
}

/** `manual` is an override made on the lead's page or through the API. */
const completionWords: Record<string, string> = { manual: 'by hand', opted_out: 'opted out' };
