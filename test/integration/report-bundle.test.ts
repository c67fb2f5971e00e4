import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  createSiteDocumentSigner,
  importPkcs12,
  verifyReportBundle,
  writeReportBundle,
  type DocumentSigner,
  type ManifestKey,
} from '../../src-main/core/reports';
import { VERIFY_COMMANDS } from '../../src-main/core/reports/readme-text';
import { exportPkcs12, opensslChain } from '../fixtures/reports/openssl-pki';
import { manifestKeyPair, syntheticContent, syntheticEvents } from '../fixtures/reports/synthetic-report';
import { shell, tool } from '../fixtures/reports/tools';
import { useTempDirs } from '../support/temp';

const tempDir = useTempDirs();
const EVENTS = 10_000;
const LISTED = ['report.pdf', 'events.csv', 'evidence.json', 'manifest-key.pem', 'site-ca.pem', 'README.txt'];

type SiteSigner = DocumentSigner & { caCertificatePem: string };
const signers: Partial<Record<DocumentSigner['algorithm'], SiteSigner>> = {};
let manifestKey: ManifestKey;

beforeAll(async () => {
  manifestKey = manifestKeyPair();
  const now = new Date('2026-01-15T00:00:00.000Z');
  signers['ecdsa-p256'] = await createSiteDocumentSigner('Zürich Back Office', 'ecdsa-p256', now);
  signers['rsa-3072'] = await createSiteDocumentSigner('Zürich Back Office', 'rsa-3072', now);
});

function pdfsigTrusted(folder: string): string {
  // README steps 4 verbatim, then the temporary NSS database is removed.
  return shell(`${VERIFY_COMMANDS.nssCreate} && ${VERIFY_COMMANDS.nssImport} && ${VERIFY_COMMANDS.pdfTrusted}; rm -rf "$NSSDB"`, folder).output;
}

/** Offset of a byte inside the first signed range of the PDF (in the page content, away from the signature). */
function signedPdfOffset(pdf: Buffer): number {
  const match = /\/ByteRange \[0 (\d+) (\d+) (\d+)\]/.exec(pdf.toString('latin1'));
  if (!match) throw new Error('no ByteRange');
  return Math.floor(Number(match[1]) / 2);
}

describe.each(['ecdsa-p256', 'rsa-3072'] as const)('a report bundle signed with %s', (algorithm) => {
  let folder: string;

  beforeAll(async () => {
    const parent = mkdtempSync(join(tmpdir(), 'clearline-report-'));
    folder = join(parent, 'report');
    const phases = new Set<string>();
    const written = await writeReportBundle(folder, syntheticContent(EVENTS, manifestKey), signers[algorithm]!, manifestKey, (_d, _t, phase) =>
      phases.add(phase),
    );
    expect([...phases]).toEqual(['events', 'timeline', 'pdf', 'manifest']);
    expect(written.files.map((f) => f.name).sort()).toEqual([...LISTED, 'manifest.json', 'manifest.sig'].sort());
    expect(readdirSync(folder).sort()).toEqual(written.files.map((f) => f.name).sort());
    return () => rmSync(parent, { recursive: true, force: true });
  });

  it('verifies with Clearline, against the folder and against keys given by the auditor', async () => {
    const inFolder = await verifyReportBundle(folder);
    expect(inFolder.checks.filter((c) => !c.ok)).toEqual([]);
    expect(inFolder.ok).toBe(true);
    expect(inFolder.checks.find((c) => c.name.startsWith('manifest.sig'))?.detail).toMatch(/manifest-key\.pem from the folder/);

    const given = await verifyReportBundle(folder, { manifestPublicKeyRaw: manifestKey.publicKeyRaw, caCertificatePem: signers[algorithm]!.caCertificatePem });
    expect(given.ok).toBe(true);
    expect(given.checks.find((c) => c.name.startsWith('manifest.sig'))?.detail).toMatch(/the key given to the verifier/);
    expect(given.checks.find((c) => c.name === 'report.pdf certificate chain')?.detail).toMatch(/given to the verifier/);
    expect(given.checks.find((c) => c.name === 'events.csv matches evidence.json')?.detail).toContain(`${EVENTS} events`);

    const otherCa = await createSiteDocumentSigner('Another Site', algorithm, new Date('2026-01-15T00:00:00.000Z'));
    const wrongCa = await verifyReportBundle(folder, { caCertificatePem: otherCa.caCertificatePem });
    expect(wrongCa.checks.filter((c) => !c.ok).map((c) => c.name)).toEqual(['report.pdf certificate chain']);
    const wrongKey = await verifyReportBundle(folder, { manifestPublicKeyRaw: manifestKeyPair().publicKeyRaw });
    expect(wrongKey.checks.filter((c) => !c.ok).map((c) => c.name)).toEqual([
      'manifest.sig (Ed25519 over manifest.json)',
      "manifest-key.pem and the manifest's signing key",
    ]);
  });

  it('verifies with public tools only, running the commands of README.txt', () => {
    const readme = readFileSync(join(folder, 'README.txt'), 'utf8');
    for (const command of Object.values(VERIFY_COMMANDS)) expect(readme).toContain(command);

    const signature = shell(VERIFY_COMMANDS.manifestSignature, folder);
    expect(signature.output).toContain('Signature Verified Successfully');
    expect(signature.code).toBe(0);

    const fingerprint = shell(VERIFY_COMMANDS.manifestKeyFingerprint, folder);
    expect(fingerprint.output.split(' ')[0]).toBe(syntheticContent(0, manifestKey).signingKeyFingerprint);

    const sums = shell(VERIFY_COMMANDS.fileHashes, folder);
    expect(sums.code).toBe(0);
    expect(sums.output.trim().split('\n').sort()).toEqual(LISTED.map((name) => `${name}: OK`).sort());

    const pdfsig = tool('pdfsig', ['report.pdf'], { cwd: folder }).output;
    console.log(`pdfsig (${algorithm}):\n${pdfsig}`);
    expect(pdfsig).toContain('Signature Validation: Signature is Valid.');
    expect(pdfsig).toContain('Total document signed');
    expect(pdfsig).toContain('Signature Type: ETSI.CAdES.detached');

    // The first page states the manifest key and the data files' hashes; the timeline is bounded.
    const text = tool('pdftotext', ['-layout', 'report.pdf', '-'], { cwd: folder }).output;
    const firstPage = text.split('\f')[0]!;
    expect(firstPage).toContain(syntheticContent(0, manifestKey).signingKeyFingerprint);
    const manifest = JSON.parse(readFileSync(join(folder, 'manifest.json'), 'utf8')) as { files: { name: string; sha256: string }[] };
    for (const name of ['events.csv', 'evidence.json']) expect(firstPage).toContain(manifest.files.find((f) => f.name === name)!.sha256);
    expect(firstPage).toMatch(/Page 1 of \d+/);
    expect(text).toContain('500 further timeline entries are omitted from this PDF');

    const trusted = pdfsigTrusted(folder);
    console.log(`pdfsig -nssdir (${algorithm}):\n${trusted}`);
    expect(trusted).toContain('Signature Validation: Signature is Valid.');
    expect(trusted).toContain('Certificate Validation: Certificate is Trusted.');
  });

  it('fails, naming the file, when any one byte of any file is flipped, and so do the public tools', async () => {
    for (const name of readdirSync(folder)) {
      const copy = join(tempDir(), 'report');
      cpSync(folder, copy, { recursive: true });
      const path = join(copy, name);
      const bytes = readFileSync(path);
      const offset = name === 'report.pdf' ? signedPdfOffset(bytes) : Math.floor(bytes.length / 2);
      bytes[offset]! ^= 0x01;
      writeFileSync(path, bytes);

      const result = await verifyReportBundle(copy);
      const failed = result.checks.filter((c) => !c.ok);
      expect(result.ok, name).toBe(false);
      expect(
        failed.some((c) => c.name.includes(name) || c.detail.includes(name)),
        `${name}: ${JSON.stringify(failed)}`,
      ).toBe(true);

      if (LISTED.includes(name)) {
        expect(failed.map((c) => c.name)).toContain(`${name} SHA-256`);
        const sums = shell(VERIFY_COMMANDS.fileHashes, copy);
        expect(sums.code, name).not.toBe(0);
        expect(sums.output).toContain(`${name}: FAILED`);
      } else {
        expect(failed.map((c) => c.name)).toContain('manifest.sig (Ed25519 over manifest.json)');
        expect(shell(VERIFY_COMMANDS.manifestSignature, copy).output).not.toContain('Signature Verified Successfully');
      }
      if (name === 'manifest-key.pem') expect(shell(VERIFY_COMMANDS.manifestSignature, copy).output).not.toContain('Signature Verified Successfully');
      if (name === 'report.pdf') {
        expect(failed.map((c) => c.name)).toContain('report.pdf signature');
        const pdfsig = tool('pdfsig', ['report.pdf'], { cwd: copy }).output;
        expect(pdfsig).not.toContain('Signature is Valid');
        console.log(`pdfsig after flipping byte ${offset} of report.pdf (${algorithm}): ${pdfsig.match(/Signature Validation: .*/)?.[0]}`);
      }
    }
  });
});

describe('a report of a million events', () => {
  it('streams to disk with bounded memory and reports progress', async () => {
    const count = 1_000_000;
    const folder = join(tempDir(), 'report');
    const before = process.memoryUsage().rss;
    let peak = before;
    let lastEvents = 0;
    const started = performance.now();
    const written = await writeReportBundle(
      folder,
      syntheticContent(count, manifestKey, { cheapHashes: true }),
      signers['ecdsa-p256']!,
      manifestKey,
      (done, total, phase) => {
        peak = Math.max(peak, process.memoryUsage().rss);
        if (phase === 'events') {
          expect(total).toBe(count);
          expect(done).toBeGreaterThanOrEqual(lastEvents);
          lastEvents = done;
        }
      },
    );
    const growthMb = (peak - before) / 2 ** 20;
    const csv = written.files.find((f) => f.name === 'events.csv')!;
    const evidence = written.files.find((f) => f.name === 'evidence.json')!;
    console.log(
      `1,000,000 events in ${((performance.now() - started) / 1000).toFixed(1)} s: events.csv ${(csv.bytes / 2 ** 20).toFixed(0)} MB, ` +
        `evidence.json ${(evidence.bytes / 2 ** 20).toFixed(0)} MB, peak RSS growth ${growthMb.toFixed(1)} MB`,
    );
    expect(lastEvents).toBe(count);
    expect(growthMb).toBeLessThan(200);
    // The manifest of a big export still checks out with sha256sum alone.
    expect(shell(VERIFY_COMMANDS.fileHashes, folder).code).toBe(0);
  }, 180_000);
});

describe('a report signed with a bank chain imported from PKCS#12', () => {
  it('carries the chain so that pdfsig trusts it with the bank root alone', async () => {
    const chain = opensslChain(tempDir(), 'rsa-3072');
    const signer = await importPkcs12(exportPkcs12(chain, 'p12-password'), 'p12-password');
    const folder = join(tempDir(), 'report');
    // openssl cannot backdate certificates, so this report is generated now.
    await writeReportBundle(folder, { ...syntheticContent(500, manifestKey), generatedAt: new Date().toISOString() }, signer, manifestKey);

    expect(readFileSync(join(folder, 'site-ca.pem'), 'utf8')).toBe(chain.rootPem + chain.intermediatePem);
    const result = await verifyReportBundle(folder, { caCertificatePem: chain.rootPem, manifestPublicKeyRaw: manifestKey.publicKeyRaw });
    expect(result.checks.filter((c) => !c.ok)).toEqual([]);
    expect(result.checks.find((c) => c.name === 'report.pdf certificate chain')?.detail).toMatch(
      /Clearline Report Signing → .*Test Bank Issuing CA → .*Test Bank Root CA/,
    );
    const trusted = pdfsigTrusted(folder);
    console.log(`pdfsig -nssdir (bank chain):\n${trusted}`);
    expect(trusted).toContain('Signature Validation: Signature is Valid.');
    expect(trusted).toContain('Certificate Validation: Certificate is Trusted.');
  });
});

describe('writing a report', () => {
  it('refuses a wrong fingerprint, a used folder and an expired signer, and leaves nothing behind on failure', async () => {
    const signer = signers['ecdsa-p256']!;
    const parent = tempDir();
    const folder = join(parent, 'report');

    const otherKey = manifestKeyPair();
    await expect(
      writeReportBundle(
        folder,
        { ...syntheticContent(10, manifestKey), signingKeyFingerprint: syntheticContent(0, otherKey).signingKeyFingerprint },
        signer,
        manifestKey,
      ),
    ).rejects.toThrow(/is not the manifest key's fingerprint/);
    await expect(writeReportBundle(folder, syntheticContent(10, manifestKey), signer, { ...manifestKey, publicKeyRaw: otherKey.publicKeyRaw })).rejects.toThrow(
      /does not match publicKeyRaw/,
    );
    await expect(
      writeReportBundle(folder, { ...syntheticContent(10, manifestKey), generatedAt: '2099-01-01T00:00:00.000Z' }, signer, manifestKey),
    ).rejects.toThrow(/valid from .* not at 2099-01-01/);

    async function* failing() {
      yield* syntheticEvents(5);
      throw new Error('the store went away');
    }
    await expect(writeReportBundle(folder, { ...syntheticContent(10, manifestKey), events: failing() }, signer, manifestKey)).rejects.toThrow(
      /the store went away/,
    );
    expect(readdirSync(parent)).toEqual([]);

    await writeReportBundle(folder, syntheticContent(10, manifestKey), signer, manifestKey);
    await expect(writeReportBundle(folder, syntheticContent(10, manifestKey), signer, manifestKey)).rejects.toThrow(/already exists and is not empty/);
    expect(readdirSync(parent)).toEqual(['report']);
  });
});
