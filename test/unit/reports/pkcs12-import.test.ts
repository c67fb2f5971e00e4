import { X509Certificate, createPrivateKey } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { importPkcs12 } from '../../../src-main/core/reports';
import { exportPkcs12, opensslChain, type LeafKey } from '../../fixtures/reports/openssl-pki';
import { useTempDirs } from '../../support/temp';

const tempDir = useTempDirs();
const PASSWORD = 'Bank-Export-2026 ü';

function sameCertificate(a: string, b: string): boolean {
  return new X509Certificate(a).raw.equals(new X509Certificate(b).raw);
}

describe('importing the bank document signer from PKCS#12', () => {
  it.each([
    ['ec-p256', 'ecdsa-p256', []],
    ['rsa-3072', 'rsa-3072', []],
    // The legacy scheme of Windows and OpenSSL 1.x: PKCS#12 KDF with SHA-1, 3DES, a SHA-1 MAC.
    ['ec-p256', 'ecdsa-p256', ['-keypbe', 'PBE-SHA1-3DES', '-certpbe', 'PBE-SHA1-3DES', '-macalg', 'sha1']],
    // Unencrypted certificates, AES-128 key, SHA-512 MAC.
    ['ec-p256', 'ecdsa-p256', ['-certpbe', 'NONE', '-keypbe', 'AES-128-CBC', '-macalg', 'sha512']],
  ] as [LeafKey, string, string[]][])('round-trips a %s key (%s) exported by openssl %j', { timeout: 60_000 }, async (leafKey, algorithm, options) => {
    const chain = opensslChain(tempDir(), leafKey);
    const signer = await importPkcs12(exportPkcs12(chain, PASSWORD, options), PASSWORD);

    expect(signer.algorithm).toBe(algorithm);
    expect(sameCertificate(signer.certificatePem, chain.leafPem)).toBe(true);
    expect(new X509Certificate(signer.certificatePem).checkPrivateKey(createPrivateKey(signer.privateKeyPem))).toBe(true);
    expect(signer.privateKeyPem).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    // Nearest issuer first, then the root.
    expect(signer.chainPem).toHaveLength(2);
    expect(sameCertificate(signer.chainPem[0]!, chain.intermediatePem)).toBe(true);
    expect(sameCertificate(signer.chainPem[1]!, chain.rootPem)).toBe(true);
  });

  it('refuses, saying why: wrong password, no key, no CA certificate, weak or unsupported keys, not PKCS#12', { timeout: 60_000 }, async () => {
    const ec = opensslChain(tempDir(), 'ec-p256');
    await expect(importPkcs12(exportPkcs12(ec, PASSWORD), 'not the password')).rejects.toThrow(/wrong password/);
    // Without a MAC the wrong password only shows when decrypting.
    await expect(importPkcs12(exportPkcs12(ec, PASSWORD, ['-nomac']), 'not the password')).rejects.toThrow(/wrong password/);
    await expect(importPkcs12(exportPkcs12(ec, PASSWORD, ['-nokeys']), PASSWORD)).rejects.toThrow(/holds no private key/);
    await expect(importPkcs12(exportPkcs12(ec, PASSWORD, ['-nochain']), PASSWORD)).rejects.toThrow(/lacks the certificate of the CA/);
    await expect(importPkcs12(new Uint8Array([1, 2, 3]), PASSWORD)).rejects.toThrow(/not PKCS#12/);
    // OpenSSL's -legacy: certificates under RC2-40, which Node's OpenSSL 3 cannot decrypt.
    await expect(importPkcs12(exportPkcs12(ec, PASSWORD, ['-legacy']), PASSWORD)).rejects.toThrow(/RC2 or RC4.*export it again with AES/);

    const rsa2048 = opensslChain(tempDir(), 'rsa-2048');
    await expect(importPkcs12(exportPkcs12(rsa2048, PASSWORD), PASSWORD)).rejects.toThrow(
      /RSA-2048; document signing needs RSA with at least 3072 bits or ECDSA P-256/,
    );
    const p384 = opensslChain(tempDir(), 'ec-p384');
    await expect(importPkcs12(exportPkcs12(p384, PASSWORD), PASSWORD)).rejects.toThrow(/ECDSA on curve secp384r1/);
  });
});
