import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '@shared/domain/canonical-json';
import { eventCanonicalJson, serializeEvent } from '../../../src-main/core/reports/data/event-serialization';
import { evidenceClosing, evidenceEventLine, evidenceOpening } from '../../../src-main/core/reports/data/evidence-json';
import { evidenceItems, type EvidenceItem } from '../../../src-main/core/reports/data/evidence-reader';
import { syntheticEvents } from '../../fixtures/reports/synthetic-report';
import { useTempDirs } from '../../support/temp';

const tempDir = useTempDirs();
const head = { site: { id: 's-1', name: 'Zürich' }, kind: 'period', generatedAt: '2026-02-01T08:00:00.000Z' };
const tail = { rangeProof: null, checkpoint: { treeSize: 3 }, chain: { ok: true, checked: 3, firstBad: null } };

async function evidenceText(count: number): Promise<string> {
  let text = evidenceOpening(head);
  let i = 0;
  for await (const event of syntheticEvents(count)) text += evidenceEventLine(serializeEvent(event), i++);
  return text + evidenceClosing({ eventCount: count, ...tail });
}

async function read(text: string): Promise<EvidenceItem[]> {
  const path = join(tempDir(), 'evidence.json');
  writeFileSync(path, text);
  const items: EvidenceItem[] = [];
  for await (const item of evidenceItems(path)) items.push(item);
  return items;
}

describe('evidence.json', () => {
  it('holds each event as exactly its RFC 8785 canonical JSON', async () => {
    for await (const event of syntheticEvents(50)) expect(eventCanonicalJson(serializeEvent(event))).toBe(canonicalJson(event));
  });

  it('is one JSON document that also streams back line by line', async () => {
    for (const count of [0, 1, 3]) {
      const text = await evidenceText(count);
      const whole = JSON.parse(text);
      expect(whole).toMatchObject({ format: 1, ...head, eventCount: count, ...tail });
      expect(whole.events).toHaveLength(count);
      const items = await read(text);
      expect(items.map((i) => i.type)).toEqual(['head', ...Array(count).fill('event'), 'tail']);
      expect(items.filter((i) => i.type === 'event').map((i) => (i as { event: unknown }).event)).toEqual(whole.events);
    }
  });

  it('refuses a cut, joined or reformatted file', async () => {
    const text = await evidenceText(3);
    const lines = text.split('\n');
    await expect(read(lines.slice(0, 3).join('\n'))).rejects.toThrow(/ends before the events array is closed/);
    await expect(read(text.replace('},\n{', '}\n{'))).rejects.toThrow(/without a comma/);
    await expect(read(text.replace(/\}\n\],/, '},\n],'))).rejects.toThrow(/ends after a comma/);
    await expect(read(JSON.stringify(JSON.parse(text), null, 2))).rejects.toThrow(/line 1: does not open the events array/);
    await expect(read(`${text}{}\n`)).rejects.toThrow(/after the end of the document/);
    await expect(read(text.replace('"format":1', '"format":2'))).rejects.toThrow(/format 2 is not 1/);
  });
});
