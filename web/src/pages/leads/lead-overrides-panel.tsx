import { Button, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { unwrap } from '../../api/client';
import { useApi } from '../../api/session';
import type { LeadDetail } from '../../api/types';
import { campaignKeys } from '../../components/campaign-actions/campaign-query-keys';
import { ConfirmModal } from '../../components/confirm-modal';
import { Panel } from '../../components/panel';
import { LEAD_OVERRIDES, appliesTo, type LeadOverride } from './lead-overrides';

/**
 * The manual overrides of a lead, each confirmed first. A refusal (a reset while a call is in flight) stays in
 * the dialog in the API's words; the lead is read again either way, since its status may have moved meanwhile.
 */
export function LeadOverridesPanel({ lead }: { readonly lead: LeadDetail }) {
  const api = useApi();
  const queryClient = useQueryClient();
  // The override stays named while its dialog fades out after closing.
  const [dialog, setDialog] = useState({ override: LEAD_OVERRIDES[0]!, open: false });
  const name = lead.name ?? 'The lead';
  const override = (target: LeadOverride) =>
    unwrap(
      api.PATCH('/v1/leads/{id}', { params: { path: { id: lead.id } }, body: { status: target.status } }),
    ).finally(() =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ['lead', lead.id] }),
        // The campaign's lists and counters show the lead too.
        queryClient.invalidateQueries({ queryKey: campaignKeys.campaign(lead.campaignId) }),
      ]),
    );
  return (
    <Panel title="Overrides">
      <Stack gap="md">
        {LEAD_OVERRIDES.filter((candidate) => appliesTo(candidate, lead.status)).map((candidate) => (
          <OverrideButton
            key={candidate.status}
            override={candidate}
            onClick={() => setDialog({ override: candidate, open: true })}
          />
        ))}
      </Stack>
      <ConfirmModal
        target={dialog.open ? dialog.override : null}
        title={`${dialog.override.label}?`}
        confirmLabel={dialog.override.confirmLabel}
        describe={(target) => `${name}: ${target.effect}`}
        action={override}
        onDone={(target) => {
          notifications.show({ color: 'green', message: `${name} ${target.done}.` });
        }}
        onClose={() => setDialog((current) => ({ ...current, open: false }))}
      />
    </Panel>
  );
}

/** An override's button, described (for screen readers too) by what it does. */
function OverrideButton({
  override,
  onClick,
}: {
  readonly override: LeadOverride;
  readonly onClick: () => void;
}) {
  const effectId = useId();
  const stops = override.status === 'completed';
  return (
    <div>
      <Button
        variant={stops ? 'outline' : 'default'}
        color={stops ? 'red' : 'gray'}
        onClick={onClick}
        aria-describedby={effectId}
      >
        {override.label}
      </Button>
      <Text size="xs" c="dimmed" mt={4} id={effectId}>
        {override.effect}
      </Text>
    </div>
  );
}
