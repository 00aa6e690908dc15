import { Anchor, Table } from '@mantine/core';
import { Link } from 'react-router';
import type { Campaign } from '../../../api/types';
import {
  CampaignActionButton,
  CampaignActionOutcome,
} from '../../../components/campaign-actions/campaign-actions';
import { CampaignStatusLabel } from '../../../components/campaign-actions/campaign-status-label';
import { useCampaignAction } from '../../../components/campaign-actions/use-campaign-actions';
import { CampaignProgress } from './campaign-progress';
import { CampaignResultCells } from './campaign-result-cells';

const COLUMNS = 6;

/** One campaign; a refused start opens a full-width row below it, where its requirements have room. */
export function CampaignRow({ campaign }: { readonly campaign: Campaign }) {
  const actions = useCampaignAction(campaign);
  return (
    <>
      <Table.Tr>
        <Table.Td>
          <Anchor
            component={Link}
            to={`/campaigns/${encodeURIComponent(campaign.id)}`}
            fw={500}
            lineClamp={1}
          >
            {campaign.name}
          </Anchor>
        </Table.Td>
        <Table.Td>
          <CampaignStatusLabel campaign={campaign} />
        </Table.Td>
        <Table.Td>
          <CampaignProgress campaign={campaign} />
        </Table.Td>
        <CampaignResultCells campaignId={campaign.id} />
        <Table.Td>
          <CampaignActionButton campaign={campaign} actions={actions} size="xs" />
        </Table.Td>
      </Table.Tr>
      {(actions.unmet !== null || actions.error !== null) && (
        <Table.Tr>
          <Table.Td colSpan={COLUMNS}>
            <CampaignActionOutcome campaign={campaign} actions={actions} />
          </Table.Td>
        </Table.Tr>
      )}
    </>
  );
}
