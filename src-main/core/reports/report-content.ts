import type { AuditEvent } from '@shared/domain/audit';

export interface ReportSection {
  title: string;
  rows: { label: string; value: string }[];
}

export interface TimelineRow {
  at: string;
  actor: string;
  action: string;
  subject: string;
  detail: string;
}

export interface RangeProof {
  start: number;
  end: number;
  treeSize: number;
  /** base64 */
  proof: string[];
}

export interface ReportEvidence {
  /** The signed checkpoint, as JSON. */
  checkpoint: unknown;
  rangeProof: RangeProof | null;
  chain: { ok: boolean; checked: number; firstBad: unknown };
}

/** Everything a report says; the writer turns it into the PDF, the CSV and the evidence JSON. */
export interface ReportContent {
  kind: 'instance-evidence' | 'period' | 'control';
  title: string;
  subtitle?: string;
  siteName: string;
  siteId: string;
  generatedAt: string;
  generatedBy: string;
  /** Printed on the first page: the fingerprint of the Ed25519 key that signs checkpoints and this manifest. */
  signingKeyFingerprint: string;
  /** e.g. counts, chain status, checkpoint (tree size, root, time, key id) */
  summary: ReportSection[];
  /** At most PDF_TIMELINE_LIMIT rows go into the PDF; beyond that the PDF says how many were omitted. */
  timeline: AsyncIterable<TimelineRow>;
  /** All events of the report, streamed once into the CSV and the JSON. */
  events: AsyncIterable<AuditEvent>;
  /** When known, the number of events: the progress total of the export phase. */
  eventCount?: number;
  evidence: ReportEvidence;
}
