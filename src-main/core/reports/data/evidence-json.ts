import { canonicalJson } from '@shared/domain/canonical-json';
import { eventCanonicalJson, type SerializedEvent } from './event-serialization';

/**
 * evidence.json is one JSON document, written as a stream in a fixed line layout so that it
 * can also be read as a stream:
 *
 *   {"format":1,"site":{…},"kind":"…","generatedAt":"…","events":[
 *   {event 1, RFC 8785 canonical JSON},
 *   …
 *   {event n}
 *   ],"eventCount":n,"rangeProof":…,"checkpoint":…,"chain":…}
 *
 * Any JSON tool reads it whole; Clearline's verifier reads it line by line in bounded memory.
 * The count after the events lets a reader tell a complete file from a cut one.
 */
export const EVIDENCE_FORMAT = 1;

export interface EvidenceHead {
  site: { id: string; name: string };
  kind: string;
  generatedAt: string;
}

export interface EvidenceTail {
  eventCount: number;
  rangeProof: unknown;
  checkpoint: unknown;
  chain: unknown;
}

export const EVENTS_OPEN = '"events":[';

export function evidenceOpening(head: EvidenceHead): string {
  return `{"format":${EVIDENCE_FORMAT},"site":${canonicalJson(head.site)},"kind":${JSON.stringify(head.kind)},"generatedAt":${JSON.stringify(head.generatedAt)},${EVENTS_OPEN}`;
}

export function evidenceEventLine(event: SerializedEvent, index: number): string {
  return `${index === 0 ? '\n' : ',\n'}${eventCanonicalJson(event)}`;
}

/** canonicalJson refuses what JSON cannot carry, so a malformed checkpoint fails the export, not the audit. */
export function evidenceClosing(tail: EvidenceTail): string {
  return `\n],"eventCount":${tail.eventCount},"rangeProof":${canonicalJson(tail.rangeProof)},"checkpoint":${canonicalJson(tail.checkpoint)},"chain":${canonicalJson(tail.chain)}}\n`;
}
