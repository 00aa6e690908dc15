import { Skeleton, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { unwrap } from '../../../api/client';
import { useApi } from '../../../api/session';
import { campaignKeys } from '../../../components/campaign-actions/campaign-query-keys';
import { formatMoney } from '../../../components/format';

/**
 * A campaign's goal achieved and cost, from its stats: loaded per row on screen (the list itself carries lead
 * counts only). While loading, a skeleton holds each cell's place.
 */
export function CampaignResultCells({ campaignId }: { readonly campaignId: string }) {
  const api = useApi();
  const stats = useQuery({
    queryKey: campaignKeys.stats(campaignId),
    queryFn: () => unwrap(api.GET('/v1/campaigns/{id}/stats', { params: { path: { id: campaignId } } })),
  });
  if (stats.isPending) {
    return (
      <>
        <Table.Td>
          <Skeleton h={14} w={40} aria-label="Loading goal achieved" />
        </Table.Td>
        <Table.Td>
          <Skeleton h={14} w={80} aria-label="Loading cost" />
        </Table.Td>
      </>
    );
  }
  if (stats.isError) {
    return (
      <Table.Td colSpan={2}>
        <Text size="sm" c="red.8" title={stats.error.message}>
          Results unavailable
        </Text>
      </Table.Td>
    );
  }
  return (
    <>
      <Table.Td style={{ fontVariantNumeric: 'tabular-nums' }}>{stats.data.goalAchieved}</Table.Td>
      <Table.Td style={{ fontVariantNumeric: 'tabular-nums' }}>{formatMoney(stats.data.cost)}</Table.Td>
    </>
  );
}
