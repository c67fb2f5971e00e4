import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ed25519Fingerprint, ed25519SpkiPem } from '../../../src-main/core/reports/manifest/ed25519-key';
import { manifestBytes, manifestSignatureValid, parseManifest, signManifest, type Manifest } from '../../../src-main/core/reports/manifest/manifest';
import { ed25519PublicKey } from '../../../src-main/core/reports/manifest/ed25519-key';
import { VERIFY_COMMANDS } from '../../../src-main/core/reports/readme-text';
import { manifestKeyPair } from '../../fixtures/reports/synthetic-report';
import { shell } from '../../fixtures/reports/tools';
import { useTempDirs } from '../../support/temp';

const tempDir = useTempDirs();

describe('the signed manifest', () => {
  const key = manifestKeyPair();
  const manifest: Manifest = {
    format: 1,
    site: { id: 's-1', name: 'Zürich' },
    generatedAt: '2026-02-01T08:00:00.000Z',
    files: [{ name: 'events.csv', sha256: 'a'.repeat(64), bytes: 12 }],
    signingKey: { algorithm: 'Ed25519', publicKey: key.publicKeyRaw, fingerprint: ed25519Fingerprint(key.publicKeyRaw) },
  };

  it('is canonical JSON, signed over its exact bytes, with a fingerprint openssl reproduces', () => {
    const bytes = manifestBytes(manifest);
    expect(bytes.toString()).toBe(
      `{"files":[{"bytes":12,"name":"events.csv","sha256":"${'a'.repeat(64)}"}],"format":1,"generatedAt":"2026-02-01T08:00:00.000Z","signingKey":{"algorithm":"Ed25519","fingerprint":"${manifest.signingKey.fingerprint}","publicKey":"${key.publicKeyRaw}"},"site":{"id":"s-1","name":"Zürich"}}`,
    );
    expect(parseManifest(bytes)).toEqual(manifest);
    const signature = signManifest(bytes, key.privateKey);
    expect(signature).toHaveLength(64);
    const publicKey = ed25519PublicKey(key.publicKeyRaw);
    expect(manifestSignatureValid(bytes, signature, publicKey)).toBe(true);
    expect(manifestSignatureValid(Buffer.concat([bytes, Buffer.from(' ')]), signature, publicKey)).toBe(false);

    const dir = tempDir();
    writeFileSync(join(dir, 'manifest.json'), bytes);
    writeFileSync(join(dir, 'manifest.sig'), signature);
    writeFileSync(join(dir, 'manifest-key.pem'), ed25519SpkiPem(key.publicKeyRaw));
    expect(shell(VERIFY_COMMANDS.manifestSignature, dir).output).toContain('Signature Verified Successfully');
    expect(shell(VERIFY_COMMANDS.manifestKeyFingerprint, dir).output).toBe(`${manifest.signingKey.fingerprint}  -\n`);
  });
});
