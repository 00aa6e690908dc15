import { Anchor, Select, Stack, Text } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { Assistant } from '../../../api/types';
import { fieldError } from '../../../components/form-error';
import { QueryState } from '../../../components/query-state';
import { CampaignNameInput } from '../settings/campaign-name-input';
import type { SettingsSectionProps } from '../settings/settings-section-props';

/** Step 1: the campaign's name and the assistant that places its calls. */
export function NameAssistantStep({
  assistants,
  assistantId,
  onAssistantChange,
  created,
  missing,
  ...section
}: SettingsSectionProps & {
  readonly assistants: UseQueryResult<readonly Assistant[]>;
  readonly assistantId: string | null;
  readonly onAssistantChange: (assistant: Assistant | null) => void;
  /** Once the campaign exists its assistant is fixed: the API cannot change it. */
  readonly created: boolean;
  /** Next was pressed before an assistant was chosen. */
  readonly missing: boolean;
}) {
  return (
    <Stack gap="md">
      <CampaignNameInput {...section} />
      <QueryState
        query={assistants}
        what="assistants"
        minHeight={84}
        isEmpty={(list) => list.length === 0}
        empty={
          <Text size="sm">
            You have no assistant yet: a campaign needs one to place its calls.{' '}
            <Anchor component={Link} to="/assistants/new">
              Create an assistant
            </Anchor>
          </Text>
        }
      >
        {(list) => (
          <Select
            label="Assistant"
            description={
              created
                ? 'The assistant of a created campaign cannot be changed'
                : 'Places the calls; its time zone sets the calling hours'
            }
            placeholder="Choose an assistant"
            data={list.map((assistant) => ({
              value: assistant.id,
              label: `${assistant.name} (${assistant.timezone})`,
            }))}
            value={assistantId}
            onChange={(id) => onAssistantChange(list.find((assistant) => assistant.id === id) ?? null)}
            error={
              missing
                ? 'Choose the assistant that will place the calls'
                : fieldError(section.error, 'assistantId')
            }
            disabled={created || section.disabled}
            searchable
            maw={520}
          />
        )}
      </QueryState>
    </Stack>
  );
}
