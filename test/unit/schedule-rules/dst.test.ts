import { describe, expect, it } from 'vitest';
import { fireTimesBetween, nextFireTimes } from '../../../src-main/core/schedule-rules';
import { iso, local, utc } from '../calendar/instants';
import { EVERY_DAY, WEEKDAYS, spec } from './specs';

/**
 * A local time that does not exist (spring forward) fires once, just after the gap at the
 * offset before it (02:30 → 03:30); a local time that occurs twice (fall back) fires once, at
 * its first occurrence. Every day of the calendar is a business day, so that nothing but DST
 * decides the times.
 */
const daily = (time: string, zone: string) => spec({ rule: { kind: 'weekly', weekdays: [1, 2, 3, 4, 5, 6, 7] }, time, zone, convention: 'none' }, EVERY_DAY);
const cronDaily = (expression: string, zone: string) => spec({ rule: { kind: 'cron', expression }, zone }, EVERY_DAY);
const around = (time: string, zone: string, after: string, count = 4) => nextFireTimes(daily(time, zone), utc(after), count);

describe('DST in Europe/Berlin, 2027 (spring forward 28 March, fall back 31 October)', () => {
  it('02:30 fires at 03:30 CEST on 28 March, once', () => {
    const times = around('02:30', 'Europe/Berlin', '2027-03-26T00:00Z');
    expect(times.map(iso)).toEqual(['2027-03-26T01:30Z', '2027-03-27T01:30Z', '2027-03-28T01:30Z', '2027-03-29T00:30Z']);
    expect(times.map((t) => local(t, 'Europe/Berlin'))).toEqual([
      '2027-03-26T02:30+01:00',
      '2027-03-27T02:30+01:00',
      '2027-03-28T03:30+02:00',
      '2027-03-29T02:30+02:00',
    ]);
  });

  it('02:30 fires at the first 02:30 (CEST, 00:30 UTC) on 31 October, once', () => {
    const times = around('02:30', 'Europe/Berlin', '2027-10-29T00:00Z');
    expect(times.map(iso)).toEqual(['2027-10-29T00:30Z', '2027-10-30T00:30Z', '2027-10-31T00:30Z', '2027-11-01T01:30Z']);
    expect(times.map((t) => local(t, 'Europe/Berlin'))).toEqual([
      '2027-10-29T02:30+02:00',
      '2027-10-30T02:30+02:00',
      '2027-10-31T02:30+02:00',
      '2027-11-01T02:30+01:00',
    ]);
    // Asked between the two 02:30s, the next fire is the next day's: the second 02:30 is not a fire time.
    expect(nextFireTimes(daily('02:30', 'Europe/Berlin'), utc('2027-10-31T00:30Z'), 1).map(iso)).toEqual(['2027-11-01T01:30Z']);
  });

  it('a cron at 02:30 behaves the same', () => {
    const s = cronDaily('30 2 * * *', 'Europe/Berlin');
    expect(nextFireTimes(s, utc('2027-03-27T12:00Z'), 2).map(iso)).toEqual(['2027-03-28T01:30Z', '2027-03-29T00:30Z']);
    expect(nextFireTimes(s, utc('2027-10-30T12:00Z'), 2).map(iso)).toEqual(['2027-10-31T00:30Z', '2027-11-01T01:30Z']);
  });

  it('*/15 fires once per wall-clock quarter: 92 times on the 23-hour day, 96 on the 25-hour day, none twice', () => {
    const s = cronDaily('*/15 * * * *', 'Europe/Berlin');
    const spring = fireTimesBetween(s, utc('2027-03-27T22:59Z'), utc('2027-03-28T21:59Z'), 1000).times;
    expect(spring).toHaveLength(92);
    expect(spring.slice(7, 13).map((t) => local(t, 'Europe/Berlin'))).toEqual([
      '2027-03-28T01:45+01:00',
      '2027-03-28T03:00+02:00', // 02:00, 02:15, 02:30, 02:45 do not exist: they become 03:00 … 03:45, each once
      '2027-03-28T03:15+02:00',
      '2027-03-28T03:30+02:00',
      '2027-03-28T03:45+02:00',
      '2027-03-28T04:00+02:00',
    ]);
    const autumn = fireTimesBetween(s, utc('2027-10-30T21:59Z'), utc('2027-10-31T22:59Z'), 1000).times;
    expect(autumn).toHaveLength(96);
    expect(new Set(autumn).size).toBe(96);
    expect(autumn.slice(8, 13).map((t) => local(t, 'Europe/Berlin'))).toEqual([
      '2027-10-31T02:00+02:00',
      '2027-10-31T02:15+02:00',
      '2027-10-31T02:30+02:00',
      '2027-10-31T02:45+02:00',
      '2027-10-31T03:00+01:00', // the repeated hour (02:00–02:59 CET) has no fires
    ]);
  });
});

describe('DST in America/New_York, 2027 (spring forward 14 March, fall back 7 November at 02:00 → 01:00)', () => {
  it('02:30 fires at 03:30 EDT on 14 March', () => {
    expect(around('02:30', 'America/New_York', '2027-03-13T00:00Z', 3).map((t) => local(t, 'America/New_York'))).toEqual([
      '2027-03-13T02:30-05:00',
      '2027-03-14T03:30-04:00',
      '2027-03-15T02:30-04:00',
    ]);
  });

  it('01:30, repeated on 7 November, fires at its first (EDT) occurrence; 02:30 is not repeated there', () => {
    expect(around('01:30', 'America/New_York', '2027-11-06T00:00Z', 3).map(iso)).toEqual(['2027-11-06T05:30Z', '2027-11-07T05:30Z', '2027-11-08T06:30Z']);
    expect(around('02:30', 'America/New_York', '2027-11-06T00:00Z', 3).map((t) => local(t, 'America/New_York'))).toEqual([
      '2027-11-06T02:30-04:00',
      '2027-11-07T02:30-05:00',
      '2027-11-08T02:30-05:00',
    ]);
  });
});

describe('DST in Australia/Sydney, 2027 (fall back 4 April, spring forward 3 October)', () => {
  it('02:30 fires at its first occurrence (AEDT) on 4 April', () => {
    expect(around('02:30', 'Australia/Sydney', '2027-04-02T00:00Z', 3).map(iso)).toEqual(['2027-04-02T15:30Z', '2027-04-03T15:30Z', '2027-04-04T16:30Z']);
  });

  it('02:30 fires at 03:30 AEDT on 3 October', () => {
    expect(around('02:30', 'Australia/Sydney', '2027-10-01T00:00Z', 3).map((t) => local(t, 'Australia/Sydney'))).toEqual([
      '2027-10-02T02:30+10:00',
      '2027-10-03T03:30+11:00',
      '2027-10-04T02:30+11:00',
    ]);
  });
});

describe('zones with fractional offsets', () => {
  it('Asia/Kolkata (+05:30, no DST): 09:00 is 03:30 UTC every business day, whatever Europe does', () => {
    const s = spec({ rule: { kind: 'every-business-day' }, time: '09:00', zone: 'Asia/Kolkata' }, WEEKDAYS);
    expect(nextFireTimes(s, utc('2027-03-25T00:00Z'), 4).map(iso)).toEqual([
      '2027-03-25T03:30Z',
      '2027-03-26T03:30Z',
      '2027-03-29T03:30Z',
      '2027-03-30T03:30Z',
    ]);
  });

  it('Australia/Lord_Howe moves its clocks by half an hour: 02:15 in the gap fires at 02:45', () => {
    expect(around('02:15', 'Australia/Lord_Howe', '2027-10-02T00:00Z', 2).map((t) => local(t, 'Australia/Lord_Howe'))).toEqual([
      '2027-10-03T02:45+11:00',
      '2027-10-04T02:15+11:00',
    ]);
  });
});

describe('a zone whose midnight is skipped (America/Havana changes clocks at 00:00)', () => {
  it('00:30 fires at 01:30 on the spring-forward day and at the first 00:30 on the fall-back day', () => {
    const s = cronDaily('30 0 * * *', 'America/Havana');
    expect(nextFireTimes(s, utc('2027-03-13T00:00Z'), 3).map((t) => local(t, 'America/Havana'))).toEqual([
      '2027-03-13T00:30-05:00',
      '2027-03-14T01:30-04:00',
      '2027-03-15T00:30-04:00',
    ]);
    expect(nextFireTimes(s, utc('2027-11-06T00:00Z'), 3).map((t) => local(t, 'America/Havana'))).toEqual([
      '2027-11-06T00:30-04:00',
      '2027-11-07T00:30-04:00',
      '2027-11-08T00:30-05:00',
    ]);
  });
});

describe('fire times are one sequence however they are asked for', () => {
  it.each([
    ['*/20 0-3 * * *', 'Europe/Berlin', '2027-03-20T00:00Z'],
    ['*/20 0-3 * * *', 'Europe/Berlin', '2027-10-25T00:00Z'],
    ['15,45 0,1,23 * * *', 'America/Havana', '2027-03-10T00:00Z'],
    ['30 2 * * *', 'Australia/Sydney', '2027-09-28T00:00Z'],
  ])('%s in %s from %s: one at a time = all at once = between', (expression, zone, after) => {
    const s = cronDaily(expression, zone);
    const all = nextFireTimes(s, utc(after), 60);
    const oneByOne: number[] = [];
    let cursor = utc(after);
    for (let i = 0; i < 60; i++) {
      cursor = nextFireTimes(s, cursor, 1)[0]!;
      oneByOne.push(cursor);
    }
    expect(oneByOne).toEqual(all);
    expect(all.every((t, i) => i === 0 || t > all[i - 1]!)).toBe(true);
    expect(fireTimesBetween(s, utc(after), all.at(-1)!, 1000)).toEqual({ times: all, truncated: false });
  });
});
