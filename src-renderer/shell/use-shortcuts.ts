import { useEffect, useLayoutEffect, useRef } from 'react';

/** How long after `g` the second key still counts as part of the sequence. */
const SEQUENCE_MS = 1_500;

export interface ShortcutHandlers {
  /** The letter typed after `g`. */
  go(letter: string): void;
  help(): void;
  lock(): void;
}

/** Typing into a field must never trigger navigation. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName) || target.getAttribute('role') === 'combobox';
}

/**
 * The console's global keys: `g` then a letter to jump to a view, `?` for help, and
 * Ctrl+L (⌘L on a Mac) to lock. Lock works even while typing, because someone leaving
 * the desk mid-form is exactly the case it is for.
 */
export function useShortcuts(enabled: boolean, handlers: ShortcutHandlers): void {
  const latest = useRef(handlers);
  useLayoutEffect(() => {
    latest.current = handlers;
  });
  useEffect(() => {
    if (!enabled) return;
    let gPressedAt = 0;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing) return;
      const key = event.key.toLowerCase();
      if (key === 'l' && (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey) {
        event.preventDefault();
        latest.current.lock();
        return;
      }
      if (event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) {
        gPressedAt = 0;
        return;
      }
      if (gPressedAt && Date.now() - gPressedAt <= SEQUENCE_MS && key.length === 1) {
        gPressedAt = 0;
        event.preventDefault();
        latest.current.go(key);
      } else if (key === 'g' && !event.shiftKey) {
        gPressedAt = Date.now();
      } else if (event.key === '?') {
        event.preventDefault();
        latest.current.help();
      } else {
        gPressedAt = 0;
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [enabled]);
}

/** The lock shortcut as the user's keyboard labels it. */
export const LOCK_KEYS = /Mac|iPhone|iPad/.test(navigator.userAgent) ? ['⌘', 'L'] : ['Ctrl', 'L'];
