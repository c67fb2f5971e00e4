import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { EVENTS_OPEN, EVIDENCE_FORMAT, type EvidenceHead, type EvidenceTail } from './evidence-json';

export class EvidenceFormatError extends Error {
  constructor(line: number, reason: string) {
    super(`evidence.json line ${line}: ${reason}`);
    this.name = 'EvidenceFormatError';
  }
}

export type EvidenceItem = { type: 'head'; head: EvidenceHead } | { type: 'event'; event: unknown } | { type: 'tail'; tail: EvidenceTail };

function parseLine(text: string, line: number): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new EvidenceFormatError(line, `not JSON (${(error as Error).message})`);
  }
}

/**
 * Streams evidence.json in the line layout of evidence-json.ts: the head, each event, then
 * the tail. Every separator is checked, so what passes here is also one valid JSON document.
 */
export async function* evidenceItems(path: string): AsyncGenerator<EvidenceItem> {
  const lines = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });
  let lineNo = 0;
  let expectMore = false;
  let sawTail = false;
  for await (const text of lines) {
    lineNo += 1;
    if (sawTail) throw new EvidenceFormatError(lineNo, 'text after the end of the document');
    if (lineNo === 1) {
      if (!text.endsWith(EVENTS_OPEN)) throw new EvidenceFormatError(1, 'does not open the events array');
      const head = parseLine(`${text}]}`, 1) as EvidenceHead & { format?: unknown };
      if (head.format !== EVIDENCE_FORMAT) throw new EvidenceFormatError(1, `format ${String(head.format)} is not ${EVIDENCE_FORMAT}`);
      yield { type: 'head', head };
    } else if (text.startsWith('],')) {
      if (expectMore) throw new EvidenceFormatError(lineNo, 'the events array ends after a comma');
      sawTail = true;
      yield { type: 'tail', tail: parseLine(`{${text.slice(2)}`, lineNo) as EvidenceTail };
    } else {
      if (lineNo > 2 && !expectMore) throw new EvidenceFormatError(lineNo, 'an event follows the last one without a comma');
      expectMore = text.endsWith(',');
      yield { type: 'event', event: parseLine(expectMore ? text.slice(0, -1) : text, lineNo) };
    }
  }
  if (!sawTail) throw new EvidenceFormatError(lineNo, 'the file ends before the events array is closed (cut short?)');
}
