import { createHash } from 'node:crypto';
import type { PDFDocument } from 'pdf-lib';
import type { LoadedSigner } from '../pki/document-signer';
import type { WebCryptoKey } from '../pki/webcrypto';
import { embedSignature, fillByteRange, signedRanges } from './byte-range';
import { cadesDetachedSignature } from './cades-signature';
import { addSignatureField } from './signature-field';

/**
 * Room for the CMS: the certificates it carries plus a generous allowance for the signed
 * attributes, algorithm identifiers and a signature of up to RSA-8192. Unused room stays zeros.
 */
function reservedSignatureBytes(signer: LoadedSigner): number {
  const certificates = [signer.certificate, ...signer.chain].reduce((sum, c) => sum + c.raw.length, 0);
  return Math.ceil((certificates + 4096) / 1024) * 1024;
}

/**
 * Signs a finished PDF as PAdES-B-B in one pass: adds the signature field, saves with every
 * object written in plain (no object streams, so the placeholders can be patched in place),
 * fills /ByteRange, digests everything but /Contents with SHA-256, and embeds the CMS.
 */
export async function signPdf(
  doc: PDFDocument,
  signer: LoadedSigner,
  signingKey: WebCryptoKey,
  details: { signingTime: Date; reason: string; location: string },
): Promise<Buffer> {
  const contentsBytes = reservedSignatureBytes(signer);
  addSignatureField(doc, { contentsBytes, ...details });
  const saved = Buffer.from(await doc.save({ useObjectStreams: false, updateFieldAppearances: false }));
  const prepared = fillByteRange(saved, contentsBytes);
  const digest = createHash('sha256');
  for (const range of signedRanges(prepared)) digest.update(range);
  const cms = await cadesDetachedSignature(
    digest.digest(),
    [signer.certificate, ...signer.chain].map((c) => c.raw),
    signingKey,
  );
  return embedSignature(prepared, cms);
}
