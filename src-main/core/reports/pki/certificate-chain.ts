import type { X509Certificate } from 'node:crypto';

/** Longer chains than this are not built: real PKIs have at most a few intermediates. */
const MAX_DEPTH = 8;

function issuedBy(child: X509Certificate, issuer: X509Certificate): boolean {
  return child.checkIssued(issuer) && child.verify(issuer.publicKey);
}

function isSelfSigned(certificate: X509Certificate): boolean {
  return issuedBy(certificate, certificate);
}

function validAt(certificate: X509Certificate, at: Date): boolean {
  return at >= new Date(certificate.validFrom) && at <= new Date(certificate.validTo);
}

export function oneLineName(name: string): string {
  return name.split('\n').join(', ');
}

/**
 * The issuers of `leaf` found in `pool`, nearest first, up to a self-signed root or the last
 * issuer present. Certificates of the pool that are not on the path are left out.
 */
export function issuerPath(leaf: X509Certificate, pool: X509Certificate[]): X509Certificate[] {
  const path: X509Certificate[] = [];
  let current = leaf;
  while (path.length < MAX_DEPTH && !isSelfSigned(current)) {
    const issuer = pool.find((candidate) => candidate.ca && !path.includes(candidate) && issuedBy(current, candidate));
    if (!issuer) break;
    path.push(issuer);
    current = issuer;
  }
  return path;
}

/**
 * Whether `leaf` chains to one of `anchors` through CA certificates of `intermediates`, every
 * certificate on the way valid at `at` (the claimed signing time: without a timestamp it is
 * the only time the signature speaks of).
 */
export function chainToAnchor(leaf: X509Certificate, intermediates: X509Certificate[], anchors: X509Certificate[], at: Date): { ok: boolean; detail: string } {
  const path = [leaf, ...issuerPath(leaf, [...anchors, ...intermediates])];
  const anchorIndex = path.findIndex((c) => anchors.some((a) => a.raw.equals(c.raw)));
  if (anchorIndex < 0) {
    const top = path[path.length - 1]!;
    return { ok: false, detail: `no path from ${oneLineName(leaf.subject)} to the trust anchor: the chain ends at ${oneLineName(top.subject)}` };
  }
  const expired = path.slice(0, anchorIndex + 1).find((c) => !validAt(c, at));
  if (expired)
    return {
      ok: false,
      detail: `${oneLineName(expired.subject)} is valid ${expired.validFrom} – ${expired.validTo}, not at the signing time ${at.toISOString()}`,
    };
  const names = path.slice(0, anchorIndex + 1).map((c) => oneLineName(c.subject));
  return { ok: true, detail: `${names.join(' → ')} (valid at the signing time ${at.toISOString()})` };
}
