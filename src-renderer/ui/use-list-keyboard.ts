import { useCallback, useEffect, useLayoutEffect, useRef, useState, type CSSProperties, type MouseEvent } from 'react';

/** Keys typed into a field, a menu or a dialog are theirs, never the list's. */
export function ownedElsewhere(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)) return true;
  const role = target.getAttribute('role');
  if (role === 'combobox' || role === 'textbox') return true;
  return target.closest('[role="dialog"], [role="menu"], [role="listbox"]') !== null;
}

/** Enter on a focused control activates that control, not the selected row. */
function isControl(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.closest('button, a[href], [role="button"], [role="tab"], [role="radio"], [role="switch"], [role="checkbox"], .react-flow') !== null;
}

export interface ListKeyboard {
  /** The selected row's index, -1 before j/k was pressed or a row was clicked. */
  selected: number;
  select(index: number): void;
  /** Spread on each row: marks the selected one for assistive technology and styling. */
  rowProps(index: number): { 'data-selected'?: 'true'; 'aria-current'?: 'true'; style?: CSSProperties };
}

/** How a selected row looks in every list of the console. */
export const SELECTED_ROW_STYLE: CSSProperties = {
  background: 'var(--mantine-primary-color-light)',
  boxShadow: 'inset 3px 0 0 var(--mantine-primary-color-filled)',
};

/**
 * The lists' keyboard: j/k move the selection down/up, Enter opens the selected row. One
 * listener on the window while the list is shown; typing into a field, a dialog or a menu is
 * left alone, as are the console's `g` shortcuts (which use other letters).
 */
export function useListKeyboard({
  count,
  onOpen,
  onMove,
  enabled = true,
}: {
  count: number;
  onOpen: (index: number) => void;
  /** Called after the selection moved by key, e.g. to scroll the row into view. */
  onMove?: (index: number) => void;
  enabled?: boolean;
}): ListKeyboard {
  const [selected, setSelected] = useState(-1);
  const latest = useRef({ count, onOpen, onMove, selected });
  useLayoutEffect(() => {
    latest.current = { count, onOpen, onMove, selected };
  });

  // A shorter list (new filters, fewer results) keeps the selection inside it.
  useEffect(() => {
    if (selected >= count) setSelected(count - 1);
  }, [count, selected]);

  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing || event.ctrlKey || event.metaKey || event.altKey) return;
      if (ownedElsewhere(event.target)) return;
      const { count: n, selected: current } = latest.current;
      if (n === 0) return;
      if (event.key === 'j' || event.key === 'k') {
        event.preventDefault();
        const next = event.key === 'j' ? Math.min(n - 1, current + 1) : Math.max(0, current < 0 ? 0 : current - 1);
        setSelected(next);
        latest.current.onMove?.(next);
      } else if (event.key === 'Enter' && current >= 0 && current < n && !isControl(event.target)) {
        event.preventDefault();
        latest.current.onOpen(current);
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [enabled]);

  const rowProps = useCallback(
    (index: number) => (index === selected ? { 'data-selected': 'true' as const, 'aria-current': 'true' as const, style: SELECTED_ROW_STYLE } : {}),
    [selected],
  );
  return { selected, select: setSelected, rowProps };
}

/** Scrolls a row of a plain (not virtualized) table into view: `onMove` for useListKeyboard. */
export function scrollRowIntoView(container: HTMLElement | null, index: number): void {
  const row = container?.querySelectorAll('tbody tr[data-row]')[index];
  if (row instanceof HTMLElement) row.scrollIntoView({ block: 'nearest' });
}

/**
 * A row's click handler that opens the row only for clicks on the row itself: not on its
 * links and buttons, and not inside a dialog one of them opened (React lets clicks in a
 * portal bubble up to the row that rendered it).
 */
export function openOnRowClick(open: () => void): (event: MouseEvent<HTMLElement>) => void {
  return (event) => {
    const target = event.target as Node;
    if (!event.currentTarget.contains(target)) return;
    if (target instanceof Element && target.closest('a[href], button, input, [role="button"]') && event.currentTarget !== target) return;
    open();
  };
}
