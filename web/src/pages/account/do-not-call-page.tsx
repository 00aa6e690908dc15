import { Text } from '@mantine/core';
import { AccountSection } from './account-section';
import { TableBesideForm } from '../../components/table-beside-form';
import { AddDoNotCallForm } from './add-do-not-call-form';
import { DoNotCallTable } from './do-not-call-table';

/** `/account/do-not-call`: the numbers none of the account's campaigns ever dials. */
export function DoNotCallPage() {
  return (
    <AccountSection>
      <Text size="sm">
        Numbers on this list are never called: they are left out when leads are imported and checked again
        right before every call.
      </Text>
      <TableBesideForm table={<DoNotCallTable />} form={<AddDoNotCallForm />} />
    </AccountSection>
  );
}
