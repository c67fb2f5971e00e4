import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSiteDocumentSigner } from '../../../src-main/core/reports';
import { tool } from '../../fixtures/reports/tools';
import { useTempDirs } from '../../support/temp';

const tempDir = useTempDirs();

function x509Text(dir: string, name: string, pem: string): string {
  writeFileSync(join(dir, name), pem);
  const r = tool('openssl', ['x509', '-noout', '-text', '-nameopt', 'oneline,-esc_msb', '-in', name], { cwd: dir });
  expect(r.code, r.output).toBe(0);
  return r.output;
}

describe.each([
  ['ecdsa-p256', /ASN1 OID: prime256v1/, /ecdsa-with-SHA256/],
  ['rsa-3072', /Public-Key: \(3072 bit\)/, /sha256WithRSAEncryption/],
] as const)('the site document signer (%s)', (algorithm, keyLine, signatureLine) => {
  it('is a site CA and a document-signing leaf that openssl parses, with the profile of docs/reports.md', { timeout: 60_000 }, async () => {
    const dir = tempDir();
    const signer = await createSiteDocumentSigner('Zürich Back Office', algorithm, new Date('2026-03-01T12:00:00.000Z'));
    expect(signer.algorithm).toBe(algorithm);
    expect(signer.chainPem).toEqual([signer.caCertificatePem]);

    const ca = x509Text(dir, 'ca.pem', signer.caCertificatePem);
    expect(ca).toMatch(/Subject: O = Zürich Back Office, OU = Clearline, CN = Zürich Back Office Site CA/);
    expect(ca).toMatch(/X509v3 Basic Constraints: critical\s+CA:TRUE, pathlen:0/);
    expect(ca).toMatch(/X509v3 Key Usage: critical\s+Certificate Sign, CRL Sign/);
    expect(ca).toMatch(keyLine);
    expect(ca).toMatch(signatureLine);
    // 30 years on: after 2049, so GeneralizedTime, which openssl must still read.
    expect(ca).toMatch(/Not After : Mar +1 12:00:00 2056 GMT/);

    const leaf = x509Text(dir, 'leaf.pem', signer.certificatePem);
    expect(leaf).toMatch(/Issuer: O = Zürich Back Office, OU = Clearline, CN = Zürich Back Office Site CA/);
    expect(leaf).toMatch(/Subject: O = Zürich Back Office, OU = Clearline, CN = Zürich Back Office Document Signing/);
    expect(leaf).toMatch(/X509v3 Basic Constraints: critical\s+CA:FALSE/);
    expect(leaf).toMatch(/X509v3 Key Usage: critical\s+Digital Signature, Non Repudiation\n/);
    // RFC 9336 document signing, Microsoft document signing, and e-mail protection for NSS (pdfsig).
    expect(leaf).toMatch(/X509v3 Extended Key Usage: \n\s+1\.3\.6\.1\.5\.5\.7\.3\.36, 1\.3\.6\.1\.4\.1\.311\.10\.3\.12, E-mail Protection\n/);
    expect(leaf).toMatch(/X509v3 Authority Key Identifier:/);
    expect(leaf).toMatch(/Not Before: Mar +1 11:00:00 2026 GMT/); // backdated an hour
    expect(leaf).toMatch(/Not After : Mar +1 12:00:00 2051 GMT/);
    expect(leaf).toMatch(keyLine);

    expect(tool('openssl', ['verify', '-CAfile', 'ca.pem', 'leaf.pem'], { cwd: dir }).output).toContain('leaf.pem: OK');
    writeFileSync(join(dir, 'key.pem'), signer.privateKeyPem);
    expect(signer.privateKeyPem).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    const fromKey = tool('openssl', ['pkey', '-in', 'key.pem', '-pubout'], { cwd: dir }).output;
    const fromCert = tool('openssl', ['x509', '-in', 'leaf.pem', '-pubkey', '-noout'], { cwd: dir }).output;
    expect(fromKey).toBe(fromCert);
  });
});
