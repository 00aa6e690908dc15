import { Anchor, Select } from '@mantine/core';
import { Link } from 'react-router';
import { usePhoneNumberOptions } from '../phone-numbers/use-phone-numbers';

/** The caller id an assistant calls from, among the account's; none is allowed but stops campaigns starting. */
export function PhoneNumberSelect({
  value,
  onChange,
  error,
}: {
  readonly value: string | null;
  readonly onChange: (phoneNumberId: string | null) => void;
  readonly error: string | undefined;
}) {
  const phoneNumbers = usePhoneNumberOptions();
  const data = (phoneNumbers.data ?? []).map((phone) => ({
    value: phone.id,
    label: phone.label === null ? phone.number : `${phone.number} · ${phone.label}`,
  }));
  const placeholder = phoneNumbers.isPending
    ? 'Loading phone numbers…'
    : data.length === 0
      ? 'No phone number yet'
      : 'None';
  return (
    <Select
      label="Phone number"
      description={
        <>
          The caller id of its calls; a campaign cannot start without one.{' '}
          <Anchor component={Link} to="/phone-numbers" size="xs">
            Add a phone number
          </Anchor>
        </>
      }
      placeholder={placeholder}
      data={data}
      value={value}
      onChange={onChange}
      error={
        error ??
        (phoneNumbers.isError ? `Could not load the phone numbers: ${phoneNumbers.error.message}` : undefined)
      }
      clearable
    />
  );
}
