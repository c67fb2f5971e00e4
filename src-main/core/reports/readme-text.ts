import { BUNDLE, MANIFEST_LISTED } from './bundle-layout';

export interface ReadmeFacts {
  title: string;
  siteName: string;
  siteId: string;
  generatedAt: string;
  manifestKeyFingerprint: string;
  signerName: string;
  caName: string;
}

/** The shell commands of README.txt, also run verbatim by the integration test. */
export const VERIFY_COMMANDS = {
  manifestSignature: `openssl pkeyutl -verify -pubin -inkey ${BUNDLE.manifestKey} -rawin -in ${BUNDLE.manifest} -sigfile ${BUNDLE.manifestSignature}`,
  manifestKeyFingerprint: `openssl pkey -pubin -in ${BUNDLE.manifestKey} -outform DER | tail -c 32 | sha256sum`,
  fileHashes: `grep -o '"name":"[^"]*","sha256":"[0-9a-f]*"' ${BUNDLE.manifest} | sed -E 's/"name":"([^"]*)","sha256":"([0-9a-f]*)"/\\2  \\1/' | sha256sum -c -`,
  pdfSignature: `pdfsig ${BUNDLE.pdf}`,
  nssCreate: 'NSSDB=$(mktemp -d) && certutil -N -d "$NSSDB" --empty-password',
  nssImport: `certutil -A -d "$NSSDB" -n site-ca -t "CT,C,C" -i ${BUNDLE.siteCa}`,
  pdfTrusted: `pdfsig -nssdir "$NSSDB" ${BUNDLE.pdf}`,
  dataHashes: `sha256sum ${BUNDLE.csv} ${BUNDLE.evidence}`,
} as const;

/** README.txt: how to check the folder with public tools only (the same commands are in docs/reports.md). */
export function readmeText(facts: ReadmeFacts): string {
  const c = VERIFY_COMMANDS;
  return `Clearline report: how to verify it
==================================

Report:          ${facts.title}
Site:            ${facts.siteName} (${facts.siteId})
Generated at:    ${facts.generatedAt}
Manifest key:    Ed25519, SHA-256 fingerprint ${facts.manifestKeyFingerprint}
Document signer: ${facts.signerName}
Issued by:       ${facts.caName}

Files
  ${BUNDLE.pdf}        the readable report, signed as PAdES (ETSI.CAdES.detached) by the document signer
  ${BUNDLE.csv}        every event (RFC 4180, UTF-8, CRLF; actor, subject and payload as canonical JSON)
  ${BUNDLE.evidence}     the same events, the range proof, the signed checkpoint and the chain status
  ${BUNDLE.manifest}     SHA-256 and size of every other file (RFC 8785 canonical JSON)
  ${BUNDLE.manifestSignature}      raw 64-byte Ed25519 signature over the exact bytes of ${BUNDLE.manifest}
  ${BUNDLE.manifestKey}  the Ed25519 public key (SPKI PEM) that signed ${BUNDLE.manifest}
  ${BUNDLE.siteCa}       the CA certificate(s) above the document signer, trust anchor first
  ${BUNDLE.readme}        this file

Run these in this folder. They need only sha256sum, grep, sed, openssl (3.0 or later),
pdfsig (poppler-utils) and certutil (NSS tools); no Clearline software.

1. The manifest is signed by the site's Ed25519 key

   ${c.manifestSignature}
   expected: Signature Verified Successfully

   The key must be the site's, not just any key: compare its fingerprint with the one the
   site publishes (it is also printed on page 1 of ${BUNDLE.pdf}):

   ${c.manifestKeyFingerprint}
   expected: ${facts.manifestKeyFingerprint}  -

2. Every file is the one the manifest lists

   ${c.fileHashes}
   expected: "OK" for each of the ${MANIFEST_LISTED.length} files, and no "FAILED"

3. The PDF signature

   ${c.pdfSignature}
   expected: "Signature Validation: Signature is Valid." and "Total document signed"

4. The PDF signer chains to the site CA

   Trust the site CA certificate that you obtained from the site through a separate
   channel; ${BUNDLE.siteCa} is a copy for convenience. certutil imports the first
   certificate of the file, the trust anchor.

   ${c.nssCreate}
   ${c.nssImport}
   ${c.pdfTrusted}
   expected: "Certificate Validation: Certificate is Trusted."

5. The data files are the ones the signed PDF names

   Page 1 of ${BUNDLE.pdf} prints the SHA-256 of ${BUNDLE.csv} and ${BUNDLE.evidence}:

   ${c.dataHashes}

With Clearline, \`clearline report verify <folder>\` runs all of the above and also
recomputes every event's hash and compares ${BUNDLE.csv} with ${BUNDLE.evidence} row by row.
`;
}
