import { Group, Select } from '@mantine/core';
import { LEAD_STATUS_LABELS, isLeadStatus, type LeadStatus } from './lead-status';
import { LeadSearchInput } from './lead-search-input';

const STATUS_OPTIONS = Object.entries(LEAD_STATUS_LABELS).map(([value, label]) => ({ value, label }));

/** The status filter and the search above the leads table. */
export function LeadFilters({
  status,
  q,
  onStatus,
  onSearch,
}: {
  readonly status: LeadStatus | null;
  readonly q: string;
  readonly onStatus: (status: LeadStatus | null) => void;
  readonly onSearch: (text: string) => void;
}) {
  return (
    <Group align="flex-start" gap="md" role="search" aria-label="Filter leads">
      <Select
        label="Status"
        description="Where the lead stands"
        placeholder="Every status"
        data={STATUS_OPTIONS}
        value={status}
        onChange={(value) => onStatus(isLeadStatus(value) ? value : null)}
        clearable
        w={240}
      />
      <LeadSearchInput value={q} onSearch={onSearch} />
    </Group>
  );
}
