import { GENESIS_HASH, type AuditEvent } from '@shared/domain/audit';
import type { Timestamp } from '@shared/domain/time';
import { eventHash } from '../../../src-main/core/audit/chain-hash';
import { leafHash, treeRoot, type LeafSource } from '../../../src-main/core/audit/merkle';
import { signCheckpoint, type SignedCheckpoint } from '../../../src-main/core/audit/checkpoints';
import type { KeyObject } from 'node:crypto';

export const ORIGIN = '0199a3f2-7c41-7d2e-9b1a-3c5d7e9f1a2b';

/** Real audit events, hash-chained by the production eventHash from seq 1, appended to `from`; `variant` makes other events than the default ones. */
export function buildChain(n: number, from: AuditEvent[] = [], variant = ''): AuditEvent[] {
  const events = [...from];
  for (let seq = events.length + 1; seq <= n; seq++) events.push(chained(events.at(-1), draft(seq, variant)));
  return events;
}

function draft(seq: number, variant: string): Omit<AuditEvent, 'hash' | 'prevHash'> {
  return {
    seq,
    at: new Date(Date.UTC(2026, 0, 5, 9) + seq * 1000).toISOString() as Timestamp,
    actor: { kind: 'user', userId: `u${seq % 7}`, username: `clerk${seq % 7}` },
    action: seq % 3 === 0 ? 'payment.approve' : 'payment.enter',
    subject: { type: 'payment', id: `p${Math.ceil(seq / 3)}` },
    outcome: 'ok',
    payload: { amount: `${seq * 10}.00`, currency: 'EUR', ...(variant ? { note: variant } : {}) },
  };
}

function chained(previous: AuditEvent | undefined, fields: Omit<AuditEvent, 'hash' | 'prevHash'>): AuditEvent {
  const unhashed = { ...fields, prevHash: previous?.hash ?? GENESIS_HASH };
  return { ...unhashed, hash: eventHash(unhashed) };
}

/** What an attacker holding the database key does: change one event and recompute every later hash, so the hash chain still verifies. */
export function rewriteFrom(events: readonly AuditEvent[], seq: number): AuditEvent[] {
  const rewritten = events.slice(0, seq - 1);
  for (const event of events.slice(seq - 1)) {
    const { hash: _hash, prevHash: _prev, ...fields } = event;
    const changed = event.seq === seq ? { ...fields, payload: { ...fields.payload, amount: '9999999.00' } } : fields;
    rewritten.push(chained(rewritten.at(-1), changed));
  }
  return rewritten;
}

/** The Merkle view of a chain, as the store will provide it: leaf i is leafHash(bytes of event seq i+1's hash). */
export function chainSource(events: readonly AuditEvent[]): LeafSource & { served: number } {
  const leaves = events.map((e) => leafHash(Buffer.from(e.hash, 'hex')));
  return {
    size: leaves.length,
    served: 0,
    async leaves(start, end) {
      this.served += end - start;
      return leaves.slice(start, end);
    },
  };
}

export async function checkpointAt(
  events: readonly AuditEvent[],
  size: number,
  key: { privateKey: KeyObject; keyId: string },
  minute = size,
): Promise<SignedCheckpoint> {
  const rootHash = (await treeRoot(chainSource(events), size)).toString('base64');
  const time = new Date(Date.UTC(2026, 0, 6) + minute * 60_000).toISOString();
  return signCheckpoint({ origin: ORIGIN, treeSize: size, rootHash, time, keyId: key.keyId }, key.privateKey);
}
