import { ScrollArea, Table } from '@mantine/core';
import { weekdayOf } from './weekdays';

/** Holidays as dated rows (date, weekday, name), scrolling inside its own box when long. */
export function HolidayTable({ holidays, label, maxHeight = 360 }: { holidays: readonly { date: string; name: string }[]; label: string; maxHeight?: number }) {
  return (
    <ScrollArea.Autosize mah={maxHeight} type="auto">
      <Table striped verticalSpacing={3} horizontalSpacing={6} fz="sm" aria-label={label} className="tabular" stickyHeader>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={110}>Date</Table.Th>
            <Table.Th w={60}>Day</Table.Th>
            <Table.Th>Name</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {holidays.map((h) => (
            <Table.Tr key={h.date} data-date={h.date}>
              <Table.Td>{h.date}</Table.Td>
              <Table.Td>{weekdayOf(h.date)}</Table.Td>
              <Table.Td>{h.name}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollArea.Autosize>
  );
}
