import { createHash } from 'node:crypto';
import { canonicalJson } from '@shared/domain/canonical-json';
import { hashedFields, type AuditEvent } from '@shared/domain/audit';

/** SHA-256 over the RFC 8785 canonical JSON of the event's hashed fields (which include the predecessor's hash). */
export function eventHash(event: Omit<AuditEvent, 'hash'>): string {
  return createHash('sha256')
    .update(canonicalJson(hashedFields(event)), 'utf8')
    .digest('hex');
}
