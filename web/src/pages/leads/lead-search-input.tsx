import { TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useState } from 'react';

/** Typing pauses this long before the list is asked again: one request per word, not per letter. */
const SEARCH_DELAY_MS = 300;

/**
 * The leads search box. It shows what is typed at once and reports it to `onSearch` once typing pauses (Enter
 * at once); when `value` changes from outside (Back to an address with another `q`), the box follows it.
 */
export function LeadSearchInput({
  value,
  onSearch,
}: {
  readonly value: string;
  readonly onSearch: (text: string) => void;
}) {
  const [text, setText] = useState(value);
  const [reported, setReported] = useState(value);
  if (value !== reported) {
    setReported(value);
    setText(value);
  }
  const search = useDebouncedCallback((next: string) => {
    setReported(next);
    onSearch(next);
  }, SEARCH_DELAY_MS);
  return (
    <TextInput
      type="search"
      label="Search"
      description="A part of a name, or digits of a number"
      placeholder="Ada, or 555 0123"
      // The API's limit for `q`.
      maxLength={200}
      value={text}
      onChange={(event) => {
        setText(event.currentTarget.value);
        search(event.currentTarget.value);
      }}
      onKeyDown={(event) => event.key === 'Enter' && search.flush()}
      flex={1}
      maw={360}
    />
  );
}
