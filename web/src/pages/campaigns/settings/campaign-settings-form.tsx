import { Alert, Button, Fieldset, Group, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { FormEvent } from 'react';
import type { Campaign } from '../../../api/types';
import { FormError } from '../../../components/form-error';
import { CampaignNameInput } from './campaign-name-input';
import { RetrySection } from './retry-section';
import { ScheduleSection } from './schedule-section';
import { draftFromCampaign, toSettingsBody } from './settings-draft';
import { SETTINGS_FIELDS } from './settings-steps';
import { goalVariablesOf, useAssistant } from './use-assistant';
import { useSaveSettings } from './use-save-settings';
import { useSettingsDraft } from './use-settings-draft';

/** The settings of a campaign, filled from it and saved with a PATCH; read-only once it has completed. */
export function CampaignSettingsForm({ campaign }: { readonly campaign: Campaign }) {
  const assistant = useAssistant(campaign.assistantId);
  const { draft, change, reset } = useSettingsDraft(draftFromCampaign(campaign));
  const save = useSaveSettings();
  const readOnly = campaign.status === 'completed';
  const section = { draft, onChange: change, error: save.error, disabled: readOnly };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(
      { id: campaign.id, body: toSettingsBody(draft) },
      {
        onSuccess: (saved) => {
          reset(draftFromCampaign(saved));
          notifications.show({ color: 'green', message: `Settings of “${saved.name}” saved.` });
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate aria-label="Campaign settings">
      <Stack gap="lg" maw={760} py="md">
        <StatusNote status={campaign.status} />
        <CampaignNameInput {...section} />
        <Fieldset legend="Calling hours" disabled={readOnly}>
          <ScheduleSection {...section} timeZone={assistant.data?.timezone ?? null} />
        </Fieldset>
        <Fieldset legend="Retries and goal" disabled={readOnly}>
          <RetrySection {...section} goalVariables={goalVariablesOf(assistant.data)} />
        </Fieldset>
        <FormError error={save.error} title="The settings were not saved" fields={SETTINGS_FIELDS} />
        {!readOnly && (
          <Group>
            <Button type="submit" loading={save.isPending}>
              Save settings
            </Button>
            <Button
              variant="default"
              onClick={() => {
                reset(draftFromCampaign(campaign));
                save.reset();
              }}
            >
              Discard changes
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}

/** What editing means in the campaign's state: nothing to say for a draft. */
function StatusNote({ status }: { readonly status: string }) {
  if (status === 'completed') {
    return (
      <Alert color="gray" title="This campaign has completed">
        Its settings can no longer be changed. Adding leads reopens it.
      </Alert>
    );
  }
  if (status === 'active' || status === 'paused') {
    return (
      <Alert color="blue" title={`This campaign is ${status}`}>
        Changes apply to the next calls.
      </Alert>
    );
  }
  return null;
}
