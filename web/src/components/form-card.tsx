import { Card, Stack, Text, Title } from '@mantine/core';
import { useId, type FormEvent, type ReactNode } from 'react';

/** A form in a card under its title, named by that title; the browser's own validation is left to the API. */
export function FormCard({
  title,
  description,
  onSubmit,
  children,
}: {
  readonly title: string;
  readonly description?: ReactNode;
  readonly onSubmit: () => void;
  readonly children: ReactNode;
}) {
  const titleId = useId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <Card withBorder padding="lg" h="100%">
      <form onSubmit={submit} noValidate aria-labelledby={titleId}>
        <Stack gap="sm">
          <CardHeading id={titleId} title={title} description={description} />
          {children}
        </Stack>
      </form>
    </Card>
  );
}

/** A card's title, with a line under it that says what the card is for. */
export function CardHeading({
  id,
  title,
  description,
}: {
  readonly id?: string;
  readonly title: string;
  readonly description?: ReactNode;
}) {
  return (
    <div>
      <Title order={2} size="h4" id={id}>
        {title}
      </Title>
      {description !== undefined && (
        <Text size="sm" c="dimmed">
          {description}
        </Text>
      )}
    </div>
  );
}
