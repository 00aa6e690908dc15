import { Grid } from '@mantine/core';
import { AccountSection } from './account-section';
import { AddCreditForm } from './add-credit-form';
import { BalanceCard } from './balance-card';
import { LedgerTable } from './ledger-table';

/** `/account`: the balance, how to add credit, and every credit and charge. */
export function AccountPage() {
  return (
    <AccountSection>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 5 }}>
          <BalanceCard />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <AddCreditForm />
        </Grid.Col>
      </Grid>
      <LedgerTable />
    </AccountSection>
  );
}
