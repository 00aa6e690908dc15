import { Checkbox, Group, Stack, Text, TextInput } from '@mantine/core';
import { fieldError } from '../../../components/form-error';
import { WEEKDAY_NAMES, type Weekday } from '../../../components/format';
import type { SettingsSectionProps } from './settings-section-props';

const WEEKDAYS = Object.keys(WEEKDAY_NAMES) as Weekday[];

/** The order the API keeps days in, so a day ticked late does not reorder the list. */
const byWeekOrder = (days: readonly string[]) => WEEKDAYS.filter((day) => days.includes(day));

/** Calling hours: when in the week leads may be called, in the assistant's time zone. */
export function ScheduleSection({
  draft,
  onChange,
  error,
  disabled,
  timeZone,
}: SettingsSectionProps & { readonly timeZone: string | null }) {
  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed" mih={20}>
        {timeZone === null
          ? 'Times are in the assistant’s time zone: choose an assistant to see it.'
          : `Times are in ${timeZone}, the assistant’s time zone.`}
      </Text>
      <Group align="flex-start" grow maw={420}>
        <TextInput
          label="Start time"
          description="HH:MM, when calls may begin"
          placeholder="09:00"
          value={draft.startTime}
          onChange={(event) => onChange({ startTime: event.currentTarget.value })}
          error={fieldError(error, 'schedule.startTime')}
          disabled={disabled}
        />
        <TextInput
          label="End time"
          description="HH:MM, when calls stop"
          placeholder="18:00"
          value={draft.endTime}
          onChange={(event) => onChange({ endTime: event.currentTarget.value })}
          error={fieldError(error, 'schedule.endTime')}
          disabled={disabled}
        />
      </Group>
      <Checkbox.Group
        label="Calling days"
        value={[...draft.days]}
        onChange={(days) => onChange({ days: byWeekOrder(days) })}
        error={fieldError(error, 'schedule.days')}
      >
        <Group gap="md" mt="xs">
          {WEEKDAYS.map((day) => (
            <Checkbox key={day} value={day} label={WEEKDAY_NAMES[day]} disabled={disabled} />
          ))}
        </Group>
      </Checkbox.Group>
    </Stack>
  );
}
