import { Temporal } from 'temporal-polyfill';

/**
 * Five-field cron expressions as Vixie cron (and cronie, the cron of most Linux servers)
 * reads them: minute hour day-of-month month day-of-week, each a list of `*`, values and
 * ranges with optional `/step`; month and weekday names (jan…dec, sun…sat, any case); 0 and
 * 7 are both Sunday. Two Vixie rules that surprise people and are kept on purpose, because
 * operators bring expressions from crontabs:
 * - when both day-of-month and day-of-week are restricted, a day matches if EITHER does
 *   (`0 9 1 * 1` = the 1st of the month and every Monday); a field counts as unrestricted
 *   when it starts with `*`, so `*\/2` in day-of-month still gives AND semantics;
 * - there are no seconds and no year field.
 * Extensions over Vixie: names in ranges (`mon-fri`; `fri-sun` takes Sunday as 7), `5/15`
 * meaning `5-59/15`, and the macros @yearly (@annually), @monthly, @weekly, @daily
 * (@midnight), @hourly.
 * Quartz syntax (`?`, `L`, `W`, `#`) is refused: business-day rules say those things better.
 */

export interface CronSchedule {
  /** Sorted minutes 0–59 and hours 0–23: the times of day. */
  minutes: readonly number[];
  hours: readonly number[];
  daysOfMonth: ReadonlySet<number>;
  months: ReadonlySet<number>;
  /** 0 = Sunday … 6 = Saturday (7 is read as 0). */
  daysOfWeek: ReadonlySet<number>;
  /** The field starts with "*": Vixie's DOM_STAR and DOW_STAR. */
  domStar: boolean;
  dowStar: boolean;
}

export interface CronError {
  message: string;
  /** 1-based column in the expression. */
  column: number;
}

interface FieldSpec {
  label: string;
  min: number;
  max: number;
  names?: readonly string[];
}

const MONTH_NAMES = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const DAY_NAMES = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

const FIELDS: readonly FieldSpec[] = [
  { label: 'minute', min: 0, max: 59 },
  { label: 'hour', min: 0, max: 23 },
  { label: 'day-of-month', min: 1, max: 31 },
  { label: 'month', min: 1, max: 12, names: MONTH_NAMES },
  { label: 'day-of-week', min: 0, max: 7, names: DAY_NAMES },
];

const MACROS: Record<string, string> = {
  '@yearly': '0 0 1 1 *',
  '@annually': '0 0 1 1 *',
  '@monthly': '0 0 1 * *',
  '@weekly': '0 0 * * 0',
  '@daily': '0 0 * * *',
  '@midnight': '0 0 * * *',
  '@hourly': '0 * * * *',
};

/** Most days each month can have (February: 29), for refusing rules that never fire. */
const MAX_DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isError(value: unknown): value is CronError {
  return typeof value === 'object' && value !== null && 'message' in value;
}

/** A number or a name, at `column`. */
function readValue(text: string, column: number, spec: FieldSpec): number | CronError {
  if (/^\d+$/.test(text)) {
    const n = Number(text);
    if (n < spec.min || n > spec.max) return { message: `${spec.label} ${text} is out of range ${spec.min}–${spec.max}`, column };
    return n;
  }
  const index = spec.names?.indexOf(text.toLowerCase()) ?? -1;
  if (index >= 0) return spec.names === MONTH_NAMES ? index + 1 : index;
  if (/[?LW#]/.test(text)) return { message: `${spec.label}: Quartz syntax (? L W #) is not supported; use a business-day rule or a list`, column };
  if (text === '') return { message: `${spec.label}: a value is missing`, column };
  return { message: `${spec.label}: ${JSON.stringify(text)} is not ${spec.names ? 'a number or a name' : 'a number'}`, column };
}

/** One comma-separated item: `*`, `v`, `a-b`, each optionally `/step`. */
function readItem(item: string, column: number, spec: FieldSpec, into: Set<number>): CronError | null {
  const slash = item.indexOf('/');
  const base = slash < 0 ? item : item.slice(0, slash);
  let step = 1;
  if (slash >= 0) {
    const stepText = item.slice(slash + 1);
    if (!/^\d+$/.test(stepText) || Number(stepText) === 0)
      return { message: `${spec.label}: the step ${JSON.stringify(stepText)} must be a whole number ≥ 1`, column: column + slash + 1 };
    step = Number(stepText);
  }
  let from: number;
  let to: number;
  if (base === '*') {
    from = spec.min;
    to = spec.max;
  } else {
    const dash = base.indexOf('-', 1);
    const first = readValue(dash < 0 ? base : base.slice(0, dash), column, spec);
    if (isError(first)) return first;
    from = first;
    if (dash >= 0) {
      const lastText = base.slice(dash + 1);
      // "fri-sun" means Friday to Sunday: at the end of a range, Sunday is 7, not 0.
      const last = spec.names === DAY_NAMES && lastText.toLowerCase() === 'sun' ? 7 : readValue(lastText, column + dash + 1, spec);
      if (isError(last)) return last;
      if (last < first) return { message: `${spec.label}: the range ${base} runs backwards`, column };
      to = last;
    } else {
      // "5/15" is "5-max/15" (cronie, Quartz); a lone value is just itself.
      to = slash >= 0 ? spec.max : first;
    }
  }
  for (let v = from; v <= to; v += step) into.add(v);
  return null;
}

function readField(text: string, column: number, spec: FieldSpec): Set<number> | CronError {
  const values = new Set<number>();
  let offset = 0;
  for (const item of text.split(',')) {
    if (item === '') return { message: `${spec.label}: empty item in the list`, column: column + offset };
    const error = readItem(item, column + offset, spec, values);
    if (error) return error;
    offset += item.length + 1;
  }
  return values;
}

export function parseCron(expression: string): CronSchedule | CronError {
  const trimmed = expression.trim();
  if (trimmed.startsWith('@')) {
    const macro = MACROS[trimmed.toLowerCase()];
    if (!macro) return { message: `unknown macro ${trimmed} (known: ${Object.keys(MACROS).join(', ')})`, column: expression.indexOf('@') + 1 };
    return parseCron(macro);
  }
  const fields: { text: string; column: number }[] = [];
  for (const match of expression.matchAll(/\S+/g)) fields.push({ text: match[0], column: match.index + 1 });
  if (fields.length !== 5) {
    const column = fields.length > 5 ? fields[5]!.column : expression.length + 1;
    return { message: `expected 5 fields (minute hour day-of-month month day-of-week), found ${fields.length}`, column };
  }
  const sets: Set<number>[] = [];
  for (const [i, field] of fields.entries()) {
    const set = readField(field.text, field.column, FIELDS[i]!);
    if (isError(set)) return set;
    sets.push(set);
  }
  const [minutes, hours, daysOfMonth, months, daysOfWeek] = sets as [Set<number>, Set<number>, Set<number>, Set<number>, Set<number>];
  if (daysOfWeek.delete(7)) daysOfWeek.add(0);
  const domStar = fields[2]!.text.startsWith('*');
  const dowStar = fields[4]!.text.startsWith('*');
  // Vixie accepts "0 0 30 2 *" and then never runs it; a schedule that can never fire is an error here.
  if (!domStar && dowStar && ![...months].some((m) => [...daysOfMonth].some((d) => d <= MAX_DAYS[m - 1]!))) {
    return { message: `day-of-month ${fields[2]!.text} never occurs in month ${fields[3]!.text}`, column: fields[2]!.column };
  }
  const sorted = (s: Set<number>): number[] => [...s].sort((a, b) => a - b);
  return { minutes: sorted(minutes), hours: sorted(hours), daysOfMonth, months, daysOfWeek, domStar, dowStar };
}

export function isCronError(value: CronSchedule | CronError): value is CronError {
  return isError(value);
}

export function validateCron(expression: string): { ok: true } | { ok: false; message: string; column: number } {
  const parsed = parseCron(expression);
  return isCronError(parsed) ? { ok: false, message: parsed.message, column: parsed.column } : { ok: true };
}

export function cronMatchesDate(cron: CronSchedule, date: Temporal.PlainDate): boolean {
  if (!cron.months.has(date.month)) return false;
  const dom = cron.daysOfMonth.has(date.day);
  const dow = cron.daysOfWeek.has(date.dayOfWeek % 7);
  return cron.domStar || cron.dowStar ? dom && dow : dom || dow;
}

/** The times of day of a cron, ascending. */
export function cronTimes(cron: CronSchedule): Temporal.PlainTime[] {
  return cron.hours.flatMap((hour) => cron.minutes.map((minute) => new Temporal.PlainTime(hour, minute)));
}
