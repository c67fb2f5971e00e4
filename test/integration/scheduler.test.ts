import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CalendarImportResult, ScheduleInput, ScheduleRun, ScheduleSummary, FireTime } from '@shared/contract/schedules';
import type { InstanceDetail } from '@shared/contract/engine';
import { useTempDirs } from '../support/temp';
import { startTestCore, type TestCore } from '../support/core';
import { deployFixture, waitForInstance } from '../support/engine';

/**
 * The scheduler in a real core on a real SQLCipher site, with the manual clock standing in
 * for the app being closed for days, the machine's clock jumping, and slow runs.
 */

const tempDir = useTempDirs();
const FIXTURES = resolve(import.meta.dirname, '../fixtures/schedules');
const BERLIN = 'Europe/Berlin';
let core: TestCore;
afterEach(async () => core?.close());

/** Monday 30 November 2026, 09:00 UTC (10:00 in Berlin). */
const START = Date.UTC(2026, 10, 30, 9, 0, 0);
const utc = (iso: string) => Date.parse(iso);

async function setup(): Promise<void> {
  core = await startTestCore(tempDir(), { engine: true, start: START });
  await deployFixture(core, 'scheduled-report.yaml');
  await importCalendar('TEST', 'holidays.csv');
}

async function importCalendar(name: string, file: string, extra: Record<string, unknown> = {}): Promise<CalendarImportResult> {
  return core.ok<CalendarImportResult>(
    'calendars.import',
    { name, zone: BERLIN, format: 'csv', fileName: file, content: readFileSync(resolve(FIXTURES, file), 'utf8'), ...extra },
    core.admin,
  );
}

function definition(name: string, overrides: Partial<ScheduleInput> & { takes?: string } = {}): ScheduleInput {
  const { takes = 'PT1M', ...rest } = overrides;
  return {
    name,
    description: '',
    workflow: 'scheduled-report',
    input: { fireTime: 'fireTime', businessDate: 'businessDate', takes: `"${takes}"`, label: '"run of " + scheduleName' },
    spec: { rule: { kind: 'every-business-day' }, time: '10:30', zone: BERLIN, calendar: 'TEST', startDate: '2026-11-01' },
    misfire: { policy: 'run-once', cap: 10 },
    overlap: 'allow',
    cutoff: null,
    ownerRole: 'admin',
    ...rest,
  };
}

const create = (d: ScheduleInput) => core.ok<ScheduleSummary>('schedules.create', d, core.admin);
const history = async (scheduleId: string) =>
  (await core.ok<{ items: ScheduleRun[] }>('schedules.history', { scheduleId, limit: 100 }, core.admin)).items.slice().reverse();

/** Moves the manual clock and lets the engine owner act on it (its timer polls every 20 ms). */
async function advanceTo(iso: string): Promise<void> {
  core.clock.set(utc(iso));
  core.app.engine.wake();
  await settle();
}

/** Waits until the scheduler and engine have nothing left to do at the current time. */
async function settle(): Promise<void> {
  let previous = '';
  for (let stable = 0; stable < 5;) {
    await new Promise((r) => setTimeout(r, 40));
    const page = await core.ok<{ items: { seq: number }[] }>('audit.search', { limit: 1 }, core.admin);
    const head = JSON.stringify(page.items[0]?.seq);
    stable = head === previous ? stable + 1 : 0;
    previous = head;
  }
}

async function misfireEvents(scheduleId: string) {
  const page = await core.ok<{ items: { action: string; payload: Record<string, unknown> }[] }>(
    'audit.search',
    { subjectType: 'schedule', subjectId: scheduleId, action: 'schedule.misfire', limit: 50 },
    core.admin,
  );
  return page.items.reverse().map((e) => e.payload);
}

describe('schedules with business calendars', () => {
  it('shows next fire times that skip weekends and holidays, starts runs with FEEL input, runs now, pauses and resumes', async () => {
    await setup();
    const s = await create(definition('daily-payments', { spec: { ...definition('x').spec, time: '09:00' } }));
    const detail = await core.ok<{ next: FireTime[] }>('schedules.get', { scheduleId: s.id, next: 10 }, core.admin);
    // From Tuesday 1 December: no weekend, and around Christmas no 24th or 25th.
    const dates = detail.next.map((t) => t.localDate);
    expect(dates.slice(0, 4)).toEqual(['2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04']);
    expect(dates).not.toContain('2026-12-05');
    const christmas = await core.ok<{ next: FireTime[] }>(
      'schedules.preview',
      { spec: definition('x').spec, count: 5, after: '2026-12-22T12:00:00.000Z' },
      core.admin,
    );
    expect(christmas.next.map((t) => t.localDate)).toEqual(['2026-12-23', '2026-12-28', '2026-12-29', '2026-12-30', '2027-01-04']);

    // A day-of-month rule on a closed day shows where it moved from, and why.
    const moved = await core.ok<{ next: FireTime[] }>(
      'schedules.preview',
      { spec: { ...definition('x').spec, rule: { kind: 'day-of-month', day: 24 } }, count: 2, after: '2026-11-30T12:00:00.000Z' },
      core.admin,
    );
    // Modified following: the next business day in the same month (the 25th and the weekend are closed too).
    expect(moved.next[0]).toMatchObject({ localDate: '2026-12-28', movedFrom: { date: '2026-12-24', closed: 'Christmas Eve' } });

    // It fires on time at 09:00 Berlin on Tuesday with its input computed from the fire time.
    await advanceTo('2026-12-01T08:00:00.000Z');
    const [first] = await history(s.id);
    expect(first).toMatchObject({ trigger: 'scheduled', status: 'started', scheduledFor: '2026-12-01T08:00:00.000Z' });
    const instance = await core.ok<InstanceDetail>('instances.get', { instanceId: first!.instanceId }, core.admin);
    expect(instance.variables).toMatchObject({ businessDate: '2026-12-01', fireTime: '2026-12-01T08:00:00.000Z', label: 'run of daily-payments' });
    expect(instance.instance.businessKey).toBe('2026-12-01');

    // Run now: a manual run, by whom and why.
    const manual = await core.ok<ScheduleRun>('schedules.runNow', { scheduleId: s.id, reason: 're-run after the bank file was fixed' }, core.admin);
    expect(manual).toMatchObject({ trigger: 'manual', status: 'started', requestedBy: 'admin' });
    expect((await history(s.id)).map((r) => r.trigger)).toEqual(['scheduled', 'manual']);

    // Paused over Wednesday's fire time: nothing fires; resumed, it goes on from now without a misfire.
    await core.ok('schedules.pause', { scheduleId: s.id, reason: 'bank holiday rehearsal' }, core.admin);
    await advanceTo('2026-12-02T12:00:00.000Z');
    expect(await history(s.id)).toHaveLength(2);
    const resumed = await core.ok<ScheduleSummary>('schedules.resume', { scheduleId: s.id }, core.admin);
    expect(resumed.nextFireAt).toBe('2026-12-03T08:00:00.000Z');
    expect(await misfireEvents(s.id)).toEqual([]);

    // The CLI's view of the same: refusals name the field.
    const bad = await core.call(
      'schedules.create',
      { ...definition('bad'), spec: { ...definition('x').spec, zone: 'Europe/Frankfurt', calendar: 'NOPE' } },
      core.admin,
    );
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.issues?.map((i) => i.path).sort()).toEqual(['spec.calendar', 'spec.zone']);
  });

  it('applies the misfire policy to fire times missed while the app was closed for three days, and after a clock jump, auditing each decision', async () => {
    await setup();
    const once = await create(definition('run-once', { misfire: { policy: 'run-once', cap: 10 } }));
    const all = await create(definition('run-all', { misfire: { policy: 'run-all', cap: 2 } }));
    const skip = await create(definition('skip', { misfire: { policy: 'skip', cap: 10 } }));

    // Monday 10:30 Berlin: each fires once, on time.
    await advanceTo('2026-11-30T09:30:00.000Z');
    for (const s of [once, all, skip]) expect((await history(s.id)).map((r) => [r.trigger, r.status])).toEqual([['scheduled', 'started']]);

    // Closed from Monday until Thursday 12:30: Tuesday, Wednesday and Thursday 10:30 pass unseen.
    await core.close();
    core.clock.set(utc('2026-12-03T11:30:00.000Z'));
    await core.reopen();
    await settle();

    const started = async (id: string) => (await history(id)).filter((r) => r.status === 'started').map((r) => `${r.trigger} ${r.scheduledFor}`);
    expect(await started(once.id)).toEqual(['scheduled 2026-11-30T09:30:00.000Z', 'misfire 2026-12-03T09:30:00.000Z']);
    expect(await started(all.id)).toEqual(['scheduled 2026-11-30T09:30:00.000Z', 'misfire 2026-12-01T09:30:00.000Z', 'misfire 2026-12-02T09:30:00.000Z']);
    expect(await started(skip.id)).toEqual(['scheduled 2026-11-30T09:30:00.000Z']);
    expect((await history(skip.id)).at(-1)).toMatchObject({ status: 'skipped', trigger: 'misfire' });
    expect((await history(all.id)).filter((r) => r.status === 'skipped')).toHaveLength(1);

    const decisions = {
      once: (await misfireEvents(once.id))[0],
      all: (await misfireEvents(all.id))[0],
      skip: (await misfireEvents(skip.id))[0],
    };
    expect(decisions.once).toMatchObject({ cause: 'start-up', policy: 'run-once', missed: 3, skipped: 2, fired: ['2026-12-03T09:30:00.000Z'] });
    expect(decisions.all).toMatchObject({ cause: 'start-up', policy: 'run-all', cap: 2, missed: 3, skipped: 1 });
    expect(decisions.skip).toMatchObject({ cause: 'start-up', policy: 'skip', missed: 3, skipped: 3, fired: [] });
    for (const s of [once, all, skip]) {
      const row = await core.ok<{ schedule: ScheduleSummary }>('schedules.get', { scheduleId: s.id }, core.admin);
      expect(row.schedule.nextFireAt).toBe('2026-12-04T09:30:00.000Z');
    }

    // While running, the machine's clock jumps a week ahead (the wall clock moves, the monotonic one does not).
    await advanceTo('2026-12-10T11:00:00.000Z');
    const jump = (await misfireEvents(skip.id)).at(-1);
    expect(jump).toMatchObject({ cause: 'clock-jump', policy: 'skip', missed: 5 });
    expect(typeof jump?.clockJumpMs).toBe('number');
  });

  it('applies overlap policies while a slow run is still going', async () => {
    await setup();
    const cron = (name: string, overlap: ScheduleInput['overlap']) =>
      create(
        definition(name, {
          overlap,
          takes: 'PT25M',
          spec: { rule: { kind: 'cron', expression: '*/10 * * * *' }, zone: 'UTC', calendar: 'TEST', startDate: '2026-11-01' },
        }),
      );
    const skip = await cron('overlap-skip', 'skip');
    const queue = await cron('overlap-queue', 'queue-one');
    const allow = await cron('overlap-allow', 'allow');
    const cancel = await cron('overlap-cancel', 'cancel-previous');

    for (const at of ['09:10', '09:20', '09:30', '09:36', '09:40']) await advanceTo(`2026-11-30T${at}:00.000Z`);
    const summary = async (id: string) => (await history(id)).map((r) => `${r.scheduledFor.slice(11, 16)} ${r.status}`);

    expect(await summary(skip.id)).toEqual(['09:10 started', '09:20 skipped', '09:30 skipped', '09:40 started']);
    // The 09:20 run waited in the queue until the 09:10 run ended at 09:35; the 09:30 one found the queue full.
    expect(await summary(queue.id)).toEqual(['09:10 started', '09:20 started', '09:30 skipped', '09:40 queued']);
    expect(await summary(allow.id)).toEqual(['09:10 started', '09:20 started', '09:30 started', '09:40 started']);
    expect(await summary(cancel.id)).toEqual(['09:10 started', '09:20 started', '09:30 started', '09:40 started']);

    const outcomes = (await history(cancel.id)).map((r) => r.outcome);
    expect(outcomes.slice(0, 3)).toEqual(['cancelled', 'cancelled', 'cancelled']);
    expect((await history(allow.id))[0]?.outcome).toBe('completed');
    const queued = (await history(queue.id))[1]!;
    expect(queued.reason).toMatch(/queued behind instance/);
    const instance = await waitForInstance(core, queued.instanceId as string, () => true);
    expect(Date.parse(instance.instance.startedAt)).toBe(utc('2026-11-30T09:36:00.000Z'));
  });

  it('alerts the owner role when a run has not finished shortly before its cut-off', async () => {
    await setup();
    const owner = await core.userWith(['admin'], 'olga');
    const slow = await create(
      definition('payment-run', { takes: 'PT2H', ownerRole: 'admin', cutoff: { time: '12:00', dayOffset: 0, alertMinutesBefore: 30 } }),
    );
    const fast = await create(definition('statement-run', { takes: 'PT1M', cutoff: { time: '12:00', dayOffset: 0, alertMinutesBefore: 30 } }));

    await advanceTo('2026-11-30T09:30:00.000Z'); // 10:30 Berlin: both fire
    await advanceTo('2026-11-30T09:35:00.000Z');
    await advanceTo('2026-11-30T10:31:00.000Z'); // 11:31 Berlin: 29 minutes to the 12:00 cut-off

    const [slowRun] = await history(slow.id);
    const [fastRun] = await history(fast.id);
    expect(slowRun).toMatchObject({ atRisk: true, cutoffAt: '2026-11-30T11:00:00.000Z', missedCutoff: false });
    expect(fastRun).toMatchObject({ atRisk: false, outcome: 'completed' });
    const list = await core.ok<{ items: ScheduleSummary[] }>('schedules.list', {}, core.admin);
    expect(list.items.find((s) => s.id === slow.id)?.atRisk).toBe(true);
    expect(list.items.find((s) => s.id === fast.id)?.atRisk).toBe(false);

    const notes = await core.ok<{ items: { kind: string; title: string; link: string }[] }>(
      'notifications.list',
      { unreadOnly: true, limit: 50 },
      owner.credential,
    );
    expect(notes.items.filter((n) => n.kind === 'at-risk')).toEqual([
      expect.objectContaining({ title: 'At risk: "payment-run" may miss its cut-off', link: `#/schedules/${slow.id}` }),
    ]);

    await advanceTo('2026-11-30T11:05:00.000Z'); // past the cut-off, still running
    expect((await history(slow.id))[0]?.missedCutoff).toBe(true);
  });

  it('keeps calendars under four-eyes control, rejects malformed holiday files with the line, and counts waits in business days', async () => {
    core = await startTestCore(tempDir(), { engine: true, start: START });
    const rejected = await core.call(
      'calendars.import',
      { name: 'BAD', zone: BERLIN, format: 'csv', fileName: 'holidays-bad.csv', content: readFileSync(resolve(FIXTURES, 'holidays-bad.csv'), 'utf8') },
      core.admin,
    );
    expect(rejected.ok).toBe(false);
    if (!rejected.ok) {
      expect(rejected.error.code).toBe('rejected_file');
      expect(rejected.error.issues?.[0]?.path).toBe('content:3:1');
    }
    expect((await core.ok<{ items: unknown[] }>('calendars.list', {}, core.admin)).items).toEqual([]);
    const skipped = await importCalendar('BAD', 'holidays-bad.csv', { skipInvalid: true });
    expect(skipped.holidays.map((h) => h.date)).toEqual(['2026-12-24', '2026-12-25']);

    // With a second admin, a calendar change waits for the other one's approval.
    await core.userWith(['admin'], 'second-admin');
    const pending = await importCalendar('TEST', 'holidays.csv');
    expect(pending.status).toBe('pending-approval');
    expect((await core.call('calendars.get', { name: 'TEST' }, core.admin)).ok).toBe(false);
    const announced: unknown[] = [];
    const unsubscribe = core.app.events.subscribe((event) => {
      if (event.topic === 'calendars.changed') announced.push(event.payload);
    });
    await core.approveChange(pending.changeId as string);
    unsubscribe();
    // Those who read schedules (not only the admins who see changes) learn of the approved calendar.
    expect(announced).toEqual([{ name: 'TEST' }]);
    const shown = await core.ok<{ holidays: { date: string }[] }>('calendars.get', { name: 'TEST', from: '2026-12-01', to: '2026-12-31' }, core.admin);
    expect(shown.holidays.map((h) => h.date)).toEqual(['2026-12-24', '2026-12-25', '2026-12-31']);
    const month = await core.ok<{ days: { date: string; business: boolean; holiday: string | null }[] }>(
      'calendars.month',
      { name: 'TEST', year: 2026, month: 12 },
      core.admin,
    );
    expect(month.days.find((d) => d.date === '2026-12-24')).toMatchObject({ business: false, holiday: 'Christmas Eve' });
    expect(month.days.filter((d) => d.business)).toHaveLength(20);

    // A workflow that waits 2 business days in the calendar, counted in its zone.
    const deployed = await core.ok<{ outcome: string; changeId: string | null }>(
      'workflows.deploy',
      {
        file: 'settle.yaml',
        text: 'workflow: settle\nname: Settle T+2\nsteps:\n  - id: t2\n    kind: wait\n    businessDays: { days: 2, calendar: TEST, at: "09:00" }\n',
      },
      core.admin,
    );
    if (deployed.changeId) await core.approveChange(deployed.changeId);
    core.clock.set(utc('2026-12-23T10:00:00.000Z'));
    const clerk = await core.userWith(['clerk'], 'carl');
    const { instanceId } = await core.ok<{ instanceId: string }>('instances.start', { workflow: 'settle', input: {} }, clerk.credential);
    const waiting = await waitForInstance(core, instanceId, (d) => d.instance.status === 'waiting');
    const wait = await core.ok<{ items: { action: string; payload: { until?: string } }[] }>(
      'audit.search',
      { subjectType: 'instance', subjectId: instanceId, limit: 50 },
      core.admin,
    );
    // Wednesday 23 December + 2 business days, skipping the 24th, 25th and the weekend: Tuesday 29th, 09:00 Berlin.
    expect(wait.items.find((e) => e.action === 'wait.started')?.payload.until ?? waiting.steps).toBe('2026-12-29T08:00:00.000Z');
  });
});
