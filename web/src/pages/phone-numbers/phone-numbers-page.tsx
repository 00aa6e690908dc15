import { Stack, Text, Title } from '@mantine/core';
import { TableBesideForm } from '../../components/table-beside-form';
import { AddPhoneNumberForm } from './add-phone-number-form';
import { PhoneNumbersTable } from './phone-numbers-table';

/** `/phone-numbers`: the caller ids campaigns call from, and adding or removing one. */
export function PhoneNumbersPage() {
  return (
    <Stack gap="lg" maw={1200}>
      <div>
        <Title order={1} size="h2">
          Phone numbers
        </Title>
        <Text c="dimmed" size="sm">
          The caller ids your campaigns call from. An assistant calls from the number chosen on its page.
        </Text>
      </div>
      <TableBesideForm table={<PhoneNumbersTable />} form={<AddPhoneNumberForm />} />
    </Stack>
  );
}
