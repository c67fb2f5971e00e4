import type { FormErrors } from '@mantine/form';
import type { z } from 'zod';
import { ScheduleInput, type MisfirePolicy, type OverlapPolicy } from '@shared/contract/schedules';
import type { Convention, DateRule } from '@shared/domain/schedule';
import type { RoleName } from '@shared/permissions';
import { sentence } from '../../forms/messages';
import { todayLocal } from './time';

/**
 * The schedule form's values and their translation to and from the contract's ScheduleInput.
 * The form keeps every rule kind's parameter (switching kinds loses nothing) and numbers as
 * typed; `toDefinition` builds exactly what `schedules.create` takes, so the page validates
 * with the contract's own schema and maps its issue paths (and the core's) back to fields.
 */

export type RuleKind = DateRule['kind'];
export type Definition = z.input<typeof ScheduleInput>;

export interface InputRow {
  field: string;
  expression: string;
}

export interface ScheduleFormValues {
  name: string;
  description: string;
  workflow: string;
  ruleKind: RuleKind;
  cron: string;
  n: number | string;
  day: number | string;
  /** ISO weekdays as strings ("1" = Monday), as checkbox groups hold them. */
  weekdays: string[];
  time: string;
  zone: string;
  calendar: string;
  /** "default": the spec leaves the convention out and the rule's default applies. */
  convention: Convention | 'default';
  startDate: string;
  endDate: string;
  input: InputRow[];
  misfire: MisfirePolicy['policy'];
  misfireCap: number | string;
  overlap: OverlapPolicy;
  cutoff: boolean;
  cutoffTime: string;
  cutoffDayOffset: number | string;
  cutoffAlert: number | string;
  ownerRole: RoleName;
}

/** Rules whose dates can fall on a closed day, so a convention applies; business-day rules only give open days. */
export function takesConvention(kind: RuleKind): boolean {
  return kind === 'day-of-month' || kind === 'weekly' || kind === 'cron';
}

export function emptyValues(zone: string): ScheduleFormValues {
  return {
    name: '',
    description: '',
    workflow: '',
    ruleKind: 'every-business-day',
    cron: '0 9 * * 1-5',
    n: 1,
    day: 1,
    weekdays: ['1'],
    time: '09:00',
    zone,
    calendar: '',
    convention: 'default',
    startDate: todayLocal(),
    endDate: '',
    input: [
      { field: 'fireTime', expression: 'fireTime' },
      { field: 'businessDate', expression: 'businessDate' },
    ],
    misfire: 'run-once',
    misfireCap: 10,
    overlap: 'skip',
    cutoff: false,
    cutoffTime: '17:00',
    cutoffDayOffset: 0,
    cutoffAlert: 30,
    ownerRole: 'admin',
  };
}

/** A stored schedule as form values (for editing). */
export function valuesFrom(definition: ScheduleInput): ScheduleFormValues {
  const { spec, cutoff } = definition;
  const rule = spec.rule;
  const base = emptyValues(spec.zone);
  return {
    ...base,
    name: definition.name,
    description: definition.description,
    workflow: definition.workflow,
    ruleKind: rule.kind,
    cron: rule.kind === 'cron' ? rule.expression : base.cron,
    n: rule.kind === 'business-day-of-month' ? rule.n : base.n,
    day: rule.kind === 'day-of-month' ? rule.day : base.day,
    weekdays: rule.kind === 'weekly' ? rule.weekdays.map(String) : base.weekdays,
    time: spec.time ?? base.time,
    calendar: spec.calendar,
    convention: spec.convention ?? 'default',
    startDate: spec.startDate,
    endDate: spec.endDate ?? '',
    input: Object.entries(definition.input).map(([field, expression]) => ({ field, expression })),
    misfire: definition.misfire.policy,
    misfireCap: definition.misfire.cap,
    overlap: definition.overlap,
    cutoff: cutoff !== null,
    cutoffTime: cutoff?.time ?? base.cutoffTime,
    cutoffDayOffset: cutoff?.dayOffset ?? base.cutoffDayOffset,
    cutoffAlert: cutoff?.alertMinutesBefore ?? base.cutoffAlert,
    ownerRole: definition.ownerRole,
  };
}

/** A number field as a number; an empty or unreadable one as NaN, which validation names. */
function num(value: number | string): number {
  if (typeof value === 'number') return value;
  return value.trim() === '' ? Number.NaN : Number(value);
}

function rule(v: ScheduleFormValues): Definition['spec']['rule'] {
  switch (v.ruleKind) {
    case 'cron':
      return { kind: 'cron', expression: v.cron.trim() };
    case 'every-business-day':
      return { kind: 'every-business-day' };
    case 'business-day-of-month':
      return { kind: 'business-day-of-month', n: num(v.n) };
    case 'day-of-month':
      return { kind: 'day-of-month', day: num(v.day) };
    case 'weekly':
      return { kind: 'weekly', weekdays: v.weekdays.map(Number).sort((a, b) => a - b) };
  }
}

export function toSpec(v: ScheduleFormValues): Definition['spec'] {
  return {
    rule: rule(v),
    ...(v.ruleKind === 'cron' || v.time === '' ? {} : { time: v.time }),
    zone: v.zone,
    calendar: v.calendar,
    ...(takesConvention(v.ruleKind) && v.convention !== 'default' ? { convention: v.convention } : {}),
    startDate: v.startDate,
    ...(v.endDate ? { endDate: v.endDate } : {}),
  };
}

/** Rows left completely empty are not fields. */
function inputRows(v: ScheduleFormValues): InputRow[] {
  return v.input.map((r) => ({ field: r.field.trim(), expression: r.expression.trim() })).filter((r) => r.field !== '' || r.expression !== '');
}

export function toDefinition(v: ScheduleFormValues): Definition {
  return {
    name: v.name.trim(),
    description: v.description.trim(),
    workflow: v.workflow,
    input: Object.fromEntries(inputRows(v).map((r) => [r.field, r.expression])),
    spec: toSpec(v),
    misfire: v.misfire === 'run-all' ? { policy: 'run-all', cap: num(v.misfireCap) } : { policy: v.misfire },
    overlap: v.overlap,
    cutoff: v.cutoff ? { time: v.cutoffTime, dayOffset: num(v.cutoffDayOffset), alertMinutesBefore: num(v.cutoffAlert) } : null,
    ownerRole: v.ownerRole,
  };
}

/** Contract paths (and the core's, which name the same places) → form fields. */
const FIELDS: Readonly<Record<string, keyof ScheduleFormValues>> = {
  name: 'name',
  description: 'description',
  workflow: 'workflow',
  'spec.rule': 'ruleKind',
  'spec.rule.kind': 'ruleKind',
  'spec.rule.expression': 'cron',
  'spec.rule.n': 'n',
  'spec.rule.day': 'day',
  'spec.rule.weekdays': 'weekdays',
  'spec.time': 'time',
  'spec.zone': 'zone',
  'spec.calendar': 'calendar',
  'spec.convention': 'convention',
  'spec.startDate': 'startDate',
  'spec.endDate': 'endDate',
  misfire: 'misfire',
  'misfire.policy': 'misfire',
  'misfire.cap': 'misfireCap',
  overlap: 'overlap',
  cutoff: 'cutoffTime',
  'cutoff.time': 'cutoffTime',
  'cutoff.dayOffset': 'cutoffDayOffset',
  'cutoff.alertMinutesBefore': 'cutoffAlert',
  ownerRole: 'ownerRole',
};

/** How the form labels the fields a rule's issues name, for explanations away from the field (the preview). */
const SPEC_FIELD_LABELS: Readonly<Partial<Record<keyof ScheduleFormValues, string>>> = {
  ruleKind: 'Rule',
  cron: 'Cron expression',
  n: 'Business day of the month',
  day: 'Day of the month',
  weekdays: 'Weekdays',
  time: 'Time of day',
  zone: 'Time zone',
  calendar: 'Business calendar',
  convention: 'Convention',
  startDate: 'Start date',
  endDate: 'End date',
};

/** The field a path names (a path deeper than any field, spec.rule.weekdays.2, belongs to the nearest one above it). */
function namedField(path: string): keyof ScheduleFormValues | null {
  const parts = path.replace(/^definition\./, '').split('.');
  for (let n = parts.length; n > 0; n--) {
    const field = FIELDS[parts.slice(0, n).join('.')];
    if (field) return field;
  }
  return null;
}

/**
 * The form field an issue path names, or null. `definition.` (schedules.update wraps the
 * definition) is dropped; `input.<field>` is the row of that field.
 */
export function fieldOf(path: string, values: ScheduleFormValues): string | null {
  const input = /^(?:definition\.)?input\.(.+)$/.exec(path)?.[1];
  if (input !== undefined) {
    const row = values.input.findIndex((r) => r.field.trim() === input);
    return row >= 0 ? `input.${row}.expression` : null;
  }
  return namedField(path);
}

/** The label of the field a rule's issue names, for explanations shown away from the field (the preview). */
export function specFieldLabel(path: string): string | null {
  const field = namedField(path);
  return field ? (SPEC_FIELD_LABELS[field] ?? null) : null;
}

const NUMBER_FIELDS: readonly { field: keyof ScheduleFormValues; when: (v: ScheduleFormValues) => boolean }[] = [
  { field: 'n', when: (v) => v.ruleKind === 'business-day-of-month' },
  { field: 'day', when: (v) => v.ruleKind === 'day-of-month' },
  { field: 'misfireCap', when: (v) => v.misfire === 'run-all' },
  { field: 'cutoffDayOffset', when: (v) => v.cutoff },
  { field: 'cutoffAlert', when: (v) => v.cutoff },
];

function rowErrors(v: ScheduleFormValues): FormErrors {
  const errors: FormErrors = {};
  const seen = new Set<string>();
  v.input.forEach((row, i) => {
    const field = row.field.trim();
    const expression = row.expression.trim();
    if (field === '' && expression === '') return;
    if (field === '') errors[`input.${i}.field`] = 'Name the field the expression fills';
    else if (seen.has(field)) errors[`input.${i}.field`] = `${field} is given twice`;
    if (expression === '') errors[`input.${i}.expression`] = 'Give a FEEL expression, e.g. businessDate or "EUR"';
    seen.add(field);
  });
  return errors;
}

/** Client-side validation: the form's own rules, then the contract's schema on what would be sent. */
export function validateValues(v: ScheduleFormValues): FormErrors {
  const errors: FormErrors = rowErrors(v);
  for (const { field, when } of NUMBER_FIELDS) {
    if (when(v) && !Number.isInteger(num(v[field] as number | string))) errors[field] = 'Enter a whole number';
  }
  if (v.workflow === '') errors.workflow = 'Choose the workflow each run starts';
  if (v.calendar === '') errors.calendar = 'Choose the business calendar the rule counts in';
  const parsed = ScheduleInput.safeParse(toDefinition(v));
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = fieldOf(issue.path.map(String).join('.'), v);
      if (field && !(field in errors)) errors[field] = sentence(issue.message);
    }
  }
  return errors;
}

/** Issues from the core under their fields; those that name none are returned for the caller to show. */
export function placeIssues(
  issues: readonly { path: string; message: string }[],
  values: ScheduleFormValues,
  setFieldError: (field: string, message: string) => void,
): { path: string; message: string }[] {
  const unplaced: { path: string; message: string }[] = [];
  for (const issue of issues) {
    const field = fieldOf(issue.path, values);
    if (field) setFieldError(field, sentence(issue.message));
    else unplaced.push(issue);
  }
  return unplaced;
}
