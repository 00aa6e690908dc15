import { AppShell, Burger, Button, Group, NavLink, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Navigate, NavLink as RouterLink, Outlet, useLocation } from 'react-router';
import { useSession } from '../api/session';
import { formatMoney } from '../components/format';
import { useAccount } from '../components/use-account';

const SECTIONS = [
  { to: '/campaigns', label: 'Campaigns' },
  { to: '/assistants', label: 'Assistants' },
  { to: '/phone-numbers', label: 'Phone numbers' },
  { to: '/account', label: 'Account' },
] as const;

/** Every page behind sign-in: the navigation, the account's name and balance, and sign-out. */
export function SignedInLayout() {
  const session = useSession();
  const location = useLocation();
  const [navOpen, nav] = useDisclosure();
  if (session.client === null) return <Navigate to="/sign-in" replace state={{ from: location.pathname }} />;
  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 210, breakpoint: 'sm', collapsed: { mobile: !navOpen } }}
      padding="md"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={navOpen} onClick={nav.toggle} hiddenFrom="sm" size="sm" aria-label="Navigation" />
            <Title order={2} size="h4">
              Callwright
            </Title>
          </Group>
          <AccountSummary onSignOut={() => session.signOut()} />
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label="Sections">
        {SECTIONS.map((section) => (
          <NavLink
            key={section.to}
            component={RouterLink}
            to={section.to}
            label={section.label}
            active={location.pathname.startsWith(section.to)}
            onClick={nav.close}
          />
        ))}
      </AppShell.Navbar>
      <AppShell.Main>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}

function AccountSummary({ onSignOut }: { readonly onSignOut: () => void }) {
  const account = useAccount();
  return (
    <Group gap="md" wrap="nowrap">
      {account.data !== undefined && (
        <Text size="sm" visibleFrom="xs" data-testid="account-summary">
          {account.data.name} · <b>{formatMoney(account.data.balance)}</b>
        </Text>
      )}
      <Button variant="subtle" size="xs" onClick={onSignOut}>
        Sign out
      </Button>
    </Group>
  );
}
