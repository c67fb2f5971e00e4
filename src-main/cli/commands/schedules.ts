import type { Command } from 'commander';
import { readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { DateRule } from '@shared/domain/schedule';
import type { FireTime, ScheduleInput, ScheduleRun, ScheduleSummary } from '@shared/contract/schedules';
import { formatProblem } from '@shared/domain/problems';
import { asUser, withUserAuth } from '../signed-in';
import { EXIT, UsageError } from '../exit-codes';
import { printJson, printTable } from '../output';

/**
 * `--rule` in one word: cron:<expression>, every-business-day, business-day:<n>,
 * day:<1–31> or weekly:<ISO weekdays>, e.g. business-day:-1 or weekly:1,3,5.
 */
export function parseRule(text: string): DateRule {
  const [kind, ...rest] = text.split(':');
  const arg = rest.join(':').trim();
  const number = (what: string) => {
    const n = Number(arg);
    if (!arg || !Number.isInteger(n)) throw new UsageError(`--rule ${kind}:<${what}> needs a whole number, e.g. ${kind}:${what === 'n' ? '-1' : '31'}`);
    return n;
  };
  switch (kind) {
    case 'cron':
      if (!arg) throw new UsageError('--rule cron:<expression> needs the five cron fields, e.g. "cron:0 18 * * 1-5"');
      return { kind: 'cron', expression: arg };
    case 'every-business-day':
      return { kind: 'every-business-day' };
    case 'business-day':
      return { kind: 'business-day-of-month', n: number('n') };
    case 'day':
      return { kind: 'day-of-month', day: number('day') };
    case 'weekly':
      return { kind: 'weekly', weekdays: arg.split(',').map((d) => Number(d.trim())) };
    default:
      throw new UsageError(`--rule ${text}: use cron:<expression>, every-business-day, business-day:<n>, day:<1-31> or weekly:<1-7,...>`);
  }
}

/** `--cutoff 15:00`, `15:00+1` (the next day) or `15:00/45` (alert 45 minutes before). */
export function parseCutoff(text: string): ScheduleInput['cutoff'] {
  const match = /^(\d{2}:\d{2})(?:\+(\d+))?(?:\/(\d+))?$/.exec(text);
  if (!match) throw new UsageError(`--cutoff ${text}: write HH:MM, optionally +days and /alert minutes, e.g. 15:00 or 15:00+1/45`);
  return { time: match[1] as string, dayOffset: Number(match[2] ?? 0), alertMinutesBefore: Number(match[3] ?? 30) };
}

/** `--misfire run-once`, `run-all:<cap>` or `skip`. */
export function parseMisfire(text: string): ScheduleInput['misfire'] {
  const [policy, cap] = text.split(':');
  if (policy !== 'run-once' && policy !== 'run-all' && policy !== 'skip') throw new UsageError(`--misfire ${text}: use run-once, run-all:<cap> or skip`);
  return { policy, cap: cap === undefined ? 10 : Number(cap) };
}

function readDefinitionFile(file: string): Record<string, unknown> {
  let value: unknown;
  try {
    const text = readFileSync(file, 'utf8');
    value = /\.ya?ml$/i.test(file) ? parseYaml(text) : JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${file} is not readable JSON or YAML: ${(error as Error).message}`);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new UsageError(`${file} must hold an object (a schedule definition)`);
  return value as Record<string, unknown>;
}

interface AddOptions {
  file?: string;
  name?: string;
  workflow?: string;
  rule?: string;
  time?: string;
  zone?: string;
  calendar?: string;
  convention?: string;
  start?: string;
  end?: string;
  input?: string;
  misfire?: string;
  overlap?: string;
  cutoff?: string;
  ownerRole?: string;
  description?: string;
}

/** A definition from --file, with any flag given on top. */
function definitionOf(o: AddOptions): Record<string, unknown> {
  const base = o.file ? readDefinitionFile(o.file) : {};
  const spec = { ...((base.spec as Record<string, unknown>) ?? {}) };
  if (o.rule) spec.rule = parseRule(o.rule);
  if (o.time) spec.time = o.time;
  if (o.zone) spec.zone = o.zone;
  if (o.calendar) spec.calendar = o.calendar;
  if (o.convention) spec.convention = o.convention;
  spec.startDate = o.start ?? spec.startDate ?? new Date().toISOString().slice(0, 10);
  if (o.end) spec.endDate = o.end;
  const definition: Record<string, unknown> = { ...base, spec };
  if (o.name) definition.name = o.name;
  if (o.description) definition.description = o.description;
  if (o.workflow) definition.workflow = o.workflow;
  if (o.input) definition.input = readDefinitionFile(o.input);
  if (o.misfire) definition.misfire = parseMisfire(o.misfire);
  if (o.overlap) definition.overlap = o.overlap;
  if (o.cutoff) definition.cutoff = parseCutoff(o.cutoff);
  if (o.ownerRole) definition.ownerRole = o.ownerRole;
  return definition;
}

function fireLine(t: FireTime): string {
  const moved = t.movedFrom ? `  (moved from ${t.movedFrom.date}: ${t.movedFrom.closed})` : '';
  return `${t.at}  ${t.localDate} ${t.localTime}${moved}`;
}

function runOutcome(run: ScheduleRun): string {
  if (run.status !== 'started') return run.status;
  return `${run.outcome ?? 'started'}${run.atRisk ? ' AT RISK' : ''}${run.missedCutoff ? ' (missed cut-off)' : ''}`;
}

function printSchedules(items: ScheduleSummary[]): void {
  printTable(
    ['NAME', 'STATUS', 'NEXT FIRE', 'WHEN', 'LAST RUN'],
    items.map((s) => [
      s.name + (s.atRisk ? ' !' : ''),
      s.status,
      s.nextFireAt ?? '-',
      s.describe,
      s.lastRun ? `${s.lastRun.scheduledFor} ${runOutcome(s.lastRun)}` : 'never',
    ]),
  );
}

function printRuns(runs: ScheduleRun[]): void {
  printTable(
    ['FIRE TIME', 'TRIGGER', 'OUTCOME', 'INSTANCE', 'NOTE'],
    runs.map((r) => [r.scheduledFor, r.trigger, runOutcome(r), r.instanceId ?? '-', r.reason ?? '']),
  );
}

export function registerScheduleCommands(program: Command): void {
  const schedule = program.command('schedule').description('schedules: list, add, pause, resume, run now, next fire times, history');

  withUserAuth(schedule.command('list').description('every schedule with its next fire time and last run').option('--json', 'print JSON')).action(
    async (_o, cmd: Command) => {
      await asUser(cmd, async ({ call }) => {
        const { items } = await call('schedules.list', {});
        if (cmd.opts<{ json?: boolean }>().json) printJson(items);
        else printSchedules(items);
      });
    },
  );

  withUserAuth(
    schedule
      .command('add')
      .description('create a schedule from flags, or from a JSON/YAML definition (--file) with flags on top')
      .option('--file <file>', 'a schedule definition (JSON or YAML), as in docs/calendars-and-schedules.md')
      .option('--name <name>', 'the schedule name')
      .option('--workflow <key>', 'the deployed workflow each run starts')
      .option('--rule <rule>', 'cron:<expr> | every-business-day | business-day:<n> | day:<1-31> | weekly:<1-7,...>')
      .option('--time <HH:MM>', 'local time of day (not for cron)')
      .option('--zone <zone>', 'IANA time zone, e.g. Europe/Berlin')
      .option('--calendar <name>', 'the business calendar')
      .option('--convention <c>', 'following | modified-following | preceding | modified-preceding | none')
      .option('--start <date>', 'first date (YYYY-MM-DD; default today)')
      .option('--end <date>', 'last date (YYYY-MM-DD)')
      .option('--input <file>', 'JSON object: input field → FEEL expression (may use fireTime, businessDate, scheduleName, trigger)')
      .option('--misfire <policy>', 'run-once | run-all:<cap> | skip (default run-once)')
      .option('--overlap <policy>', 'skip | queue-one | allow | cancel-previous (default skip)')
      .option('--cutoff <HH:MM[+days][/minutes]>', 'deadline of each run; alert the owner role this many minutes before (default 30)')
      .option('--owner-role <role>', 'alerted when a run is at risk or cannot start (default admin)')
      .option('--description <text>', 'what the schedule is for'),
  ).action(async (_o, cmd: Command) => {
    const definition = definitionOf(cmd.opts<AddOptions>());
    await asUser(cmd, async ({ call }) => {
      const created = await call('schedules.create', definition as ScheduleInput);
      process.stdout.write(`created schedule ${created.name} (${created.id}): ${created.describe}\nnext fire: ${created.nextFireAt ?? 'none'}\n`);
    });
  });

  withUserAuth(
    schedule
      .command('pause <name>')
      .description('pause a schedule: nothing fires until it is resumed')
      .requiredOption('--reason <text>', 'why (kept in the audit trail)'),
  ).action(async (name: string, _o, cmd: Command) => {
    await asUser(cmd, async ({ call }) => {
      const paused = await call('schedules.pause', { scheduleId: name, reason: cmd.opts<{ reason: string }>().reason });
      process.stdout.write(`${paused.name}: paused\n`);
    });
  });

  withUserAuth(schedule.command('resume <name>').description('resume a paused schedule from now (fire times while paused are skipped)')).action(
    async (name: string, _o, cmd: Command) => {
      await asUser(cmd, async ({ call }) => {
        const resumed = await call('schedules.resume', { scheduleId: name });
        process.stdout.write(`${resumed.name}: ${resumed.status}; next fire ${resumed.nextFireAt ?? 'none'}\n`);
      });
    },
  );

  withUserAuth(
    schedule
      .command('run <name>')
      .description('start a run now, outside the rule (the overlap policy still applies)')
      .requiredOption('--reason <text>', 'why (kept in the audit trail)'),
  ).action(async (name: string, _o, cmd: Command) => {
    await asUser(cmd, async ({ call }) => {
      const run = await call('schedules.runNow', { scheduleId: name, reason: cmd.opts<{ reason: string }>().reason });
      process.stdout.write(`${run.status}${run.instanceId ? ` instance ${run.instanceId}` : ''}${run.reason ? `: ${run.reason}` : ''}\n`);
      if (run.status === 'not-started') process.exitCode = EXIT.error;
    });
  });

  withUserAuth(
    schedule
      .command('next [name]')
      .description("a schedule's next fire times, or a rule's before it is saved (--rule … or --file)")
      .option('--count <n>', 'how many', '10')
      .option('--file <file>', 'a schedule definition to preview')
      .option('--rule <rule>', 'a rule to preview (with --time, --zone, --calendar)')
      .option('--time <HH:MM>', 'local time of day')
      .option('--zone <zone>', 'IANA time zone')
      .option('--calendar <name>', 'the business calendar')
      .option('--convention <c>', 'the convention')
      .option('--start <date>', 'first date'),
  ).action(async (name: string | undefined, _o, cmd: Command) => {
    const o = cmd.opts<AddOptions & { count: string }>();
    const count = Number(o.count);
    if (!Number.isInteger(count) || count < 1 || count > 500) throw new UsageError('--count must be a whole number from 1 to 500');
    await asUser(cmd, async ({ call }) => {
      if (name) {
        const detail = await call('schedules.get', { scheduleId: name, next: Math.min(count, 100) });
        process.stdout.write(`${detail.schedule.name}: ${detail.schedule.describe}\n`);
        for (const t of detail.next) process.stdout.write(`${fireLine(t)}\n`);
        return;
      }
      const spec = definitionOf(o).spec as ScheduleInput['spec'];
      const preview = await call('schedules.preview', { spec, count });
      process.stdout.write(`${preview.describe}\n`);
      for (const t of preview.next) process.stdout.write(`${fireLine(t)}\n`);
    });
  });

  withUserAuth(
    schedule
      .command('history <name>')
      .description('the runs of a schedule, newest first')
      .option('--limit <n>', 'at most this many', '20')
      .option('--json', 'print JSON'),
  ).action(async (name: string, _o, cmd: Command) => {
    const o = cmd.opts<{ limit: string; json?: boolean }>();
    await asUser(cmd, async ({ call }) => {
      const { items } = await call('schedules.history', { scheduleId: name, limit: Number(o.limit) });
      if (o.json) printJson(items);
      else printRuns(items);
    });
  });

  registerCalendarCommands(program);
}

function registerCalendarCommands(program: Command): void {
  const calendar = program.command('calendar').description('business calendars: import holidays, combine, show');

  withUserAuth(
    calendar
      .command('import <file>')
      .description('create or update a calendar from an iCalendar (.ics) or CSV (date,name) holiday list')
      .requiredOption('--name <name>', 'the calendar, e.g. TARGET2')
      .requiredOption('--zone <zone>', 'the IANA zone its business days are counted in, e.g. Europe/Berlin')
      .option('--weekend <days>', 'ISO weekdays of the weekend (1 = Monday … 7 = Sunday)', '6,7')
      .option('--description <text>', 'what the calendar is')
      .option('--merge', 'add the file to the stored holidays instead of replacing them')
      .option('--dry-run', 'only show what would be imported')
      .option('--skip-invalid', 'import what can be read and leave out bad lines (each is named)'),
  ).action(async (file: string, _o, cmd: Command) => {
    const o = cmd.opts<{ name: string; zone: string; weekend: string; description?: string; merge?: boolean; dryRun?: boolean; skipInvalid?: boolean }>();
    const format = extname(file).toLowerCase() === '.csv' ? 'csv' : extname(file).toLowerCase() === '.ics' ? 'ics' : null;
    if (!format) throw new UsageError(`${file}: the file must end in .ics (iCalendar) or .csv (date,name)`);
    const weekend = o.weekend === '' ? [] : o.weekend.split(',').map((d) => Number(d.trim()));
    await asUser(cmd, async ({ call }) => {
      const result = await call('calendars.import', {
        name: o.name,
        zone: o.zone,
        weekend,
        description: o.description ?? '',
        format,
        fileName: basename(file),
        content: readFileSync(file, 'utf8'),
        mode: o.merge ? 'merge' : 'replace',
        dryRun: Boolean(o.dryRun),
        skipInvalid: Boolean(o.skipInvalid),
      });
      for (const p of result.problems) process.stderr.write(`${formatProblem(p)}\n`);
      const span = result.holidays.length > 0 ? ` (${result.holidays[0]?.date} … ${result.holidays.at(-1)?.date})` : '';
      const status = { preview: 'would import', applied: 'imported', 'pending-approval': 'waiting for a second admin to approve' }[result.status];
      process.stdout.write(`${o.name}: ${status} ${result.holidays.length} holidays${span}${result.changeId ? `; change ${result.changeId}` : ''}\n`);
    });
  });

  withUserAuth(
    calendar
      .command('combine <name>')
      .description('a calendar open only when all its members are (e.g. TARGET2 and GB-ENG)')
      .requiredOption('--members <names>', 'comma-separated calendar names')
      .requiredOption('--zone <zone>', 'the IANA zone its business days are counted in')
      .option('--weekend <days>', 'extra weekend days besides the members’ (ISO weekdays)', '6,7')
      .option('--description <text>', 'what the combination is for'),
  ).action(async (name: string, _o, cmd: Command) => {
    const o = cmd.opts<{ members: string; zone: string; weekend: string; description?: string }>();
    await asUser(cmd, async ({ call }) => {
      const result = await call('calendars.combine', {
        name,
        zone: o.zone,
        members: o.members.split(',').map((m) => m.trim()),
        weekend: o.weekend === '' ? [] : o.weekend.split(',').map((d) => Number(d.trim())),
        description: o.description ?? '',
      });
      process.stdout.write(`${name}: ${result.status === 'applied' ? 'combined' : `waiting for a second admin to approve (change ${result.changeId})`}\n`);
    });
  });

  withUserAuth(
    calendar
      .command('show [name]')
      .description('list calendars, or one calendar’s holidays (--year) or month grid (--month YYYY-MM)')
      .option('--year <year>', 'only this year’s holidays')
      .option('--month <YYYY-MM>', 'a month, day by day'),
  ).action(async (name: string | undefined, _o, cmd: Command) => {
    const o = cmd.opts<{ year?: string; month?: string }>();
    await asUser(cmd, async ({ call }) => {
      if (!name) {
        const { items } = await call('calendars.list', {});
        printTable(
          ['NAME', 'ZONE', 'WEEKEND', 'HOLIDAYS', 'FROM', 'TO', 'MEMBERS'],
          items.map((c) => [c.name, c.zone, c.weekend.join(','), String(c.holidayCount), c.firstHoliday ?? '-', c.lastHoliday ?? '-', c.members.join('+')]),
        );
        return;
      }
      if (o.month) {
        const match = /^(\d{4})-(\d{2})$/.exec(o.month);
        if (!match) throw new UsageError('--month must be YYYY-MM, e.g. 2026-12');
        const { days } = await call('calendars.month', { name, year: Number(match[1]), month: Number(match[2]) });
        printTable(
          ['DATE', 'DAY', 'OPEN', 'WHY CLOSED'],
          days.map((d) => [
            d.date,
            ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'][d.weekday - 1] ?? '',
            d.business ? 'yes' : 'no',
            d.holiday ?? (d.weekend ? 'weekend' : ''),
          ]),
        );
        return;
      }
      const range = o.year ? { from: `${o.year}-01-01`, to: `${o.year}-12-31` } : {};
      const detail = await call('calendars.get', { name, ...range });
      const c = detail.calendar;
      process.stdout.write(`${c.name} (${c.zone}), weekend ${c.weekend.join(',')}${c.members.length ? `, combines ${c.members.join(' + ')}` : ''}\n`);
      printTable(
        ['DATE', 'HOLIDAY'],
        detail.holidays.map((h) => [h.date, h.name]),
      );
    });
  });
}
