import { Select, type SelectProps } from '@mantine/core';
import { TIME_ZONES } from './time';

/** An IANA time zone, searched by typing any part of its name ("berlin", "New_York", "UTC"). */
export function ZoneSelect(props: Omit<SelectProps, 'data' | 'searchable'>) {
  return <Select label="Time zone" placeholder="Type to search, e.g. Europe/Berlin" searchable limit={50} allowDeselect={false} {...props} data={TIME_ZONES} />;
}
