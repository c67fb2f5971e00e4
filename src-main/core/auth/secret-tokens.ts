import { createHash, randomBytes } from 'node:crypto';

/**
 * Bearer secrets (session tokens, personal access tokens, setup tokens) are random and
 * stored only as SHA-256 hashes: they have full entropy, so a plain hash is enough and a
 * stolen database yields nothing usable.
 */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export function newBearerToken(prefix: string): { token: string; hash: string } {
  const token = `${prefix}${randomBytes(32).toString('base64url')}`;
  return { token, hash: hashToken(token) };
}

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A token a person types from a terminal: 20 Crockford base32 characters (100 bits) in groups of five. */
export function newTypedToken(): { token: string; hash: string } {
  const bytes = randomBytes(20);
  const chars = Array.from(bytes, (b) => CROCKFORD[b % 32]).join('');
  const token = chars.match(/.{5}/g)?.join('-') ?? chars;
  return { token, hash: hashTypedToken(token) };
}

export function hashTypedToken(typed: string): string {
  const normalized = typed.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  return hashToken(`typed:${normalized}`);
}
