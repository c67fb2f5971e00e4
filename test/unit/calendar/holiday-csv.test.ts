import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeCalendar, parseHolidayCsv, isBusinessDay } from '../../../src-main/core/calendar';

const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures/calendars');
const fixture = (name: string) => parseHolidayCsv(readFileSync(path.join(FIXTURES, name), 'utf8'), name);

describe('CSV holiday import', () => {
  it('reads date,name with a BOM, CRLF, quoted names, blank lines and # comments', () => {
    const { holidays, problems } = fixture('holidays-comma.csv');
    expect(problems).toEqual([]);
    expect(holidays).toEqual([
      { date: '2026-12-24', name: 'Christmas Eve' },
      { date: '2026-12-25', name: 'Christmas Day, observed' },
      { date: '2026-12-26', name: 'Boxing Day' },
    ]);
    expect(isBusinessDay(makeCalendar('csv', holidays), '2026-12-24')).toBe(false);
  });

  it('reads date;name (spreadsheets in comma-decimal locales), header in any case, doubled quotes', () => {
    const { holidays, problems } = fixture('holidays-semicolon.csv');
    expect(problems).toEqual([]);
    expect(holidays).toEqual([
      { date: '2026-10-03', name: 'Tag der Deutschen Einheit' },
      { date: '2026-12-25', name: '1. Weihnachtstag; "Christtag"' },
    ]);
  });

  it('reports each bad line with its line and column and keeps the good ones', () => {
    const { holidays, problems } = fixture('holidays-errors.csv');
    expect(problems.map((p) => [p.code, p.line, p.column, p.path])).toEqual([
      ['csv-bad-date', 3, 1, 'lines.3.date'], // 24.12.2026
      ['csv-bad-date', 4, 1, 'lines.4.date'], // 2026-02-30
      ['csv-fields', 5, 11, 'lines.5'], // no name
      ['csv-fields', 6, 22, 'lines.6'], // a third field
      ['csv-missing-name', 7, 12, 'lines.7.name'],
      ['csv-syntax', 8, 12, 'lines.8'], // unterminated quote
    ]);
    expect(problems.every((p) => p.severity === 'error' && p.file === 'holidays-errors.csv')).toBe(true);
    expect(holidays.map((h) => h.date)).toEqual(['2026-12-24', '2027-01-01']);
  });

  it('needs the header', () => {
    expect(parseHolidayCsv('2026-12-25,Christmas\n', 'x.csv').problems.map((p) => [p.code, p.line, p.column])).toEqual([['csv-header', 1, 1]]);
    expect(parseHolidayCsv('when,what\n', 'x.csv').holidays).toEqual([]);
    expect(parseHolidayCsv('', 'x.csv').problems.map((p) => p.code)).toEqual(['csv-header']);
  });
});
