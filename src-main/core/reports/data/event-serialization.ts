import type { AuditEvent } from '@shared/domain/audit';
import { canonicalJson } from '@shared/domain/canonical-json';

/**
 * An event's nested values as RFC 8785 canonical JSON, computed once and shared by its CSV
 * row and its evidence.json line: canonicalising is most of an export's CPU time, and a
 * million events should not pay for it twice.
 */
export interface SerializedEvent {
  event: AuditEvent;
  actor: string;
  subject: string;
  payload: string;
}

export function serializeEvent(event: AuditEvent): SerializedEvent {
  return { event, actor: canonicalJson(event.actor), subject: canonicalJson(event.subject), payload: canonicalJson(event.payload) };
}

/** The members of an event in RFC 8785 order (UTF-16 code-unit order of the names). */
const MEMBERS = ['action', 'actor', 'at', 'hash', 'outcome', 'payload', 'prevHash', 'seq', 'subject'] as const;
// Compile-time guard: a field added to AuditEvent must be added above, or it would be dropped from the export.
const everyMember: [Exclude<keyof AuditEvent, (typeof MEMBERS)[number]>] extends [never] ? true : never = true;
void everyMember;

/** canonicalJson(event), assembled from the precomputed parts (a unit test holds the two equal). */
export function eventCanonicalJson(s: SerializedEvent): string {
  const e = s.event;
  const values: Record<(typeof MEMBERS)[number], string> = {
    action: canonicalJson(e.action),
    actor: s.actor,
    at: canonicalJson(e.at),
    hash: canonicalJson(e.hash),
    outcome: canonicalJson(e.outcome),
    payload: s.payload,
    prevHash: canonicalJson(e.prevHash),
    seq: canonicalJson(e.seq),
    subject: s.subject,
  };
  return `{${MEMBERS.map((m) => `"${m}":${values[m]}`).join(',')}}`;
}
