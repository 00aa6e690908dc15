import { Button, Group, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';

/** Looks up one number (`GET /v1/dnc?phone=`), written any way a lead's number may be; "Show all" clears it. */
export function DoNotCallSearch({
  lookup,
  onLookup,
}: {
  readonly lookup: string | null;
  readonly onLookup: (phone: string | null) => void;
}) {
  const [search, setSearch] = useState('');
  const find = (event: FormEvent) => {
    event.preventDefault();
    onLookup(search.trim() === '' ? null : search.trim());
  };
  return (
    <form onSubmit={find} role="search" aria-label="Do-not-call list">
      <Group align="flex-end" gap="xs">
        <TextInput
          label="Find a number"
          placeholder="+12125550100 or (212) 555-0100"
          value={search}
          onChange={(event) => setSearch(event.currentTarget.value)}
          flex={1}
        />
        <Button type="submit" variant="default">
          Find
        </Button>
        {lookup !== null && (
          <Button
            variant="subtle"
            onClick={() => {
              setSearch('');
              onLookup(null);
            }}
          >
            Show all
          </Button>
        )}
      </Group>
    </form>
  );
}
