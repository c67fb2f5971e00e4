import { useEffect, useRef, type CSSProperties, type ReactNode } from 'react';
import { Loader, Table } from '@mantine/core';
import { useElementSize } from '@mantine/hooks';
import { useVirtualizer } from '@tanstack/react-virtual';
import { openOnRowClick, useListKeyboard } from './use-list-keyboard';
import { useLetterKeys } from './use-letter-keys';

/** Paging by cursor: the next page is asked for as the end of what is loaded comes near. */
export interface MoreRows {
  hasMore: boolean;
  loading: boolean;
  load: () => void;
  /** How close (in rows) the last rendered row may come to the end of what is loaded. */
  prefetchRows: number;
  /** What the spinner says to assistive technology, e.g. "Loading more tasks". */
  label: string;
}

export interface VirtualTableProps<T> {
  items: readonly T[];
  /** The table's accessible name. */
  label: string;
  /** The header cells (Table.Th), in one row. */
  header: ReactNode;
  columns: number;
  rowHeight: number;
  overscan?: number;
  /** The scrolling box's height, e.g. { maxHeight: 'max(320px, calc(100dvh - 330px))' }. */
  boxHeight: Pick<CSSProperties, 'height' | 'maxHeight'>;
  testId?: string;
  rowKey: (item: T) => string | number;
  /** data-* attributes a row is found by (tests, tools). */
  rowData: (item: T) => Record<`data-${string}`, string | number>;
  cells: (item: T) => ReactNode;
  onOpen: (item: T) => void;
  /** The list's own single-letter actions on the selected row (the queue's c and x). */
  letterKeys?: Readonly<Record<string, (item: T) => void>>;
  more?: MoreRows;
}

/**
 * The console's long lists: a table in a scrolling box whose rows are virtualized (only
 * those in view are in the page), so thousands scroll like a hundred. j/k move the
 * selection, Enter or a click on the row opens it; links and buttons in a row keep their
 * own clicks. The sticky header sits above the rows inside the box, so the virtualizer
 * counts it in and rows scrolled to by key stay clear of it.
 */
export function VirtualTable<T>({
  items,
  label,
  header,
  columns,
  rowHeight,
  overscan = 12,
  boxHeight,
  testId,
  rowKey,
  rowData,
  cells,
  onOpen,
  letterKeys,
  more,
}: VirtualTableProps<T>) {
  const scroller = useRef<HTMLDivElement>(null);
  const { ref: head, height: headHeight } = useElementSize<HTMLTableSectionElement>();
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => rowHeight,
    overscan,
    paddingStart: headHeight,
    scrollPaddingStart: headHeight,
  });
  const keys = useListKeyboard({
    count: items.length,
    onOpen: (i) => items[i] !== undefined && onOpen(items[i]),
    onMove: (i) => virtualizer.scrollToIndex(i, { align: 'auto' }),
  });
  const current = keys.selected >= 0 ? items[keys.selected] : undefined;
  useLetterKeys(
    Object.fromEntries(Object.entries(letterKeys ?? {}).map(([key, act]) => [key, () => current !== undefined && act(current)])),
    letterKeys !== undefined,
  );

  const rows = virtualizer.getVirtualItems();
  const lastIndex = rows.at(-1)?.index ?? -1;
  const { hasMore = false, loading = false, load, prefetchRows = 0 } = more ?? {};
  useEffect(() => {
    if (hasMore && !loading && lastIndex >= items.length - prefetchRows) load?.();
  }, [hasMore, loading, load, prefetchRows, lastIndex, items.length]);
  const before = (rows[0]?.start ?? headHeight) - headHeight;
  const after = virtualizer.getTotalSize() - (rows.at(-1)?.end ?? 0);
  const spacer = (height: number) => (
    <tr aria-hidden>
      <td colSpan={columns} style={{ height, padding: 0, border: 0 }} />
    </tr>
  );

  return (
    <div
      ref={scroller}
      style={{ ...boxHeight, overflow: 'auto', border: '1px solid var(--mantine-color-default-border)', borderRadius: 'var(--mantine-radius-sm)' }}
      data-testid={testId}
    >
      <Table striped highlightOnHover stickyHeader aria-label={label} aria-rowcount={more?.hasMore ? -1 : items.length + 1} style={{ tableLayout: 'fixed' }}>
        <Table.Thead ref={head}>
          <Table.Tr>{header}</Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {before > 0 && spacer(before)}
          {rows.map((row) => {
            const item = items[row.index] as T;
            const selection = keys.rowProps(row.index);
            return (
              <Table.Tr
                key={rowKey(item)}
                data-row
                data-index={row.index}
                {...rowData(item)}
                ref={virtualizer.measureElement}
                aria-rowindex={row.index + 2}
                {...selection}
                style={{ height: rowHeight, cursor: 'pointer', ...selection.style }}
                onClick={openOnRowClick(() => {
                  keys.select(row.index);
                  onOpen(item);
                })}
              >
                {cells(item)}
              </Table.Tr>
            );
          })}
          {after > 0 && spacer(after)}
          {more?.hasMore && (
            <tr>
              <td colSpan={columns} style={{ padding: 8, textAlign: 'center' }}>
                <Loader size="xs" aria-label={more.label} />
              </td>
            </tr>
          )}
        </Table.Tbody>
      </Table>
    </div>
  );
}
