import type { AuditEvent } from '@shared/domain/audit';
import { csvRecord, EVENT_CSV_COLUMNS, eventCsvFields } from './csv-format';
import { serializeEvent } from './event-serialization';
import { evidenceEventLine } from './evidence-json';
import type { HashingFileWriter } from './hashing-file-writer';

/** What the PDF states about the exported events, so the signed PDF pins the data files down. */
export interface ExportedEvents {
  count: number;
  firstSeq: number | null;
  lastSeq: number | null;
  lastHash: string | null;
}

/** Progress is reported every this many events: often enough for a progress bar, rarely enough to cost nothing. */
const PROGRESS_EVERY = 5_000;

/**
 * The one pass over the report's events: each event goes to events.csv and evidence.json as
 * it arrives and is then dropped, so a million events take no more memory than one.
 */
export async function exportEvents(
  events: AsyncIterable<AuditEvent>,
  csv: HashingFileWriter,
  evidence: HashingFileWriter,
  onProgress: (done: number) => void,
): Promise<ExportedEvents> {
  const summary: ExportedEvents = { count: 0, firstSeq: null, lastSeq: null, lastHash: null };
  await csv.write(csvRecord(EVENT_CSV_COLUMNS));
  for await (const event of events) {
    const serialized = serializeEvent(event);
    await csv.write(csvRecord(eventCsvFields(serialized)));
    await evidence.write(evidenceEventLine(serialized, summary.count));
    summary.firstSeq ??= event.seq;
    summary.lastSeq = event.seq;
    summary.lastHash = event.hash;
    summary.count += 1;
    if (summary.count % PROGRESS_EVERY === 0) onProgress(summary.count);
  }
  onProgress(summary.count);
  return summary;
}
