import { createPrivateKey, X509Certificate, type KeyObject } from 'node:crypto';
import { keyUsageAllowsSigning } from './certificate-extensions';
import { issuerPath, oneLineName } from './certificate-chain';
import type { DocumentSigner } from './document-signer';
import { Pkcs12Error } from './pkcs12/password-decrypt';
import { readPkcs12 } from './pkcs12/pkcs12-contents';
import { signingAlgorithmOf } from './signing-algorithm';

/**
 * Imports the bank's document-signing identity from PKCS#12. Refuses, saying why: a wrong
 * password, a file with no private key (or several), a key whose certificate is missing, a
 * key that is not RSA ≥ 3072 / ECDSA P-256, a certificate whose key usage forbids
 * signing, or a missing issuing CA certificate. The chain is the leaf's issuers found in the file, nearest first; other
 * certificates in the file are dropped.
 */
export async function importPkcs12(p12: Uint8Array, password: string): Promise<DocumentSigner> {
  const contents = readPkcs12(p12, password);
  if (contents.privateKeys.length === 0) throw new Pkcs12Error('the PKCS#12 file holds no private key (was it exported with the certificates only?)');
  const certificates = contents.certificates.map((der) => new X509Certificate(der));
  const signers = contents.privateKeys
    .map((der) => createPrivateKey({ key: der, format: 'der', type: 'pkcs8' }))
    .flatMap((key) => {
      const certificate = certificates.find((c) => c.checkPrivateKey(key));
      return certificate ? [{ key, certificate }] : [];
    });
  if (signers.length === 0) throw new Pkcs12Error('the PKCS#12 file holds a private key but not its certificate');
  if (signers.length > 1) throw new Pkcs12Error(`the PKCS#12 file holds ${signers.length} keys with certificates; export only the document-signing one`);
  const { key, certificate } = signers[0] as { key: KeyObject; certificate: X509Certificate };

  const algorithm = signingAlgorithmOf(key);
  if (!keyUsageAllowsSigning(certificate.raw)) {
    throw new Pkcs12Error(
      `the certificate ${oneLineName(certificate.subject)} does not allow digital signatures (key usage lacks digitalSignature and nonRepudiation)`,
    );
  }
  // Auditors need the issuing CA to check the PDF (pdfsig, site-ca.pem); the file must carry it.
  const chain = issuerPath(certificate, certificates);
  if (chain.length === 0) {
    throw new Pkcs12Error(
      `the PKCS#12 file lacks the certificate of the CA that issued ${oneLineName(certificate.subject)}; export it with the whole certification path`,
    );
  }
  return {
    certificatePem: certificate.toString(),
    privateKeyPem: key.export({ type: 'pkcs8', format: 'pem' }).toString(),
    chainPem: chain.map((c) => c.toString()),
    algorithm,
  };
}
