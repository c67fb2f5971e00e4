/**
 * Signed reports: a folder an auditor verifies with sha256sum, openssl and pdfsig alone.
 * Layout and formats: docs/reports.md.
 */
export { createSiteDocumentSigner } from './pki/site-signer';
export { importPkcs12 } from './pki/import-pkcs12';
export type { DocumentSigner } from './pki/document-signer';
export type { DocumentSigningAlgorithm } from './pki/signing-algorithm';
export type { ReportContent, ReportSection, ReportEvidence, RangeProof, TimelineRow } from './report-content';
export { writeReportBundle, type ManifestKey, type ReportProgress, type WrittenReport } from './write-bundle';
export { verifyReportBundle, type ReportVerification } from './verify-bundle';
export type { Check } from './check';
export { ed25519Fingerprint } from './manifest/ed25519-key';
export { BUNDLE, PDF_TIMELINE_LIMIT } from './bundle-layout';
