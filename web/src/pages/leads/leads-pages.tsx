import { Anchor, Text } from '@mantine/core';
import { Link } from 'react-router';
import { unwrap } from '../../api/client';
import { useApi } from '../../api/session';
import { campaignKeys } from '../../components/campaign-actions/campaign-query-keys';
import { PagedList } from '../../components/paged-list';
import { usePagedQuery } from '../../components/use-paged-query';
import { LEAD_STATUS_LABELS, type LeadStatus } from './lead-status';
import { LeadsTable } from './leads-table';

const PAGE_SIZE = 50;

interface LeadFilter {
  readonly status: LeadStatus | null;
  /** Trimmed; empty searches nothing. */
  readonly search: string;
}

/** The leads that pass `filter`, a page at a time (Previous, Next), as the server pages them. */
export function LeadsPages({
  campaignId,
  filter,
  timeZone,
}: {
  readonly campaignId: string;
  readonly filter: LeadFilter;
  readonly timeZone: string;
}) {
  const api = useApi();
  // Under the campaign's key, which its live updates and a lead's override refresh.
  const leads = usePagedQuery([...campaignKeys.campaign(campaignId), 'leads', filter], (cursor) =>
    unwrap(
      api.GET('/v1/campaigns/{id}/leads', {
        params: {
          path: { id: campaignId },
          query: {
            limit: PAGE_SIZE,
            ...cursor,
            ...(filter.status === null ? {} : { status: filter.status }),
            ...(filter.search === '' ? {} : { q: filter.search }),
          },
        },
      }),
    ),
  );
  return (
    <PagedList
      paged={leads}
      what="leads"
      minHeight={320}
      empty={<NoLeads campaignId={campaignId} filter={filter} />}
    >
      {(rows) => <LeadsTable leads={rows} timeZone={timeZone} />}
    </PagedList>
  );
}

/** An empty list says whether the campaign has no leads or the filter matched none of them. */
function NoLeads({ campaignId, filter }: { readonly campaignId: string; readonly filter: LeadFilter }) {
  if (filter.status === null && filter.search === '') {
    return (
      <>
        <Text fw={500}>No leads yet</Text>
        <Anchor component={Link} to={`/campaigns/${encodeURIComponent(campaignId)}/add-leads`} size="sm">
          Add leads from a CSV file or by hand
        </Anchor>
      </>
    );
  }
  const status = filter.status === null ? '' : ` with the status “${LEAD_STATUS_LABELS[filter.status]}”`;
  const search = filter.search === '' ? '' : ` matching “${filter.search}”`;
  return (
    <>
      <Text fw={500}>No leads{status + search}</Text>
      <Text size="sm" c="dimmed">
        A search finds a part of a name, or digits anywhere in any of a lead&apos;s numbers.
      </Text>
    </>
  );
}
