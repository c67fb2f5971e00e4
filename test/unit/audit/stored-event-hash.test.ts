import { describe, expect, it } from 'vitest';
import { canonicalJson } from '@shared/domain/canonical-json';
import { GENESIS_HASH, type AuditEvent } from '@shared/domain/audit';
import { eventHash, storedEventHash } from '../../../src-main/core/audit/chain-hash';
import type { StoredEvent } from '../../../src-main/core/store/evidence-repositories';

/** The stored row of an event, as the audit repository writes it: actor and payload as canonical JSON. */
function stored(event: Omit<AuditEvent, 'hash'>): StoredEvent {
  return {
    seq: event.seq,
    at: event.at,
    actor: canonicalJson(event.actor),
    action: event.action,
    subjectType: event.subject?.type ?? null,
    subjectId: event.subject?.id ?? null,
    outcome: event.outcome,
    payload: canonicalJson(event.payload),
    prevHash: event.prevHash,
    hash: '',
  };
}

const base: Omit<AuditEvent, 'hash'> = {
  seq: 42,
  at: '2026-11-29T08:00:00.000Z' as AuditEvent['at'],
  actor: { kind: 'user', userId: 'u-1', username: 'zoë' },
  action: 'payment.booked',
  subject: { type: 'instance', id: 'inst-"1"\\' },
  outcome: 'ok',
  payload: { amount: { value: '1250.00', currency: 'EUR' }, note: 'Łukasz, "dringend"\r\n€ ✓ 漢字', list: [1, 2.5, -0, 1e21, null, true], empty: {} },
  prevHash: GENESIS_HASH,
};

describe('storedEventHash', () => {
  it.each([
    ['a user event with awkward text', base],
    ['an event without subject', { ...base, subject: null }],
    ['a system event with an empty payload', { ...base, actor: { kind: 'system', component: 'engine' }, payload: {} }],
    ['a refused CLI event', { ...base, actor: { kind: 'cli', osUser: 'root', host: 'h' }, outcome: 'refused' }],
  ] as [string, Omit<AuditEvent, 'hash'>][])('equals eventHash for %s', (_name, event) => {
    expect(storedEventHash(stored(event))).toBe(eventHash(event));
  });

  it('does not match a row whose JSON was respelled (the text hashed is what counts)', () => {
    const row = stored(base);
    const respelled = { ...row, payload: JSON.stringify(JSON.parse(row.payload), null, 1) };
    expect(storedEventHash(respelled)).not.toBe(eventHash(base));
  });
});
