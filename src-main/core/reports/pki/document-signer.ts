import { createPrivateKey, X509Certificate, type KeyObject } from 'node:crypto';
import { signingAlgorithmOf, type DocumentSigningAlgorithm } from './signing-algorithm';

/**
 * The site's document-signing identity: a leaf certificate with its private key, and the
 * issuer certificates above it (leaf excluded, nearest issuer first). Created at init
 * (`createSiteDocumentSigner`) or imported from the bank's CA as PKCS#12 (`importPkcs12`).
 */
export interface DocumentSigner {
  certificatePem: string;
  /** PKCS#8 */
  privateKeyPem: string;
  chainPem: string[];
  algorithm: DocumentSigningAlgorithm;
}

export interface LoadedSigner {
  certificate: X509Certificate;
  chain: X509Certificate[];
  privateKey: KeyObject;
  algorithm: DocumentSigningAlgorithm;
}

export class SignerError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SignerError';
  }
}

/**
 * Parses a signer and refuses one that would produce a signature no validator accepts:
 * a key that is not the certificate's, a key type other than the declared one, or a
 * certificate that is not valid at the signing time.
 */
export function loadDocumentSigner(signer: DocumentSigner, signingTime: Date): LoadedSigner {
  const certificate = new X509Certificate(signer.certificatePem);
  const privateKey = createPrivateKey(signer.privateKeyPem);
  if (!certificate.checkPrivateKey(privateKey))
    throw new SignerError(`the private key does not belong to the certificate ${certificate.subject.replace(/\n/g, ', ')}`);
  const algorithm = signingAlgorithmOf(privateKey);
  if (algorithm !== signer.algorithm) throw new SignerError(`the signer says ${signer.algorithm} but its key is ${algorithm}`);
  const notBefore = new Date(certificate.validFrom);
  const notAfter = new Date(certificate.validTo);
  if (signingTime < notBefore || signingTime > notAfter) {
    throw new SignerError(
      `the document-signing certificate is valid from ${notBefore.toISOString()} to ${notAfter.toISOString()}, not at ${signingTime.toISOString()}`,
    );
  }
  return { certificate, chain: signer.chainPem.map((pem) => new X509Certificate(pem)), privateKey, algorithm };
}
