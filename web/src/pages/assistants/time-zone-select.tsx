import { Select, type ComboboxItem, type OptionsFilter } from '@mantine/core';

const ZONES = Intl.supportedValuesOf('timeZone');

/** "new york" finds America/New_York: spaces and underscores match each other, case aside. */
const normalise = (text: string) => text.toLowerCase().replaceAll('_', ' ');
const matchZone: OptionsFilter = ({ options, search }) =>
  (options as ComboboxItem[]).filter((option) => normalise(option.value).includes(normalise(search.trim())));

/**
 * A searchable list of the browser's IANA zones. A zone the server accepts but the browser does not list (an
 * alias such as US/Eastern) stays selectable, so editing an assistant never blanks its zone.
 */
export function TimeZoneSelect({
  value,
  onChange,
  error,
}: {
  readonly value: string | null;
  readonly onChange: (zone: string | null) => void;
  readonly error: string | undefined;
}) {
  const data = value === null || ZONES.includes(value) ? ZONES : [value, ...ZONES];
  return (
    <Select
      label="Time zone"
      description="Where the callees are: a campaign's calling hours are read in this zone"
      placeholder="Search, e.g. New York"
      data={data}
      value={value}
      onChange={onChange}
      error={error}
      searchable
      filter={matchZone}
      nothingFoundMessage="No zone of that name"
      maxDropdownHeight={280}
      required
    />
  );
}
