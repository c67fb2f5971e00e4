import { describe, expect, it } from 'vitest';
import { AuditEvent } from '@shared/domain/audit';
import { csvField, csvRecord, EVENT_CSV_COLUMNS, eventCsvFields } from '../../../src-main/core/reports/data/csv-format';
import { csvRecords } from '../../../src-main/core/reports/data/csv-reader';
import { serializeEvent } from '../../../src-main/core/reports/data/event-serialization';

async function parse(text: string, chunkSize = text.length || 1): Promise<string[][]> {
  async function* chunks() {
    for (let i = 0; i < text.length; i += chunkSize) yield text.slice(i, i + chunkSize);
  }
  const records: string[][] = [];
  for await (const record of csvRecords(chunks())) records.push(record);
  return records;
}

const event = AuditEvent.parse({
  seq: 42,
  at: '2026-01-05T10:00:00.000Z',
  actor: { kind: 'user', userId: 'u-1', username: 'o"brien' },
  action: 'approval.granted',
  subject: null,
  outcome: 'ok',
  payload: { note: 'a, "b"\r\nc', amount: { value: '10.00', currency: 'EUR' } },
  prevHash: '0'.repeat(64),
  hash: 'f'.repeat(64),
});

describe('events.csv (RFC 4180)', () => {
  it('quotes only fields that need it, doubling quotes, and ends every record with CRLF', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('')).toBe('');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('line\r\nbreak')).toBe('"line\r\nbreak"');
    expect(csvField('lf\nonly')).toBe('"lf\nonly"');
    expect(csvField(' spaced ')).toBe(' spaced ');
    expect(csvField('Zürich ✓')).toBe('Zürich ✓');
    expect(csvRecord(['a', 'b,c', ''])).toBe('a,"b,c",\r\n');
  });

  it('writes one row per event with every hashed field, nested values as canonical JSON', () => {
    expect(EVENT_CSV_COLUMNS).toEqual(['seq', 'at', 'actor', 'action', 'subject', 'outcome', 'hash', 'prevHash', 'payload']);
    expect(eventCsvFields(serializeEvent(event))).toEqual([
      '42',
      '2026-01-05T10:00:00.000Z',
      '{"kind":"user","userId":"u-1","username":"o\\"brien"}',
      'approval.granted',
      '',
      'ok',
      'f'.repeat(64),
      '0'.repeat(64),
      '{"amount":{"currency":"EUR","value":"10.00"},"note":"a, \\"b\\"\\r\\nc"}',
    ]);
    expect(csvRecord(eventCsvFields(serializeEvent({ ...event, subject: { type: 'instance', id: 'i-1' } })))).toContain(
      ',"{""id"":""i-1"",""type"":""instance""}",',
    );
  });

  it('reads back exactly what it wrote, whatever the chunk boundaries', async () => {
    const rows = [[...EVENT_CSV_COLUMNS], eventCsvFields(serializeEvent(event)), ['', 'x', '"', '""', 'a\r\nb', ',', 'Zürich']];
    const text = rows.map(csvRecord).join('');
    for (const size of [1, 2, 3, 7, 64, text.length]) expect(await parse(text, size)).toEqual(rows);
    expect(await parse('')).toEqual([]);
  });

  it('refuses damaged CSV instead of guessing', async () => {
    await expect(parse('a,b\r\nc,d')).rejects.toThrow(/record 2: the file ends inside a record/);
    await expect(parse('a,b\nc\r\n')).rejects.toThrow(/LF alone/);
    await expect(parse('a"b\r\n')).rejects.toThrow(/quote inside an unquoted field/);
    await expect(parse('"a"b\r\n')).rejects.toThrow(/after the closing quote/);
    await expect(parse('"open\r\n')).rejects.toThrow(/ends inside a record/);
    await expect(parse('a\rb\r\n')).rejects.toThrow(/CR not followed by LF/);
  });
});
