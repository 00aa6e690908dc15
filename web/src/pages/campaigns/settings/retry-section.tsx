import { Checkbox, NumberInput, Select, SimpleGrid, Stack } from '@mantine/core';
import { fieldError } from '../../../components/form-error';
import type { SettingsSectionProps } from './settings-section-props';

/**
 * "No goal" in the goal's Select (which needs a text value for every option). A variable's name is letters,
 * digits and _, so a dash can never be one.
 */
const NO_GOAL = '-';

/**
 * Retries, the goal and concurrency. No min/max on the number inputs: Mantine would clamp a 7 to 5 as the user
 * leaves the field, and the user would never see why; the API's message says the allowed range instead.
 */
export function RetrySection({
  draft,
  onChange,
  error,
  disabled,
  goalVariables,
}: SettingsSectionProps & {
  /** The assistant's boolean variables; null until an assistant is chosen. */
  readonly goalVariables: readonly string[] | null;
}) {
  const goalOptions = [
    { value: NO_GOAL, label: 'No goal' },
    ...(goalVariables ?? []).map((name) => ({ value: name, label: name })),
  ];
  return (
    <Stack gap="md" maw={520}>
      <SimpleGrid cols={2} spacing="md">
        <NumberInput
          label="Max retries"
          description="Attempts per number"
          value={draft.maxRetries}
          onChange={(maxRetries) => onChange({ maxRetries })}
          error={fieldError(error, 'retry.maxRetries')}
          allowDecimal={false}
          allowNegative={false}
          disabled={disabled}
        />
        <NumberInput
          label="Retry interval (minutes)"
          description="Wait between attempts"
          value={draft.intervalMinutes}
          onChange={(intervalMinutes) => onChange({ intervalMinutes })}
          error={fieldError(error, 'retry.intervalMinutes')}
          allowDecimal={false}
          allowNegative={false}
          disabled={disabled}
        />
      </SimpleGrid>
      <Checkbox
        label="Retry after a voicemail"
        checked={draft.onVoicemail}
        onChange={(event) => onChange({ onVoicemail: event.currentTarget.checked })}
        error={fieldError(error, 'retry.onVoicemail')}
        disabled={disabled}
      />
      <Select
        label="Goal"
        description={
          goalVariables === null
            ? 'Choose an assistant first: a goal is one of its yes/no (boolean) variables'
            : 'A yes/no (boolean) variable the assistant reports after each call'
        }
        data={goalOptions}
        value={draft.goalVariable ?? NO_GOAL}
        onChange={(value) => onChange({ goalVariable: value === null || value === NO_GOAL ? null : value })}
        error={fieldError(error, 'goal')}
        allowDeselect={false}
        disabled={disabled}
      />
      <Checkbox
        label="Keep calling answered leads until the goal is met"
        checked={draft.untilGoal}
        onChange={(event) => onChange({ untilGoal: event.currentTarget.checked })}
        error={fieldError(error, 'retry.untilGoal')}
        disabled={disabled}
      />
      <NumberInput
        label="Max concurrent calls"
        description="Calls at once"
        value={draft.maxConcurrentCalls}
        onChange={(maxConcurrentCalls) => onChange({ maxConcurrentCalls })}
        error={fieldError(error, 'maxConcurrentCalls')}
        allowDecimal={false}
        allowNegative={false}
        disabled={disabled}
        maw={250}
      />
    </Stack>
  );
}
