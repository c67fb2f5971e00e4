import type { KeyObject } from 'node:crypto';
import { join, resolve } from 'node:path';
import { BUNDLE, MANIFEST_LISTED, PDF_TIMELINE_LIMIT } from './bundle-layout';
import { exportEvents } from './data/events-export';
import { evidenceClosing, evidenceOpening } from './data/evidence-json';
import { HashingFileWriter, writeHashedFile, type FileDigest } from './data/hashing-file-writer';
import { ed25519Fingerprint, ed25519RawBase64, ed25519SpkiPem } from './manifest/ed25519-key';
import { manifestBytes, signManifest, type Manifest } from './manifest/manifest';
import { signPdf } from './pades/pades-sign';
import { renderReportPdf } from './pdf/report-document';
import { oneLineName } from './pki/certificate-chain';
import { loadDocumentSigner, type DocumentSigner, type LoadedSigner } from './pki/document-signer';
import { importSigningKey } from './pki/signing-algorithm';
import { assertFolderFree, discardFolder, publishFolder, stagingFolder } from './publish-folder';
import { readmeText } from './readme-text';
import type { ReportContent, TimelineRow } from './report-content';

export interface ManifestKey {
  privateKey: KeyObject;
  /** base64 of the raw 32-byte Ed25519 public key */
  publicKeyRaw: string;
}

export interface WrittenReport {
  folder: string;
  files: { name: string; sha256: string; bytes: number }[];
}

/** Phases, in order: events, timeline, pdf, manifest. `total` is null while unknown. */
export type ReportProgress = (done: number, total: number | null, phase: string) => void;

/**
 * Refuses a key pair that does not match, or a first page that would print another key's
 * fingerprint; returns the public key in canonical base64.
 */
function checkManifestKey(key: ManifestKey, printedFingerprint: string): string {
  const raw = ed25519RawBase64(key.privateKey);
  if (!Buffer.from(raw, 'base64').equals(Buffer.from(key.publicKeyRaw, 'base64'))) throw new Error('the manifest private key does not match publicKeyRaw');
  const fingerprint = ed25519Fingerprint(raw);
  if (printedFingerprint.toLowerCase() !== fingerprint) {
    throw new Error(`signingKeyFingerprint ${printedFingerprint} is not the manifest key's fingerprint ${fingerprint} (SHA-256 of the raw public key, hex)`);
  }
  return raw;
}

async function boundedTimeline(
  rows: AsyncIterable<TimelineRow>,
  limit: number,
  onProgress: (n: number) => void,
): Promise<{ rows: TimelineRow[]; omitted: number }> {
  const kept: TimelineRow[] = [];
  let seen = 0;
  for await (const row of rows) {
    if (kept.length < limit) kept.push(row);
    seen += 1;
    if (seen % 10_000 === 0) onProgress(seen);
  }
  onProgress(seen);
  return { rows: kept, omitted: seen - kept.length };
}

/** The trust anchor first (certutil imports a file's first certificate), then the intermediates down to the signer. */
function siteCaPem(signer: LoadedSigner): string {
  return [...signer.chain]
    .reverse()
    .map((c) => c.toString())
    .join('');
}

/** events.csv and evidence.json in one streamed pass over the events. */
async function writeDataFiles(dir: string, content: ReportContent, onProgress: ReportProgress) {
  const csv = await HashingFileWriter.create(join(dir, BUNDLE.csv));
  const evidence = await HashingFileWriter.create(join(dir, BUNDLE.evidence));
  try {
    await evidence.write(evidenceOpening({ site: { id: content.siteId, name: content.siteName }, kind: content.kind, generatedAt: content.generatedAt }));
    const exported = await exportEvents(content.events, csv, evidence, (n) => onProgress(n, content.eventCount ?? null, 'events'));
    await evidence.write(evidenceClosing({ eventCount: exported.count, ...content.evidence }));
    return { exported, csv: await csv.close(), evidence: await evidence.close() };
  } catch (error) {
    await Promise.all([csv.abandon(), evidence.abandon()]);
    throw error;
  }
}

/**
 * Writes a report folder: the signed PDF, events.csv, evidence.json, and the Ed25519-signed
 * manifest over all of them, plus the public key, the site CA and README.txt an auditor
 * needs. Memory stays bounded whatever the number of events: they stream to disk once, and
 * only the PDF (with at most PDF_TIMELINE_LIMIT timeline rows) is built in memory.
 */
export async function writeReportBundle(
  folder: string,
  content: ReportContent,
  signer: DocumentSigner,
  manifestKey: ManifestKey,
  onProgress: ReportProgress = () => undefined,
): Promise<WrittenReport> {
  const target = resolve(folder);
  const signingTime = new Date(content.generatedAt);
  if (Number.isNaN(signingTime.getTime())) throw new Error(`generatedAt ${content.generatedAt} is not a time`);
  const loaded = loadDocumentSigner(signer, signingTime);
  const signingKey = await importSigningKey(signer.privateKeyPem, signer.algorithm);
  const publicKey = checkManifestKey(manifestKey, content.signingKeyFingerprint);
  await assertFolderFree(target);

  const staging = await stagingFolder(target);
  try {
    const digests = new Map<string, FileDigest>();
    const data = await writeDataFiles(staging, content, onProgress);
    digests.set(BUNDLE.csv, data.csv).set(BUNDLE.evidence, data.evidence);

    const timeline = await boundedTimeline(content.timeline, PDF_TIMELINE_LIMIT, (n) => onProgress(n, null, 'timeline'));
    onProgress(0, 1, 'pdf');
    const signerName = oneLineName(loaded.certificate.subject);
    const doc = await renderReportPdf({ content, timeline, exported: data.exported, files: data, signerName });
    const pdf = await signPdf(doc, loaded, signingKey, { signingTime, reason: content.title, location: content.siteName });
    digests.set(BUNDLE.pdf, await writeHashedFile(join(staging, BUNDLE.pdf), pdf));
    onProgress(1, 1, 'pdf');

    const fingerprint = ed25519Fingerprint(publicKey);
    const caName = oneLineName((loaded.chain[0] ?? loaded.certificate).subject);
    const facts = {
      title: content.title,
      siteName: content.siteName,
      siteId: content.siteId,
      generatedAt: content.generatedAt,
      manifestKeyFingerprint: fingerprint,
      signerName,
      caName,
    };
    digests.set(BUNDLE.manifestKey, await writeHashedFile(join(staging, BUNDLE.manifestKey), ed25519SpkiPem(publicKey)));
    digests.set(BUNDLE.siteCa, await writeHashedFile(join(staging, BUNDLE.siteCa), siteCaPem(loaded)));
    digests.set(BUNDLE.readme, await writeHashedFile(join(staging, BUNDLE.readme), readmeText(facts)));

    onProgress(0, 1, 'manifest');
    const manifest: Manifest = {
      format: 1,
      site: { id: content.siteId, name: content.siteName },
      generatedAt: content.generatedAt,
      files: MANIFEST_LISTED.map((name) => ({ name, ...digests.get(name)! })),
      signingKey: { algorithm: 'Ed25519', publicKey, fingerprint },
    };
    const bytes = manifestBytes(manifest);
    digests.set(BUNDLE.manifest, await writeHashedFile(join(staging, BUNDLE.manifest), bytes));
    digests.set(BUNDLE.manifestSignature, await writeHashedFile(join(staging, BUNDLE.manifestSignature), signManifest(bytes, manifestKey.privateKey)));
    await publishFolder(staging, target);
    onProgress(1, 1, 'manifest');
    return { folder: target, files: [...digests].map(([name, d]) => ({ name, ...d })) };
  } catch (error) {
    await discardFolder(staging);
    throw error;
  }
}
