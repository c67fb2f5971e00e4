import type { SerializedEvent } from './event-serialization';

/**
 * events.csv is RFC 4180: UTF-8 without BOM, CRLF after every record, a header record,
 * fields quoted only when they hold a quote, comma, CR or LF. Actor, subject and payload are
 * RFC 8785 canonical JSON, so every hashed field of an event is in the row losslessly and
 * the chain can be recomputed from the CSV alone.
 */
export const EVENT_CSV_COLUMNS = ['seq', 'at', 'actor', 'action', 'subject', 'outcome', 'hash', 'prevHash', 'payload'] as const;

const NEEDS_QUOTES = /[",\r\n]/;

export function csvField(value: string): string {
  return NEEDS_QUOTES.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

export function csvRecord(fields: readonly string[]): string {
  return `${fields.map(csvField).join(',')}\r\n`;
}

/** The fields of one event's row; a null subject is the empty field (a subject is always an object). */
export function eventCsvFields({ event, actor, subject, payload }: SerializedEvent): string[] {
  return [String(event.seq), event.at, actor, event.action, event.subject ? subject : '', event.outcome, event.hash, event.prevHash, payload];
}
