/** PEM (RFC 7468): base64 of DER between BEGIN/END lines, 64 characters a line. */
export function pemEncode(label: string, der: Uint8Array): string {
  const body = Buffer.from(der)
    .toString('base64')
    .replace(/.{1,64}/g, '$&\n');
  return `-----BEGIN ${label}-----\n${body}-----END ${label}-----\n`;
}

/** Every block with this label, in file order; text outside the blocks is ignored as RFC 7468 allows. */
export function pemDecodeAll(text: string, label: string): Buffer[] {
  const pattern = new RegExp(`-----BEGIN ${label}-----([A-Za-z0-9+/=\\s]*?)-----END ${label}-----`, 'g');
  return [...text.matchAll(pattern)].map((m) => Buffer.from((m[1] ?? '').replace(/\s+/g, ''), 'base64'));
}
