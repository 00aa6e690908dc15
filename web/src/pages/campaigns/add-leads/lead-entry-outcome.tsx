import { Alert, List } from '@mantine/core';
import type { ResponseOf } from '../../../api/types';

export type LeadsAdded = ResponseOf<'/v1/campaigns/{id}/leads', 'post'>;

/** What the API did with a lead added by hand: added, or which of its numbers it left out and why. */
export function LeadEntryOutcome({ outcome }: { readonly outcome: LeadsAdded }) {
  const notes = [
    ...outcome.duplicates.map(({ phone }) => `${phone} is already in the campaign: not added again.`),
    ...outcome.suppressed.map(({ phone }) => `${phone} is on the do-not-call list: not added.`),
    // The invalid number's message is under its field; the alert only points there.
    ...(outcome.invalid.length > 0 ? ['A number is not valid: see the message under its field.'] : []),
  ];
  const added = outcome.created > 0;
  return (
    <Alert
      role="status"
      color={added ? (notes.length === 0 ? 'green' : 'yellow') : 'red'}
      title={added ? 'Lead added' : 'No lead added'}
    >
      {notes.length > 0 && (
        <List size="sm">
          {notes.map((note) => (
            <List.Item key={note}>{note}</List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}
