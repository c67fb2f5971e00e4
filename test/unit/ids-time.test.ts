import { describe, expect, it } from 'vitest';
import { newUuidV7, UserId, newId } from '@shared/domain/ids';
import { Timestamp, toEpochMs, toTimestamp } from '@shared/domain/time';

describe('ids', () => {
  it('are UUIDv7, time-ordered by the injected clock', () => {
    const a = newUuidV7(1_700_000_000_000);
    const b = newUuidV7(1_700_000_000_001);
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(a < b).toBe(true);
    expect(parseInt(a.replace(/-/g, '').slice(0, 12), 16)).toBe(1_700_000_000_000);
  });

  it('validate with a message that shows the expected form', () => {
    expect(UserId.safeParse(newId(UserId, Date.now())).success).toBe(true);
    expect(UserId.safeParse('42').error?.issues[0]?.message).toMatch(/UserId/);
  });
});

describe('timestamps', () => {
  it('round-trip as UTC ISO strings with milliseconds', () => {
    const ts = toTimestamp(Date.UTC(2026, 10, 29, 4, 38, 18, 123));
    expect(ts).toBe('2026-11-29T04:38:18.123Z');
    expect(toEpochMs(ts)).toBe(Date.UTC(2026, 10, 29, 4, 38, 18, 123));
    expect(Timestamp.safeParse('2026-11-29 04:38').success).toBe(false);
    expect(() => toTimestamp(Number.NaN)).toThrow(RangeError);
  });
});
