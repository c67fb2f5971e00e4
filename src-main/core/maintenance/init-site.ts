import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import type { Clock } from '@shared/domain/time';
import { toTimestamp } from '@shared/domain/time';
import { newUuidV7 } from '@shared/domain/ids';
import { DataKey } from '../keys/data-key';
import { freshProvider, type ProviderChoice } from '../keys/providers';
import type { KeyProviderContext } from '../keys/key-provider';
import { issueRecoveryKey, wrapForRecovery } from '../keys/recovery-key';
import { openSqliteStore } from '../store/sqlite/open-store';
import { ATTACHMENT_KEY_SECRET } from '../attachments/attachment-store';
import { osActor } from '../audit/os-actor';
import { storeNewSigningKey } from '../audit/evidence/signing-keys';
import { newSiteSigner, storeDocumentSigner } from '../reports/exports/document-signers';
import { recoveryAad, writeSiteConfig, type SiteConfig } from '../site/site-config';
import type { SitePaths } from '../site/data-dir';
import type { UnlockedSite } from '../site/unlock';

export class SiteExistsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SiteExistsError';
  }
}

export interface InitResult {
  config: SiteConfig;
  /** Shown once; Clearline keeps only its public half. */
  recoveryKey: string;
  /** The new site's key and provider, so the caller can open it without asking the operator again. */
  unlocked: UnlockedSite;
}

/**
 * Creates a site: a random data key kept by the provider the operator chose, a recovery key
 * pair, the encrypted database with its schema, and clearline.json. The config is written
 * last, so an interrupted init leaves no half-usable site behind, only files to remove.
 */
export async function initSite(options: {
  paths: SitePaths;
  siteName: string;
  provider: ProviderChoice;
  ctx: KeyProviderContext;
  clock: Clock;
}): Promise<InitResult> {
  const { paths, clock } = options;
  if (existsSync(paths.config))
    throw new SiteExistsError(`a site already exists in ${paths.dataDir}; use another --data-dir, or \`clearline restore\` to replace its data`);
  if (existsSync(paths.database)) {
    throw new SiteExistsError(
      `${paths.database} exists without ${paths.config}: an earlier init was interrupted. Remove the data folder ${paths.dataDir} and run init again`,
    );
  }
  mkdirSync(paths.dataDir, { recursive: true, mode: 0o700 });

  const now = clock.now();
  const at = toTimestamp(now);
  const siteId = newUuidV7(now);
  const key = DataKey.generate();
  const provider = freshProvider(options.provider, siteId, options.ctx);
  const keyProvider = await provider.save('current', key);
  const recovery = issueRecoveryKey();
  const documentSigner = await newSiteSigner(options.siteName, now);

  const store = openSqliteStore(paths.database, key, at, { create: true });
  try {
    await store.unit(async (tx) => {
      await tx.site.create({ siteId, name: options.siteName, createdAt: at });
      await tx.site.putSecret(ATTACHMENT_KEY_SECRET, randomBytes(32), at);
      await tx.audit.append(
        {
          actor: osActor(),
          action: 'site.initialized',
          subject: { type: 'site', id: siteId },
          payload: { siteName: options.siteName, keyProvider: keyProvider.kind, dataKeyId: key.id, recoveryPublicKey: recovery.publicKey },
        },
        at,
      );
      // The keys that sign the site's evidence: checkpoints and manifests (Ed25519), report PDFs (X.509).
      await storeNewSigningKey(tx, at, osActor());
      await storeDocumentSigner(tx, documentSigner, 'site-ca', at, osActor());
    });
  } finally {
    await store.close();
  }

  const config: SiteConfig = {
    format: 1,
    siteId,
    siteName: options.siteName,
    createdAt: at,
    keyProvider,
    dataKeyId: key.id,
    recovery: { publicKey: recovery.publicKey, issuedAt: at, wrappedDataKey: wrapForRecovery(key, recovery.publicKey, recoveryAad(siteId)) },
  };
  writeSiteConfig(paths.config, config);
  return { config, recoveryKey: recovery.display, unlocked: { config, provider, key } };
}
