import { Button, Checkbox, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { unwrap } from '../../api/client';
import { useApi } from '../../api/session';
import { FormCard } from '../../components/form-card';
import { fieldError, FormError } from '../../components/form-error';
import { ALL_EVENTS, WEBHOOK_EVENTS, type WebhookEvent } from './webhook-events';
import { WebhookSecretModal } from './webhook-secret-modal';

/** Subscribes a URL to events; the answer holds the signing secret, shown once in a dialog. */
export function AddWebhookForm() {
  const client = useApi();
  const queryClient = useQueryClient();
  const [url, setUrl] = useState('');
  const [events, setEvents] = useState<WebhookEvent[]>([]);
  const add = useMutation({
    mutationFn: () => unwrap(client.POST('/v1/webhook-endpoints', { body: { url: url.trim(), events } })),
    onSuccess: () => {
      setUrl('');
      setEvents([]);
      return queryClient.invalidateQueries({ queryKey: ['webhook-endpoints'] });
    },
  });
  const allEvents = events.includes(ALL_EVENTS);

  return (
    <FormCard title="Add endpoint" onSubmit={() => add.mutate()}>
      <TextInput
        label="URL"
        description="https:// address that receives the events"
        type="url"
        value={url}
        onChange={(event) => setUrl(event.currentTarget.value)}
        error={fieldError(add.error, 'url')}
        required
      />
      <Checkbox.Group<WebhookEvent>
        label="Events"
        value={events}
        onChange={setEvents}
        error={fieldError(add.error, 'events')}
        required
      >
        <Stack gap={6} mt={6}>
          <Checkbox value={ALL_EVENTS} label="All events, including ones added later" />
          {WEBHOOK_EVENTS.map(({ event, description }) => (
            <Checkbox
              key={event}
              value={event}
              label={event}
              description={description}
              disabled={allEvents}
            />
          ))}
        </Stack>
      </Checkbox.Group>
      <FormError error={add.error} fields={['url', 'events']} title="Endpoint not added" />
      <Button type="submit" loading={add.isPending}>
        Add endpoint
      </Button>
      <WebhookSecretModal created={add.data ?? null} onClose={add.reset} />
    </FormCard>
  );
}
