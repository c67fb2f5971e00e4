import { createPrivateKey } from 'node:crypto';
import { authorityKeyIdentifier, basicConstraints, EKU, extendedKeyUsage, keyIdentifier, keyUsage, subjectKeyIdentifier } from './certificate-extensions';
import { distinguishedName, issueCertificate, subjectPublicKeyBits } from './certificate-builder';
import type { DocumentSigner } from './document-signer';
import { pemEncode } from './pem';
import { generateSigningKeyPair, type DocumentSigningAlgorithm } from './signing-algorithm';
import { nodeWebCrypto } from './webcrypto';

/**
 * Reports are checked years later and PAdES-B-B carries no timestamp, so pdfsig judges the
 * certificate at the auditor's "now": lifetimes cover bank record retention (10 years after
 * the relationship ends) with room to spare. The CA cannot issue anything else (see below),
 * so a long lifetime widens no trust.
 */
const CA_LIFETIME_YEARS = 30;
const LEAF_LIFETIME_YEARS = 25;
/** Backdated so that a verifier whose clock runs a little behind never sees "not yet valid". */
const BACKDATE_MS = 3600 * 1000;

function yearsAfter(date: Date, years: number): Date {
  const later = new Date(date);
  later.setUTCFullYear(later.getUTCFullYear() + years);
  return later;
}

/**
 * Creates the site CA (self-signed, CA:true, keyCertSign) and its document-signing leaf.
 * The CA's private key exists only inside this call: it signs the leaf and is dropped, so
 * the site CA can never vouch for anything but this one certificate. Renewal means a new
 * site CA, which auditors import once more.
 */
export async function createSiteDocumentSigner(
  siteName: string,
  algorithm: DocumentSigningAlgorithm,
  now: Date,
): Promise<DocumentSigner & { caCertificatePem: string }> {
  const notBefore = new Date(now.getTime() - BACKDATE_MS);
  const caKeys = await generateSigningKeyPair(algorithm);
  const leafKeys = await generateSigningKeyPair(algorithm);
  const caKeyId = keyIdentifier(await subjectPublicKeyBits(caKeys.publicKey));
  const leafKeyId = keyIdentifier(await subjectPublicKeyBits(leafKeys.publicKey));
  const caName = distinguishedName({ organization: siteName, organizationalUnit: 'Clearline', commonName: `${siteName} Site CA` });

  const caDer = await issueCertificate(
    {
      subject: caName,
      issuer: caName,
      notBefore,
      notAfter: yearsAfter(now, CA_LIFETIME_YEARS),
      publicKey: caKeys.publicKey,
      extensions: [basicConstraints(true), keyUsage(['keyCertSign', 'cRLSign']), subjectKeyIdentifier(caKeyId)],
    },
    caKeys.privateKey,
  );
  const leafDer = await issueCertificate(
    {
      subject: distinguishedName({ organization: siteName, organizationalUnit: 'Clearline', commonName: `${siteName} Document Signing` }),
      issuer: caName,
      notBefore,
      notAfter: yearsAfter(now, LEAF_LIFETIME_YEARS),
      publicKey: leafKeys.publicKey,
      extensions: [
        basicConstraints(false),
        keyUsage(['digitalSignature', 'nonRepudiation']),
        extendedKeyUsage([EKU.documentSigning, EKU.microsoftDocumentSigning, EKU.emailProtection]),
        subjectKeyIdentifier(leafKeyId),
        authorityKeyIdentifier(caKeyId),
      ],
    },
    caKeys.privateKey,
  );

  const pkcs8 = new Uint8Array(await nodeWebCrypto.subtle.exportKey('pkcs8', leafKeys.privateKey));
  const caCertificatePem = pemEncode('CERTIFICATE', caDer);
  return {
    certificatePem: pemEncode('CERTIFICATE', leafDer),
    privateKeyPem: createPrivateKey({ key: Buffer.from(pkcs8), format: 'der', type: 'pkcs8' })
      .export({ type: 'pkcs8', format: 'pem' })
      .toString(),
    chainPem: [caCertificatePem],
    algorithm,
    caCertificatePem,
  };
}
