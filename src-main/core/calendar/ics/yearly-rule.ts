import { Temporal } from 'temporal-polyfill';

/**
 * The RRULEs that holiday lists need: fixed-date yearly holidays (FREQ=YEARLY with BYMONTH
 * and BYMONTHDAY, or just the date of DTSTART), with INTERVAL, COUNT and UNTIL. Moveable
 * holidays (Easter, "fourth Thursday of November": BYDAY, BYSETPOS, BYYEARDAY, BYWEEKNO)
 * cannot be written as such a rule and are refused rather than guessed: published lists
 * give them as dated events, which is also what a bank's calendar team signs off.
 */
export interface YearlyRule {
  interval: number;
  count?: number;
  until?: Temporal.PlainDate;
  months?: number[];
  /** 1…31, or -1…-31 counted from the end of the month. */
  monthDays?: number[];
}

export interface RuleError {
  message: string;
  /** Offset inside the RRULE value of the part at fault. */
  offset: number;
}

function integers(text: string, min: number, max: number, allowNegative: boolean): number[] | null {
  const values = text.split(',').map((part) => (/^[+-]?\d{1,3}$/.test(part) ? Number(part) : Number.NaN));
  const ok = values.every((v) => Number.isInteger(v) && Math.abs(v) >= min && Math.abs(v) <= max && (allowNegative || v > 0));
  return ok ? values : null;
}

function untilDate(text: string): Temporal.PlainDate | null {
  const match = /^(\d{4})(\d{2})(\d{2})(T\d{6}Z?)?$/.exec(text);
  if (!match) return null;
  try {
    return Temporal.PlainDate.from({ year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) }, { overflow: 'reject' });
  } catch {
    return null;
  }
}

export function parseYearlyRule(value: string): YearlyRule | RuleError {
  const rule: YearlyRule = { interval: 1 };
  let frequency: string | undefined;
  let offset = 0;
  for (const part of value.split(';')) {
    const at = offset;
    offset += part.length + 1;
    const eq = part.indexOf('=');
    const key = (eq < 0 ? part : part.slice(0, eq)).toUpperCase();
    const text = eq < 0 ? '' : part.slice(eq + 1);
    const bad = (what: string): RuleError => ({ message: `${key}=${text}: ${what}`, offset: at });
    switch (key) {
      case 'FREQ':
        frequency = text.toUpperCase();
        if (frequency !== 'YEARLY') return bad('only FREQ=YEARLY (fixed-date yearly holidays) is supported; list other holidays as dated events');
        break;
      case 'INTERVAL': {
        const n = integers(text, 1, 100, false);
        if (!n || n.length !== 1) return bad('INTERVAL must be a whole number from 1 to 100');
        rule.interval = n[0]!;
        break;
      }
      case 'COUNT': {
        const n = integers(text, 1, 999, false);
        if (!n || n.length !== 1) return bad('COUNT must be a whole number from 1 to 999');
        rule.count = n[0]!;
        break;
      }
      case 'UNTIL': {
        const date = untilDate(text);
        if (!date) return bad('UNTIL must be a date (YYYYMMDD) or a date-time');
        rule.until = date;
        break;
      }
      case 'BYMONTH': {
        const months = integers(text, 1, 12, false);
        if (!months) return bad('BYMONTH must list months 1–12');
        rule.months = months;
        break;
      }
      case 'BYMONTHDAY': {
        const days = integers(text, 1, 31, true);
        if (!days) return bad('BYMONTHDAY must list days 1–31 or -1–-31');
        rule.monthDays = days;
        break;
      }
      case 'WKST':
        break; // Week start only matters for weekly rules.
      default:
        return bad(`${key} is not supported: only fixed-date yearly rules (BYMONTH, BYMONTHDAY, INTERVAL, COUNT, UNTIL) are`);
    }
  }
  if (frequency === undefined) return { message: 'an RRULE needs FREQ', offset: 0 };
  if (rule.count !== undefined && rule.until !== undefined) return { message: 'COUNT and UNTIL must not both be given (RFC 5545)', offset: 0 };
  return rule;
}

export function isRuleError(result: YearlyRule | RuleError): result is RuleError {
  return 'message' in result;
}

/**
 * The start dates of a yearly rule, in order, DTSTART first (RFC 5545: DTSTART is always the
 * first occurrence and counts towards COUNT). Dates that do not exist in a year (29 February,
 * day 31 of a 30-day month) are skipped for that year, as RFC 5545 requires. Without COUNT or
 * UNTIL the rule is expanded through `horizonYear`.
 */
export function expandYearly(rule: YearlyRule, start: Temporal.PlainDate, horizonYear: number): Temporal.PlainDate[] {
  // A COUNT rule that keeps missing (29 February every 4th year from an odd year) must still end.
  const lastYear = Math.min(rule.until ? rule.until.year : rule.count !== undefined ? start.year + 1_000 : horizonYear, 9_999);
  const months = [...new Set(rule.months ?? [start.month])].sort((a, b) => a - b);
  const monthDays = rule.monthDays ?? [start.day];
  const dates: Temporal.PlainDate[] = [start];
  for (let year = start.year; year <= lastYear; year += rule.interval) {
    const inYear: Temporal.PlainDate[] = [];
    for (const month of months) {
      const ym = Temporal.PlainYearMonth.from({ year, month });
      for (const d of monthDays) {
        const day = d > 0 ? d : ym.daysInMonth + d + 1;
        if (day >= 1 && day <= ym.daysInMonth) inYear.push(ym.toPlainDate({ day }));
      }
    }
    inYear.sort(Temporal.PlainDate.compare);
    for (const date of inYear) {
      if (Temporal.PlainDate.compare(date, start) <= 0) continue;
      if (rule.until && Temporal.PlainDate.compare(date, rule.until) > 0) return dates;
      if (rule.count !== undefined && dates.length >= rule.count) return dates;
      if (!rule.until && rule.count === undefined && date.year > horizonYear) return dates;
      if (!dates.some((d) => d.equals(date))) dates.push(date);
    }
  }
  return dates;
}
