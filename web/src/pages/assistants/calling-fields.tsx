import { NumberInput, Select, SimpleGrid, Text, TextInput } from '@mantine/core';
import { fieldError } from '../../components/form-error';
import { useAccount } from '../../components/use-account';
import { useProviderOptions, type Provider } from '../phone-numbers/providers';
import type { FieldsProps } from './assistant-form-values';
import { PhoneNumberSelect } from './phone-number-select';
import { TimeZoneSelect } from './time-zone-select';

/** Who the assistant is, where it calls from, in which zone, at what price and for how long at most. */
export function CallingFields({ values, onChange, error }: FieldsProps) {
  const currency = useAccount().data?.balance.currency;
  const providerOptions = useProviderOptions();
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md" verticalSpacing="sm">
      <TextInput
        label="Name"
        value={values.name}
        onChange={(event) => onChange({ name: event.currentTarget.value })}
        error={fieldError(error, 'name')}
        required
      />
      <Select<Provider>
        label="Provider"
        description="Who places the calls; the simulator is built in"
        data={providerOptions}
        value={values.provider}
        onChange={(provider) => provider !== null && onChange({ provider })}
        error={fieldError(error, 'provider')}
        allowDeselect={false}
      />
      <TextInput
        label="Provider's assistant id"
        description="The assistant's id at Vapi or Retell; not needed for the simulator"
        value={values.providerAssistantId}
        onChange={(event) => onChange({ providerAssistantId: event.currentTarget.value })}
        error={fieldError(error, 'providerAssistantId')}
      />
      <PhoneNumberSelect
        value={values.phoneNumberId}
        onChange={(phoneNumberId) => onChange({ phoneNumberId })}
        error={fieldError(error, 'phoneNumberId')}
      />
      <TimeZoneSelect
        value={values.timezone}
        onChange={(timezone) => onChange({ timezone })}
        error={fieldError(error, 'timezone')}
      />
      <TextInput
        label="Rate per minute"
        description="Price of a call minute, exact up to 6 decimals, e.g. 0.10"
        inputMode="decimal"
        value={values.ratePerMinute}
        onChange={(event) => onChange({ ratePerMinute: event.currentTarget.value })}
        error={fieldError(error, 'ratePerMinute')}
        rightSection={<Text size="xs">{currency}</Text>}
        rightSectionWidth={48}
        required
      />
      <NumberInput
        label="Longest call (minutes)"
        description="A call is ended when it reaches this length"
        value={values.maxCallMinutes}
        onChange={(maxCallMinutes) => onChange({ maxCallMinutes })}
        error={fieldError(error, 'maxCallMinutes')}
        allowDecimal={false}
      />
    </SimpleGrid>
  );
}
