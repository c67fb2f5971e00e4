/**
 * A key's fingerprint for reading: the 64 hex digits that reports print and `sha256sum`
 * prints (docs/audit-evidence.md § Keys), in groups of four, to compare by eye with the one
 * the site's administrator gives out of band. What is copied is always the bare digits.
 */
export function groupedFingerprint(hex: string): string {
  return (hex.match(/.{1,4}/g) ?? []).join(' ');
}
