import { PDFDict, PDFName, PDFString, type PDFDocument } from 'pdf-lib';

/**
 * The signed PDF names the SHA-256 of events.csv and evidence.json, printed on its first
 * page for people and in its document information dictionary for programs. The document
 * signature (the bank's certificate) thereby covers the data files too, independently of
 * the Ed25519 manifest.
 */
const KEYS = { csv: 'ClearlineEventsCsvSha256', evidence: 'ClearlineEvidenceJsonSha256' } as const;

export interface DataBinding {
  csv: string;
  evidence: string;
}

function infoDict(doc: PDFDocument): PDFDict {
  return doc.context.lookup(doc.context.trailerInfo.Info, PDFDict);
}

export function writeDataBinding(doc: PDFDocument, binding: DataBinding): void {
  const info = infoDict(doc);
  info.set(PDFName.of(KEYS.csv), PDFString.of(binding.csv));
  info.set(PDFName.of(KEYS.evidence), PDFString.of(binding.evidence));
}

export function readDataBinding(doc: PDFDocument): DataBinding | null {
  const info = infoDict(doc);
  const csv = info.lookupMaybe(PDFName.of(KEYS.csv), PDFString)?.asString();
  const evidence = info.lookupMaybe(PDFName.of(KEYS.evidence), PDFString)?.asString();
  return csv && evidence ? { csv, evidence } : null;
}
