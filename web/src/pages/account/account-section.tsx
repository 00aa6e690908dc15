import { Button, Group, Stack, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link, useLocation } from 'react-router';

const ACCOUNT_PAGES = [
  { to: '/account', label: 'Balance and ledger' },
  { to: '/account/webhooks', label: 'Webhooks' },
  { to: '/account/do-not-call', label: 'Do-not-call list' },
] as const;

/** The frame of the three account pages: their title and the links between them. */
export function AccountSection({ children }: { readonly children: ReactNode }) {
  const { pathname } = useLocation();
  return (
    <Stack gap="lg" maw={1100}>
      <Title order={1} size="h2">
        Account
      </Title>
      <nav aria-label="Account pages">
        <Group gap="xs">
          {ACCOUNT_PAGES.map((page) => {
            const current = pathname.replace(/\/$/, '') === page.to;
            return (
              <Button
                key={page.to}
                component={Link}
                to={page.to}
                variant={current ? 'light' : 'subtle'}
                aria-current={current ? 'page' : undefined}
              >
                {page.label}
              </Button>
            );
          })}
        </Group>
      </nav>
      {children}
    </Stack>
  );
}
