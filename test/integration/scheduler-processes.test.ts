import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ScheduleRun } from '@shared/contract/schedules';
import { useTempDirs } from '../support/temp';
import { runCli } from '../support/cli';
import { createTestSite } from '../support/site';
import { startTestCoreOn } from '../support/core';
import { startServe } from '../support/serve';

/**
 * The scheduler across real processes on the system clock: two consoles on one data folder,
 * schedules managed with the CLI. The owner fires on time; killed with SIGKILL before a fire
 * time, the standby takes over after the lease and fires it once, under the misfire policy.
 */

const tempDir = useTempDirs();
const FIXTURES = resolve(import.meta.dirname, '../fixtures');
/** The lease outlives the gap between the kill and the fire time, so the fire time passes with no owner. */
const ENV = { CLEARLINE_ENGINE_LEASE_MS: '15000', CLEARLINE_SCHEDULER_GRACE_MS: '2000' };
const sleepUntil = (at: number) => new Promise((r) => setTimeout(r, Math.max(0, at - Date.now())));

describe('the scheduler in real processes', () => {
  it('fires within a second of its time; after the owner is killed, the standby fires the missed time exactly once', { timeout: 240_000 }, async () => {
    const dir = tempDir();
    const site = await createTestSite(dir);
    const token = await startTestCoreOn(site);
    const base = ['--data-dir', site.paths.dataDir];
    const cli = async (...args: string[]) => {
      const result = await runCli([...base, ...args], { env: { CLEARLINE_TOKEN: token } });
      expect(result.code, `${args.join(' ')}:\n${result.stderr}`).toBe(0);
      return result.stdout;
    };
    await cli('deploy', join(FIXTURES, 'workflows/scheduled-report.yaml'));
    expect(await cli('calendar', 'import', join(FIXTURES, 'schedules/holidays.csv'), '--name', 'TEST', '--zone', 'UTC')).toMatch(/TEST: imported 4 holidays/);

    const a = await startServe(site.paths.dataDir, ENV);
    const b = await startServe(site.paths.dataDir, ENV);
    try {
      expect(a.output()).toContain('Engine: this process owns the engine.');
      expect(b.output()).toContain('Engine: standby');

      // Two fire times a minute apart, the first at least 20 s from now (cron has minutes).
      const first = Math.ceil((Date.now() + 20_000) / 60_000) * 60_000;
      const second = first + 60_000;
      const minutes = [first, second].map((t) => new Date(t).getUTCMinutes()).join(',');
      const input = join(dir, 'input.json');
      writeFileSync(input, JSON.stringify({ fireTime: 'fireTime', businessDate: 'businessDate', takes: '"PT1S"' }));
      const added = await cli(
        'schedule',
        'add',
        '--name',
        'minutely',
        '--workflow',
        'scheduled-report',
        '--rule',
        `cron:${minutes} * * * *`,
        '--zone',
        'UTC',
        '--calendar',
        'TEST',
        '--input',
        input,
        '--misfire',
        'run-once',
        '--overlap',
        'allow',
      );
      expect(added).toContain(`next fire: ${new Date(first).toISOString()}`);

      const runs = async () => JSON.parse(await cli('schedule', 'history', 'minutely', '--json')) as ScheduleRun[];
      const waitForRuns = async (count: number, until: number) => {
        for (;;) {
          const found = await runs();
          if (found.length >= count || Date.now() > until) return found.reverse();
          await new Promise((r) => setTimeout(r, 500));
        }
      };

      // The owner fires the first time within a second of it.
      await sleepUntil(first);
      const [onTime] = await waitForRuns(1, first + 20_000);
      expect(onTime, `owner output:\n${a.output()}`).toMatchObject({ trigger: 'scheduled', status: 'started', scheduledFor: new Date(first).toISOString() });
      expect(Date.parse(onTime!.firedAt) - first).toBeLessThan(1000);

      // Killed 8 s before the second fire time; the standby can take over only after the lease.
      await sleepUntil(second - 8_000);
      a.child.kill('SIGKILL');
      await b.waitFor(/owns the engine \(fencing token 2, takeover\)/, 40_000);
      const all = await waitForRuns(2, Date.now() + 20_000);
      expect(all.map((r) => [r.scheduledFor, r.trigger, r.status])).toEqual([
        [new Date(first).toISOString(), 'scheduled', 'started'],
        [new Date(second).toISOString(), 'misfire', 'started'],
      ]);
      expect(all[1]?.reason).toMatch(/^misfire \(takeover\): 1 fire time missed/);
      // Nothing more: the missed time started exactly one run.
      await new Promise((r) => setTimeout(r, 2000));
      expect(await runs()).toHaveLength(2);
      const audit = JSON.parse(await cli('audit', 'search', '--action', 'schedule.misfire', '--json')) as { payload: { cause: string; missed: number } }[];
      expect(audit.map((e) => [e.payload.cause, e.payload.missed])).toEqual([['takeover', 1]]);
    } finally {
      await a.stop();
      await b.stop();
    }
  });
});
