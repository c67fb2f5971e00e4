import { createHash } from 'node:crypto';
import { canonicalJson } from '@shared/domain/canonical-json';
import { hashedFields, type AuditEvent } from '@shared/domain/audit';
import type { StoredEvent } from '../store/evidence-repositories';

/** SHA-256 over the RFC 8785 canonical JSON of the event's hashed fields (which include the predecessor's hash). */
export function eventHash(event: Omit<AuditEvent, 'hash'>): string {
  return createHash('sha256')
    .update(canonicalJson(hashedFields(event)), 'utf8')
    .digest('hex');
}

/**
 * The same hash from the stored row, whose actor and payload are already the canonical JSON
 * that was hashed: the canonical form of the whole event is assembled around them (members
 * in RFC 8785 order) instead of parsing and re-serialising, which makes verification several
 * times faster. A row edited into another spelling of the same JSON no longer matches: it
 * is not the text that was hashed. A unit test holds this equal to eventHash.
 */
export function storedEventHash(e: StoredEvent): string {
  const subject = e.subjectType === null ? 'null' : `{"id":${JSON.stringify(e.subjectId ?? '')},"type":${JSON.stringify(e.subjectType)}}`;
  const text =
    `{"action":${JSON.stringify(e.action)},"actor":${e.actor},"at":${JSON.stringify(e.at)},"outcome":${JSON.stringify(e.outcome)},` +
    `"payload":${e.payload},"prevHash":${JSON.stringify(e.prevHash)},"seq":${e.seq},"subject":${subject}}`;
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
