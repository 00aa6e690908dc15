import { Alert, Anchor, List, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { Campaign } from '../../api/types';

interface Unmet {
  readonly code: string;
  readonly message: string;
}

/** Where each start requirement (src/domain/start-requirements.ts) is fixed, and the link's words. */
function fixFor(code: string, campaign: Campaign): { to: string; label: string } | null {
  switch (code) {
    case 'assistant_has_no_phone_number':
      return { to: `/assistants/${campaign.assistantId}`, label: 'Give the assistant a phone number' };
    case 'provider_not_configured':
      return { to: `/assistants/${campaign.assistantId}`, label: "Check the assistant's provider" };
    case 'insufficient_balance':
      return { to: '/account', label: 'Add credit' };
    case 'no_callable_leads':
      return { to: `/campaigns/${campaign.id}/add-leads`, label: 'Add leads' };
    default:
      return null;
  }
}

/** A refused start: every unmet requirement as the API worded it, each with a link to where it is fixed. */
export function StartRefusalAlert({
  campaign,
  unmet,
  onClose,
}: {
  readonly campaign: Campaign;
  readonly unmet: readonly Unmet[];
  readonly onClose: () => void;
}) {
  return (
    <Alert
      color="orange"
      title="This campaign cannot start yet"
      role="alert"
      withCloseButton
      closeButtonLabel="Dismiss"
      onClose={onClose}
    >
      <List size="sm" spacing={4}>
        {unmet.map((requirement) => {
          const fix = fixFor(requirement.code, campaign);
          return (
            <List.Item key={requirement.code}>
              <Text span size="sm">
                {capitalize(requirement.message)}.
              </Text>{' '}
              {fix !== null && (
                <Anchor component={Link} to={fix.to} size="sm" fw={500} c="inherit">
                  {fix.label}
                </Anchor>
              )}
            </List.Item>
          );
        })}
      </List>
    </Alert>
  );
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
