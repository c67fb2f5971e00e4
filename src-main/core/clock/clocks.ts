import type { Clock } from '@shared/domain/time';

export const systemClock: Clock = { now: () => Date.now() };

/** A clock that moves only when told to: tests (and simulations) use it to cross days, DST changes and lease expiries instantly. */
export class ManualClock implements Clock {
  constructor(private current: number) {}

  now(): number {
    return this.current;
  }

  advance(ms: number): void {
    this.current += ms;
  }

  set(epochMs: number): void {
    this.current = epochMs;
  }
}
