import { Table, VisuallyHidden } from '@mantine/core';
import type { Campaign } from '../../../api/types';
import { CampaignRow } from './campaign-row';

/**
 * The campaigns of one page. Columns have fixed widths, so the results that load per row (goal achieved, cost)
 * arrive without moving anything.
 */
export function CampaignsTable({ campaigns }: { readonly campaigns: readonly Campaign[] }) {
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table aria-label="Campaigns" layout="fixed" verticalSpacing="sm" highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Name</Table.Th>
            <Table.Th w={190}>Status</Table.Th>
            <Table.Th w={180}>Progress</Table.Th>
            <Table.Th w={140}>Goal achieved</Table.Th>
            <Table.Th w={120}>Cost</Table.Th>
            <Table.Th w={110}>
              <VisuallyHidden>Actions</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {campaigns.map((campaign) => (
            <CampaignRow key={campaign.id} campaign={campaign} />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
