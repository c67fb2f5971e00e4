import { useEffect, useLayoutEffect, useRef } from 'react';
import { ownedElsewhere } from './use-list-keyboard';

/** The console's `g` sequences (g then a view's letter) last this long; their second key is not ours. */
const SEQUENCE_MS = 1_500;

/**
 * Single-letter actions of a list beyond j/k/Enter (the queue's c to claim, x to select),
 * under the lists' rule that keys typed into a field, a menu or a dialog are theirs. The
 * letter after a `g` belongs to the console's navigation (`g c` is Connectors), whether or
 * not the console's listener saw it first.
 */
export function useLetterKeys(actions: Readonly<Record<string, () => void>>, enabled = true): void {
  const latest = useRef(actions);
  useLayoutEffect(() => {
    latest.current = actions;
  });
  useEffect(() => {
    if (!enabled) return;
    let gPressedAt = 0;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing || event.ctrlKey || event.metaKey || event.altKey || ownedElsewhere(event.target)) return;
      const afterG = Date.now() - gPressedAt <= SEQUENCE_MS;
      gPressedAt = event.key === 'g' ? Date.now() : 0;
      if (afterG) return;
      const action = latest.current[event.key];
      if (!action) return;
      event.preventDefault();
      action();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [enabled]);
}
