import type { KeyObject } from 'node:crypto';
import type { SigningKeyInfo } from '@shared/contract/evidence';
import type { AuditActor } from '@shared/domain/audit';
import type { Repositories } from '../../store/repositories';
import type { SigningKeyRow } from '../../store/evidence-repositories';
import { exportPrivateKey, fingerprintOf, generateSigningKey, importPrivateKey } from '../checkpoints/keys';

/**
 * The site's Ed25519 key that signs checkpoints and report manifests. The private half is a
 * site secret, inside the encrypted database like the attachment key: the data key protects
 * it, a rekey covers it, a backup carries it. It is never logged, audited or returned by
 * the contract; only its public half, id and fingerprint are.
 */
export interface SiteSigningKey {
  keyId: string;
  publicKey: string;
  privateKey: KeyObject;
}

const SYSTEM: AuditActor = { kind: 'system', component: 'audit-evidence' };

export function signingKeySecret(keyId: string): string {
  return `audit-signing-key/${keyId}`;
}

export function signingKeyInfo(row: SigningKeyRow): SigningKeyInfo {
  return {
    keyId: row.keyId,
    publicKey: row.publicKey,
    fingerprint: fingerprintOf(row.publicKey),
    createdAt: row.createdAt as SigningKeyInfo['createdAt'],
    retiredAt: row.retiredAt as SigningKeyInfo['retiredAt'],
  };
}

/** A fresh key, stored in the caller's unit of work; the caller retires the previous one (rotation) or there is none (a new site). */
export async function storeNewSigningKey(tx: Repositories, at: string, actor: AuditActor = SYSTEM): Promise<SiteSigningKey> {
  const key = generateSigningKey();
  await tx.site.putSecret(signingKeySecret(key.keyId), Buffer.from(exportPrivateKey(key.privateKey), 'base64'), at);
  await tx.signingKeys.insert({ keyId: key.keyId, publicKey: key.publicKey, createdAt: at });
  await tx.audit.append(
    {
      actor,
      action: 'audit.signing-key.created',
      subject: { type: 'signing-key', id: key.keyId },
      payload: { keyId: key.keyId, publicKey: key.publicKey, fingerprint: fingerprintOf(key.publicKey) },
    },
    at,
  );
  return { keyId: key.keyId, publicKey: key.publicKey, privateKey: key.privateKey };
}

export async function loadSigningKey(tx: Repositories, row: SigningKeyRow): Promise<SiteSigningKey> {
  const secret = await tx.site.getSecret(signingKeySecret(row.keyId));
  if (!secret) throw new Error(`the private half of signing key ${row.keyId} is missing from the site secrets: restore the database from a backup`);
  return { keyId: row.keyId, publicKey: row.publicKey, privateKey: importPrivateKey(secret.toString('base64')) };
}

/**
 * The key in force. Sites created before checkpoints existed get theirs here, at the first
 * checkpoint or export, so this needs a write unit of work.
 */
export async function signingKeyInForce(tx: Repositories, at: string): Promise<SiteSigningKey> {
  const row = await tx.signingKeys.current();
  return row ? loadSigningKey(tx, row) : storeNewSigningKey(tx, at);
}
