import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { SealedBox } from '../keys/aead';
import { RecoveryWrap } from '../keys/recovery-key';
import { writeFileAtomic } from '../fs/durable-fs';

/**
 * clearline.json: the small, non-secret description of a site kept next to its database.
 * It names the key provider the operator chose at init and holds only wrapped keys and
 * public keys, never a usable secret, so it can be read by `doctor` and backed up freely.
 */
export const ScryptParams = z.object({
  name: z.literal('scrypt'),
  N: z.number().int().min(16384),
  r: z.number().int().min(8),
  p: z.number().int().min(1),
  salt: z.string().min(1),
});
export type ScryptParams = z.infer<typeof ScryptParams>;

export const KeySlot = z.enum(['current', 'pending']);
export type KeySlot = z.infer<typeof KeySlot>;

export const KeychainProviderConfig = z.object({
  kind: z.literal('keychain'),
  service: z.string().min(1),
  account: z.string().min(1),
});
export const PassphraseProviderConfig = z.object({
  kind: z.literal('passphrase'),
  kdf: ScryptParams,
  wrapped: z.object({ current: SealedBox, pending: SealedBox.optional() }),
});
export const KeyFileProviderConfig = z.object({
  kind: z.literal('keyfile'),
  path: z.string().min(1),
});
export const EnvProviderConfig = z.object({
  kind: z.literal('env'),
  variable: z.string().regex(/^[A-Z_][A-Z0-9_]*$/),
  /** After a rekey, the new key is written here for the operator to move into the variable. */
  pendingKeyFile: z.string().optional(),
});
export const KeyProviderConfig = z.discriminatedUnion('kind', [KeychainProviderConfig, PassphraseProviderConfig, KeyFileProviderConfig, EnvProviderConfig]);
export type KeyProviderConfig = z.infer<typeof KeyProviderConfig>;
export type KeyProviderKind = KeyProviderConfig['kind'];
export const KEY_PROVIDER_KINDS = ['keychain', 'passphrase', 'keyfile', 'env'] as const satisfies readonly KeyProviderKind[];

export const SiteConfig = z.object({
  format: z.literal(1),
  siteId: z.string().min(1),
  siteName: z.string().min(1),
  createdAt: z.string(),
  keyProvider: KeyProviderConfig,
  /** Which data key the database is encrypted with (its public id, not the key). */
  dataKeyId: z.string().regex(/^[0-9a-f]{16}$/),
  recovery: z.object({
    publicKey: z.string().min(1),
    issuedAt: z.string(),
    /** The current data key wrapped to the recovery public key: lets an admin regain a lost keychain. */
    wrappedDataKey: RecoveryWrap,
  }),
  /** Set while a rekey is between "new file written" and "provider promoted" (see docs/adr/0003). */
  pendingRekey: z.object({ dataKeyId: z.string(), wrappedDataKey: RecoveryWrap }).optional(),
});
export type SiteConfig = z.infer<typeof SiteConfig>;

export class SiteConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SiteConfigError';
  }
}

export function readSiteConfig(path: string): SiteConfig {
  if (!existsSync(path)) {
    throw new SiteConfigError(
      `no Clearline site here (${path} is missing): run \`clearline init\` to create one, or pass --data-dir to point at an existing site`,
    );
  }
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new SiteConfigError(`${path} is not valid JSON (${(error as Error).message}); restore it from a backup of the data folder`);
  }
  const parsed = SiteConfig.safeParse(raw);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new SiteConfigError(
      `${path}: field "${first?.path.join('.') || '(root)'}" ${first?.message ?? 'is invalid'}; restore the file from a backup of the data folder`,
    );
  }
  return parsed.data;
}

export function writeSiteConfig(path: string, config: SiteConfig): void {
  writeFileAtomic(path, `${JSON.stringify(SiteConfig.parse(config), null, 2)}\n`);
}

/** Recovery wraps bind to the site so that one site's wrap cannot be replayed into another. */
export function recoveryAad(siteId: string): string {
  return `clearline:recovery:${siteId}`;
}
