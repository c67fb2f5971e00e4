import { useEffect, useLayoutEffect, useRef } from 'react';

/** Input that proves someone is at the keyboard. Pointer moves count: reading is working. */
const ACTIVITY = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart'] as const;
const CHECK_EVERY_MS = 5_000;

/**
 * Calls `onIdle` once after `minutes` without user input. Time is compared with the wall
 * clock on each check, so a machine that slept past the limit locks as soon as it wakes.
 */
export function useIdleLock(minutes: number, enabled: boolean, onIdle: () => void): void {
  const latest = useRef(onIdle);
  useLayoutEffect(() => {
    latest.current = onIdle;
  });
  useEffect(() => {
    if (!enabled) return;
    let lastInput = Date.now();
    const touch = () => {
      lastInput = Date.now();
    };
    for (const type of ACTIVITY) window.addEventListener(type, touch, { capture: true, passive: true });
    const timer = setInterval(() => {
      if (Date.now() - lastInput >= minutes * 60_000) {
        clearInterval(timer);
        latest.current();
      }
    }, CHECK_EVERY_MS);
    return () => {
      clearInterval(timer);
      for (const type of ACTIVITY) window.removeEventListener(type, touch, { capture: true });
    };
  }, [minutes, enabled]);
}
