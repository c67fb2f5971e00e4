import { X509Certificate } from 'node:crypto';
import { z } from 'zod';
import type { DocumentSignerInfo } from '@shared/contract/evidence';
import type { AuditActor } from '@shared/domain/audit';
import type { Repositories } from '../../store/repositories';
import type { DocumentSigner } from '../pki/document-signer';
import { oneLineName } from '../pki/certificate-chain';
import { createSiteDocumentSigner } from '../pki/site-signer';

/**
 * The site's document-signing identity (PAdES): created with a site CA at init, or the
 * bank's, imported from PKCS#12. Key and certificates are one site secret per signer, inside
 * the encrypted database; the contract only ever sees DocumentSignerInfo.
 */
const StoredSigner = z.object({
  certificatePem: z.string(),
  privateKeyPem: z.string(),
  chainPem: z.array(z.string()),
  algorithm: z.enum(['ecdsa-p256', 'rsa-3072']),
});

function secretName(fingerprint: string): string {
  return `document-signer/${fingerprint}`;
}

/** SHA-256 of the certificate's DER, lowercase hex (what `openssl x509 -fingerprint -sha256` prints, without colons). */
export function certificateFingerprint(certificatePem: string): string {
  return new X509Certificate(certificatePem).fingerprint256.replace(/:/g, '').toLowerCase();
}

export function documentSignerInfo(signer: DocumentSigner, source: DocumentSignerInfo['source']): DocumentSignerInfo {
  const certificate = new X509Certificate(signer.certificatePem);
  return {
    subject: oneLineName(certificate.subject),
    issuer: oneLineName(certificate.issuer),
    serialNumber: certificate.serialNumber,
    algorithm: signer.algorithm,
    notBefore: new Date(certificate.validFrom).toISOString() as DocumentSignerInfo['notBefore'],
    notAfter: new Date(certificate.validTo).toISOString() as DocumentSignerInfo['notAfter'],
    fingerprint: certificateFingerprint(signer.certificatePem),
    source,
    // Trust anchor first, as in a report's site-ca.pem.
    caCertificatePem: [...signer.chainPem].reverse().join(''),
  };
}

/** Makes `signer` the site's document signer in the caller's unit of work, and audits it (public facts only). */
export async function storeDocumentSigner(
  tx: Repositories,
  signer: DocumentSigner,
  source: DocumentSignerInfo['source'],
  at: string,
  actor: AuditActor,
): Promise<DocumentSignerInfo> {
  const info = documentSignerInfo(signer, source);
  const name = secretName(info.fingerprint);
  if (!(await tx.site.getSecret(name))) await tx.site.putSecret(name, Buffer.from(JSON.stringify(StoredSigner.parse(signer)), 'utf8'), at);
  const previous = await tx.documentSigners.current();
  await tx.documentSigners.replace({ fingerprint: info.fingerprint, subject: info.subject, source, createdAt: at });
  await tx.audit.append(
    {
      actor,
      action: 'report.signer.changed',
      subject: { type: 'document-signer', id: info.fingerprint },
      payload: {
        source,
        subject: info.subject,
        issuer: info.issuer,
        serialNumber: info.serialNumber,
        algorithm: info.algorithm,
        notAfter: info.notAfter,
        fingerprint: info.fingerprint,
        previous: previous?.fingerprint ?? null,
      },
    },
    at,
  );
  return info;
}

export async function currentDocumentSigner(tx: Repositories): Promise<{ signer: DocumentSigner; info: DocumentSignerInfo } | null> {
  const row = await tx.documentSigners.current();
  if (!row) return null;
  const secret = await tx.site.getSecret(secretName(row.fingerprint));
  if (!secret) throw new Error(`the key of document signer ${row.fingerprint} is missing from the site secrets: import the signer again`);
  const signer = StoredSigner.parse(JSON.parse(secret.toString('utf8')));
  return { signer, info: documentSignerInfo(signer, row.source) };
}

/** A site CA and its document-signing certificate (ECDSA P-256: small signatures, every validator accepts it). */
export function newSiteSigner(siteName: string, now: number): Promise<DocumentSigner> {
  return createSiteDocumentSigner(siteName, 'ecdsa-p256', new Date(now));
}
