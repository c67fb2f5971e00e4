import { X509Certificate } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { BUNDLE, MANIFEST_LISTED } from './bundle-layout';
import { errorText, fail, pass, type Check } from './check';
import { checkEventData } from './data/event-data-check';
import { fileDigest } from './data/file-digest';
import type { FileDigest } from './data/hashing-file-writer';
import { checkManifest } from './manifest/manifest-check';
import type { Manifest } from './manifest/manifest';
import { verifyPdfSignature, type TrustAnchors } from './pades/pades-verify';
import type { DataBinding } from './pdf/data-binding';
import { pemDecodeAll } from './pki/pem';

export interface ReportVerification {
  ok: boolean;
  checks: Check[];
}

async function digestOrNull(path: string): Promise<FileDigest | null> {
  return fileDigest(path).catch(() => null);
}

/** Each listed file against its manifest entry. Only the fixed bundle names are read, never a path from the manifest. */
function fileChecks(manifest: Manifest, digests: Map<string, FileDigest | null>): Check[] {
  const unknown = manifest.files.filter((f) => !MANIFEST_LISTED.includes(f.name)).map((f) => f.name);
  const checks = MANIFEST_LISTED.map((name) => {
    const entry = manifest.files.find((f) => f.name === name);
    const actual = digests.get(name);
    const check = `${name} SHA-256`;
    if (!entry) return fail(check, `${BUNDLE.manifest} does not list ${name}`);
    if (!actual) return fail(check, `${name} is missing`);
    if (actual.sha256 !== entry.sha256 || actual.bytes !== entry.bytes)
      return fail(
        check,
        `${name} is not the file the manifest lists: SHA-256 ${actual.sha256} (${actual.bytes} bytes), listed ${entry.sha256} (${entry.bytes} bytes)`,
      );
    return pass(check, `${entry.sha256} as listed`);
  });
  if (unknown.length) checks.push(fail(`${BUNDLE.manifest} files`, `lists files that are not part of a report: ${unknown.join(', ')}`));
  return checks;
}

async function trustAnchors(folder: string, caCertificatePem?: string): Promise<TrustAnchors | string> {
  const pem = caCertificatePem ?? (await readFile(join(folder, BUNDLE.siteCa), 'utf8').catch(() => null));
  if (pem === null) return `${BUNDLE.siteCa} is missing and no CA was given`;
  try {
    const certificates = pemDecodeAll(pem, 'CERTIFICATE').map((der) => new X509Certificate(der));
    if (certificates.length === 0) return `${caCertificatePem ? 'the CA given' : BUNDLE.siteCa} holds no certificate`;
    const source = caCertificatePem
      ? 'the CA certificate given to the verifier'
      : `${BUNDLE.siteCa} from the folder (this shows consistency, not origin: give the site CA you trust to prove who signed)`;
    return { certificates, source };
  } catch (error) {
    return `${caCertificatePem ? 'the CA given' : BUNDLE.siteCa} is not a certificate: ${errorText(error)}`;
  }
}

async function pdfChecks(folder: string, caCertificatePem?: string): Promise<{ checks: Check[]; binding: DataBinding | null }> {
  const pdf = await readFile(join(folder, BUNDLE.pdf)).catch(() => null);
  if (!pdf) return { binding: null, checks: [fail('report.pdf signature', `${BUNDLE.pdf} is missing`)] };
  const anchors = await trustAnchors(folder, caCertificatePem);
  if (typeof anchors === 'string') {
    const result = await verifyPdfSignature(pdf, { certificates: [], source: anchors });
    return { binding: result.binding, checks: [...result.checks.slice(0, 1), fail('report.pdf certificate chain', anchors)] };
  }
  return verifyPdfSignature(pdf, anchors);
}

function bindingCheck(binding: DataBinding | null, digests: Map<string, FileDigest | null>): Check {
  const name = `${BUNDLE.pdf} names ${BUNDLE.csv} and ${BUNDLE.evidence}`;
  if (!binding) return fail(name, `${BUNDLE.pdf} does not state the data files' SHA-256`);
  const mismatched = [
    binding.csv !== digests.get(BUNDLE.csv)?.sha256 && BUNDLE.csv,
    binding.evidence !== digests.get(BUNDLE.evidence)?.sha256 && BUNDLE.evidence,
  ].filter(Boolean);
  return mismatched.length
    ? fail(name, `the signed PDF names another ${mismatched.join(' and ')}`)
    : pass(name, 'the SHA-256 stated in the signed PDF match the files');
}

/**
 * Checks a report folder and returns every problem found, not just the first: the manifest
 * signature (with the given Ed25519 key, else the folder's, and says which), each file's
 * SHA-256, the PDF's PAdES signature and chain (to the given CA, else the folder's), the
 * data-file hashes the PDF states, and events.csv against evidence.json event by event.
 */
export async function verifyReportBundle(
  folder: string,
  options: { manifestPublicKeyRaw?: string; caCertificatePem?: string } = {},
): Promise<ReportVerification> {
  const manifest = await checkManifest(folder, options.manifestPublicKeyRaw);
  const digests = new Map<string, FileDigest | null>();
  for (const name of MANIFEST_LISTED) digests.set(name, await digestOrNull(join(folder, name)));

  const checks: Check[] = [...manifest.checks];
  if (manifest.manifest) checks.push(...fileChecks(manifest.manifest, digests));
  const pdf = await pdfChecks(folder, options.caCertificatePem);
  checks.push(...pdf.checks, bindingCheck(pdf.binding, digests));

  const data = await checkEventData(join(folder, BUNDLE.csv), join(folder, BUNDLE.evidence));
  checks.push(...data.checks);
  if (manifest.manifest && data.head) {
    const same =
      data.head.site.id === manifest.manifest.site.id &&
      data.head.site.name === manifest.manifest.site.name &&
      data.head.generatedAt === manifest.manifest.generatedAt;
    const name = `${BUNDLE.evidence} and ${BUNDLE.manifest} describe the same report`;
    checks.push(same ? pass(name, 'same site and generation time') : fail(name, 'the site or the generation time differ'));
  }
  return { ok: checks.every((c) => c.ok), checks };
}
