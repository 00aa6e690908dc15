import { Alert, Button, List, Text, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { unwrap } from '../../api/client';
import { useApi } from '../../api/session';
import type { ResponseOf } from '../../api/types';
import { FormCard } from '../../components/form-card';
import { fieldError, FormError } from '../../components/form-error';

type Added = ResponseOf<'/v1/dnc', 'post'>;

/** The numbers as typed: one per line or separated by commas, blanks ignored. */
function splitNumbers(text: string): string[] {
  return text
    .split(/[\n,]/)
    .map((phone) => phone.trim())
    .filter((phone) => phone !== '');
}

/** Puts numbers on the list (`POST /v1/dnc`) and says what became of each: added, already there, or invalid. */
export function AddDoNotCallForm() {
  const client = useApi();
  const queryClient = useQueryClient();
  const [numbers, setNumbers] = useState('');
  const [note, setNote] = useState('');
  const add = useMutation({
    mutationFn: (phones: string[]) =>
      unwrap(
        client.POST('/v1/dnc', { body: { phones, ...(note.trim() === '' ? {} : { note: note.trim() }) } }),
      ),
    onSuccess: () => {
      setNumbers('');
      return queryClient.invalidateQueries({ queryKey: ['dnc'] });
    },
  });
  const [missing, setMissing] = useState(false);

  const submit = () => {
    const phones = splitNumbers(numbers);
    setMissing(phones.length === 0);
    if (phones.length > 0) add.mutate(phones);
  };

  return (
    <FormCard title="Add numbers" onSubmit={submit}>
      <Textarea
        label="Numbers"
        description="One per line or separated by commas; +12125550100, or national numbers of the server's default country"
        value={numbers}
        onChange={(event) => setNumbers(event.currentTarget.value)}
        error={missing ? 'Enter at least one number.' : fieldError(add.error, 'phones')}
        autosize
        minRows={4}
        maxRows={12}
        required
      />
      <TextInput
        label="Note"
        description="Optional: why, for whoever reads the list later"
        value={note}
        onChange={(event) => setNote(event.currentTarget.value)}
        error={fieldError(add.error, 'note')}
      />
      <FormError error={add.error} fields={['phones', 'note']} title="Numbers not added" />
      {add.data !== undefined && <AddedSummary added={add.data} />}
      <Button type="submit" loading={add.isPending}>
        Add to list
      </Button>
    </FormCard>
  );
}

function AddedSummary({ added }: { readonly added: Added }) {
  return (
    <Alert
      color={added.invalid.length === 0 ? 'green' : 'yellow'}
      role="status"
      title="Do-not-call list updated"
    >
      <Text size="sm">
        {added.added} added, {added.alreadyListed} already listed, {added.invalid.length} invalid.
      </Text>
      {added.invalid.length > 0 && (
        <List size="sm" mt={4}>
          {added.invalid.map((invalid) => (
            <List.Item key={invalid.index}>{invalid.message}</List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}
