import { createReadStream } from 'node:fs';
import { AuditEvent } from '@shared/domain/audit';
import { eventHash } from '../../audit/chain-hash';
import { errorText, fail, pass, type Check } from '../check';
import { csvRecords } from './csv-reader';
import { EVENT_CSV_COLUMNS, eventCsvFields } from './csv-format';
import { serializeEvent } from './event-serialization';
import type { EvidenceHead } from './evidence-json';
import { evidenceItems } from './evidence-reader';

/** Pulls CSV records one at a time and turns a syntax error into a stored message. */
class CsvCursor {
  private readonly records: AsyncIterator<string[]>;
  error: string | null = null;

  constructor(path: string) {
    this.records = csvRecords(createReadStream(path, { encoding: 'utf8' }))[Symbol.asyncIterator]();
  }

  async next(): Promise<string[] | null> {
    if (this.error) return null;
    try {
      const r = await this.records.next();
      return r.done ? null : r.value;
    } catch (error) {
      this.error = errorText(error);
      return null;
    }
  }
}

function firstDifference(actual: string[], expected: string[]): string | null {
  if (actual.length !== expected.length) return `${actual.length} fields instead of ${expected.length}`;
  const i = expected.findIndex((value, index) => actual[index] !== value);
  return i < 0 ? null : `column ${EVENT_CSV_COLUMNS[i]} differs`;
}

/**
 * Reads events.csv and evidence.json side by side in one streamed pass and checks that
 * (1) evidence.json is well formed and complete, (2) every CSV row is exactly the row of the
 * matching JSON event, and (3) every event's hash matches its content and, where sequence
 * numbers are consecutive, its predecessor's hash (an instance report may skip events).
 */
export async function checkEventData(csvPath: string, evidencePath: string): Promise<{ checks: Check[]; head: EvidenceHead | null }> {
  const csv = new CsvCursor(csvPath);
  let head: EvidenceHead | null = null;
  let evidenceProblem: string | null = null;
  let csvProblem: string | null = null;
  let hashProblem: string | null = null;
  let count = 0;
  let previous: AuditEvent | null = null;

  const header = await csv.next();
  if (!header || firstDifference(header, [...EVENT_CSV_COLUMNS])) csvProblem = csv.error ?? `the header is not ${EVENT_CSV_COLUMNS.join(',')}`;

  try {
    for await (const item of evidenceItems(evidencePath)) {
      if (item.type === 'head') head = item.head;
      else if (item.type === 'tail') {
        if (item.tail.eventCount !== count) evidenceProblem ??= `says ${item.tail.eventCount} events but holds ${count}`;
      } else {
        count += 1;
        const parsed = AuditEvent.safeParse(item.event);
        if (!parsed.success) {
          evidenceProblem ??= `event ${count} is not an audit event (${parsed.error.issues[0]?.path.join('.')}: ${parsed.error.issues[0]?.message})`;
          csvProblem ??= `not compared beyond event ${count - 1}`;
          continue;
        }
        const event = parsed.data;
        const { hash, ...hashed } = event;
        if (eventHash(hashed) !== hash) hashProblem ??= `event ${event.seq}: its content does not match its hash`;
        else if (previous && event.seq === previous.seq + 1 && event.prevHash !== previous.hash)
          hashProblem ??= `event ${event.seq}: prevHash is not the hash of event ${previous.seq}`;
        if (previous && event.seq <= previous.seq) evidenceProblem ??= `event ${event.seq} follows event ${previous.seq}: not in sequence order`;
        previous = event;

        const row = await csv.next();
        if (!csvProblem) {
          if (!row) csvProblem = csv.error ?? `events.csv ends after ${count - 1} events; evidence.json holds more`;
          else {
            const difference = firstDifference(row, eventCsvFields(serializeEvent(event)));
            if (difference) csvProblem = `row of event ${event.seq} (record ${count + 1}): ${difference}`;
          }
        }
      }
    }
  } catch (error) {
    evidenceProblem ??= errorText(error);
    csvProblem ??= `not compared beyond event ${count}: evidence.json is unreadable`;
  }
  if (!csvProblem) {
    const extra = await csv.next();
    if (extra) csvProblem = `events.csv has more rows than the ${count} events of evidence.json`;
    else if (csv.error) csvProblem = csv.error;
  }

  return {
    head,
    checks: [
      evidenceProblem ? fail('evidence.json structure', evidenceProblem) : pass('evidence.json structure', `well formed and complete: ${count} events`),
      csvProblem ? fail('events.csv matches evidence.json', csvProblem) : pass('events.csv matches evidence.json', `the same ${count} events, field for field`),
      hashProblem
        ? fail('evidence.json event hashes', hashProblem)
        : pass('evidence.json event hashes', `every event's hash matches its content; consecutive events are linked by prevHash`),
    ],
  };
}
