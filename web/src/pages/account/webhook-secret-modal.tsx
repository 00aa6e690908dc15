import { Alert, Button, Code, CopyButton, Group, Modal, Stack, Text } from '@mantine/core';
import type { ResponseOf } from '../../api/types';

type CreatedEndpoint = ResponseOf<'/v1/webhook-endpoints', 'post', 201>;

/**
 * The signing secret of a new endpoint. The API answers it once and keeps no way to show it again, so closing
 * the dialog (which forgets the answer) is the last chance to copy it.
 */
export function WebhookSecretModal({
  created,
  onClose,
}: {
  readonly created: CreatedEndpoint | null;
  readonly onClose: () => void;
}) {
  return (
    <Modal
      opened={created !== null}
      onClose={onClose}
      title="Endpoint added: its signing secret"
      centered
      size="lg"
    >
      {created !== null && (
        <Stack>
          <Text size="sm">
            Verify every delivery to <b>{created.url}</b> with this secret (any Standard Webhooks library
            does).
          </Text>
          <Code block aria-label="Signing secret" style={{ wordBreak: 'break-all' }}>
            {created.secret}
          </Code>
          <Alert color="yellow" role="note">
            It will not be shown again: copy it now and keep it where your receiver reads it.
          </Alert>
          <Group justify="flex-end">
            <CopyButton value={created.secret}>
              {({ copied, copy }) => (
                <Button variant="light" color={copied ? 'teal' : 'blue'} onClick={copy}>
                  {copied ? 'Copied' : 'Copy secret'}
                </Button>
              )}
            </CopyButton>
            <Button onClick={onClose}>Done</Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
