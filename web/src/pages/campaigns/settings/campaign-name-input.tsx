import { TextInput } from '@mantine/core';
import { fieldError } from '../../../components/form-error';
import type { SettingsSectionProps } from './settings-section-props';

export function CampaignNameInput({ draft, onChange, error, disabled }: SettingsSectionProps) {
  return (
    <TextInput
      label="Campaign name"
      description="Shown in lists and reports"
      value={draft.name}
      onChange={(event) => onChange({ name: event.currentTarget.value })}
      error={fieldError(error, 'name')}
      disabled={disabled}
      maw={520}
    />
  );
}
