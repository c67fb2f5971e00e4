import { describe, expect, it } from 'vitest';
import { TimelineKind, type TimelineEntry } from '../../../src-shared/contract/evidence';
import type { AuditEvent } from '../../../src-shared/domain/audit';
import { describeActor } from '../../../src-shared/domain/audit';
import { actorFilter, describeSubject, OUTCOME_COLOR } from '../../../src-renderer/views/audit/describe';
import { groupedFingerprint } from '../../../src-renderer/views/audit/fingerprint';
import { overallPercent, phaseLabel, phaseStep } from '../../../src-renderer/views/audit/report-phases';
import { scheduleInWords } from '../../../src-renderer/views/audit/schedule-words';
import { KIND, runsOf, standsOut } from '../../../src-renderer/views/audit/timeline-kinds';

describe('actors and subjects', () => {
  it('names each kind of actor in the words the actor filter accepts', () => {
    expect(describeActor({ kind: 'user', userId: 'u-17', username: 'clerk.jones' })).toBe('clerk.jones');
    expect(describeActor({ kind: 'system', component: 'scheduler' })).toBe('system:scheduler');
    expect(describeActor({ kind: 'schedule', scheduleId: 'month-end-close' })).toBe('schedule:month-end-close');
    expect(describeActor({ kind: 'cli', osUser: 'ops', host: 'backoffice-01' })).toBe('cli:ops@backoffice-01');
    expect(describeActor({ kind: 'anonymous', origin: '127.0.0.1' })).toBe('anonymous: 127.0.0.1');
  });

  it('offers an actor filter only for the kinds the search can name, a CLI user without the host', () => {
    expect(actorFilter({ kind: 'user', userId: 'u-17', username: 'clerk.jones' })).toBe('clerk.jones');
    expect(actorFilter({ kind: 'system', component: 'scheduler' })).toBe('system:scheduler');
    expect(actorFilter({ kind: 'cli', osUser: 'ops', host: 'backoffice-01' })).toBe('cli:ops');
    expect(actorFilter({ kind: 'schedule', scheduleId: 'month-end-close' })).toBeNull();
    expect(actorFilter({ kind: 'anonymous', origin: '127.0.0.1' })).toBeNull();
  });

  it('names the subject by type and id, or a dash when there is none', () => {
    expect(describeSubject({ type: 'instance', id: 'inst-2026-0042' })).toBe('instance inst-2026-0042');
    expect(describeSubject(null)).toBe('—');
    expect(OUTCOME_COLOR).toEqual({ ok: 'teal', refused: 'orange', failed: 'red' });
  });
});

describe('key fingerprints', () => {
  it('groups the hex digits by four for comparing by eye', () => {
    const hex = '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08';
    expect(groupedFingerprint(hex)).toBe('9f86 d081 884c 7d65 9a2f eaa0 c55a d015 a3bf 4f1b 2b0b 822c d15d 6c15 b0f0 0a08');
    expect(groupedFingerprint(hex).replaceAll(' ', '')).toBe(hex);
    expect(groupedFingerprint('9f86d0818')).toBe('9f86 d081 8');
    expect(groupedFingerprint('')).toBe('');
  });
});

describe('report export progress', () => {
  const job = (
    phase: Parameters<typeof phaseLabel>[0],
    done = 0,
    total: number | null = null,
    status: 'running' | 'done' | 'failed' | 'interrupted' = 'running',
  ) => ({
    status,
    phase,
    done,
    total,
  });

  it('names each phase in words', () => {
    expect(phaseLabel('queued')).toBe('Waiting to start');
    expect(phaseLabel('pdf')).toBe('Writing and signing the PDF');
    expect(phaseLabel('done')).toBe('Done');
  });

  it('moves one bar forward over the five working phases, each an equal share', () => {
    expect(overallPercent(job('queued'))).toBe(0);
    expect(overallPercent(job('checkpoint'))).toBe(0);
    expect(overallPercent(job('events', 2_500, 10_000))).toBe(25);
    expect(overallPercent(job('timeline', 1, 3))).toBe(47);
    expect(overallPercent(job('pdf', 0, null))).toBe(60);
    expect(overallPercent(job('manifest', 0, 0))).toBe(80);
    expect(overallPercent(job('done'))).toBe(100);
    expect(overallPercent(job('manifest', 0, 4, 'done'))).toBe(100);
  });

  it('never runs past a phase when more is done than was counted', () => {
    expect(overallPercent(job('events', 12_000, 10_000))).toBe(40);
  });

  it('counts the step among the phases that do work', () => {
    expect(phaseStep('queued')).toBeNull();
    expect(phaseStep('checkpoint')).toBe('step 1 of 5');
    expect(phaseStep('manifest')).toBe('step 5 of 5');
    expect(phaseStep('done')).toBeNull();
  });
});

describe('checkpoint schedule in words', () => {
  it('says both triggers, with the interval in the largest whole unit', () => {
    expect(scheduleInWords({ everyMinutes: 60, everyEvents: 10_000 })).toBe(
      'At least every hour while events are added, and as soon as 10,000 events were added since the last one; also at every export.',
    );
    expect(scheduleInWords({ everyMinutes: 2880, everyEvents: 0 })).toBe('At least every 2 days while events are added; also at every export.');
    expect(scheduleInWords({ everyMinutes: 1440, everyEvents: 0 })).toBe('At least every day while events are added; also at every export.');
    expect(scheduleInWords({ everyMinutes: 120, everyEvents: 0 })).toBe('At least every 2 hours while events are added; also at every export.');
    expect(scheduleInWords({ everyMinutes: 90, everyEvents: 0 })).toBe('At least every 90 minutes while events are added; also at every export.');
    expect(scheduleInWords({ everyMinutes: 1, everyEvents: 0 })).toBe('At least every minute while events are added; also at every export.');
  });

  it('says when checkpoints are signed only by count, or only on demand', () => {
    expect(scheduleInWords({ everyMinutes: 0, everyEvents: 5000 })).toBe('As soon as 5,000 events were added since the last one; also at every export.');
    expect(scheduleInWords({ everyMinutes: 0, everyEvents: 1 })).toBe('As soon as 1 event was added since the last one; also at every export.');
    expect(scheduleInWords({ everyMinutes: 0, everyEvents: 0 })).toBe('Only at exports and when an administrator signs one.');
  });
});

describe('decision chain', () => {
  const event = (seq: number, outcome: AuditEvent['outcome'] = 'ok'): AuditEvent =>
    ({
      seq,
      at: `2026-05-04T09:00:0${seq}.000Z`,
      actor: { kind: 'user', userId: 'u-17', username: 'clerk.jones' },
      action: 'task.completed',
      subject: { type: 'task', id: `t-${seq}` },
      outcome,
      payload: {},
      prevHash: '0'.repeat(64),
      hash: String(seq).repeat(64),
    }) as AuditEvent;
  const entry = (seq: number, kind: TimelineEntry['kind'], outcome: AuditEvent['outcome'] = 'ok'): TimelineEntry => ({
    event: event(seq, outcome),
    kind,
    summary: `step ${seq}`,
    step: null,
  });

  it('has a label for every kind of step', () => {
    expect(Object.keys(KIND).sort()).toEqual([...TimelineKind.options].sort());
    expect(KIND['human-work'].label).toBe('Human work');
    expect(KIND.control.color).toBe('red');
  });

  it('makes refusals and overrides stand out wherever they are', () => {
    expect(standsOut(entry(1, 'control'))).toBe(true);
    expect(standsOut(entry(2, 'approval', 'refused'))).toBe(true);
    expect(standsOut(entry(3, 'approval'))).toBe(false);
    expect(standsOut(entry(4, 'connector', 'failed'))).toBe(false);
  });

  it('groups consecutive steps of one kind and keeps the time order', () => {
    const entries = [entry(1, 'input'), entry(2, 'human-work'), entry(3, 'human-work'), entry(4, 'approval'), entry(5, 'human-work')];
    expect(runsOf(entries).map((run) => [run.kind, run.entries.map((e) => e.event.seq)])).toEqual([
      ['input', [1]],
      ['human-work', [2, 3]],
      ['approval', [4]],
      ['human-work', [5]],
    ]);
    expect(runsOf([])).toEqual([]);
  });
});
