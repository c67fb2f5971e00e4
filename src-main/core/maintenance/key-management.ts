import type { Clock } from '@shared/domain/time';
import { toTimestamp } from '@shared/domain/time';
import type { AuditRecord } from '@shared/domain/audit';
import type { KeyProviderContext } from '../keys/key-provider';
import { freshProvider, type ProviderChoice } from '../keys/providers';
import { issueRecoveryKey, unwrapWithRecoveryKey, wrapForRecovery } from '../keys/recovery-key';
import { KeyRejectedError } from '../store/sqlite/connection';
import { keyOpens } from '../store/sqlite/file-ops';
import { openSqliteStore } from '../store/sqlite/open-store';
import type { DataKey } from '../keys/data-key';
import { osActor } from '../audit/os-actor';
import { readSiteConfig, recoveryAad, writeSiteConfig, type SiteConfig } from '../site/site-config';
import { unlockSite } from '../site/unlock';
import { acquireShared } from '../site/site-lock';
import type { SitePaths } from '../site/data-dir';

/**
 * Key administration that re-wraps the data key without touching the database pages:
 * moving to another provider, changing the passphrase, re-issuing the recovery key, and
 * regaining access with the recovery key when the provider lost the key.
 */
async function audit(paths: SitePaths, key: DataKey, clock: Clock, record: Omit<AuditRecord, 'actor'>): Promise<void> {
  const store = openSqliteStore(paths.database, key, toTimestamp(clock.now()));
  try {
    await store.unit((tx) => tx.audit.append({ ...record, actor: osActor() }, toTimestamp(clock.now())));
  } finally {
    await store.close();
  }
}

async function withSharedLock<T>(paths: SitePaths, work: () => Promise<T>): Promise<T> {
  const lock = acquireShared(paths);
  try {
    return await work();
  } finally {
    lock.release();
  }
}

/** Moves the data key to another provider (also used to change the passphrase: passphrase → passphrase with a new one). */
export async function changeKeyProvider(
  paths: SitePaths,
  unlockCtx: KeyProviderContext,
  choice: ProviderChoice,
  newCtx: KeyProviderContext,
  clock: Clock,
): Promise<SiteConfig> {
  return withSharedLock(paths, async () => {
    const { config, key, provider: previous } = await unlockSite(paths, unlockCtx);
    const next = freshProvider(choice, config.siteId, newCtx);
    const updated: SiteConfig = { ...config, keyProvider: await next.save('current', key) };
    writeSiteConfig(paths.config, updated);
    await audit(paths, key, clock, {
      action: 'site.key-provider.changed',
      subject: { type: 'site', id: config.siteId },
      payload: { from: previous.kind, to: next.kind, dataKeyId: key.id },
    });
    return updated;
  });
}

export async function reissueRecoveryKey(paths: SitePaths, ctx: KeyProviderContext, clock: Clock): Promise<{ recoveryKey: string; config: SiteConfig }> {
  return withSharedLock(paths, async () => {
    const { config, key } = await unlockSite(paths, ctx);
    const issued = issueRecoveryKey();
    const updated: SiteConfig = {
      ...config,
      recovery: {
        publicKey: issued.publicKey,
        issuedAt: toTimestamp(clock.now()),
        wrappedDataKey: wrapForRecovery(key, issued.publicKey, recoveryAad(config.siteId)),
      },
    };
    writeSiteConfig(paths.config, updated);
    await audit(paths, key, clock, {
      action: 'site.recovery-key.reissued',
      subject: { type: 'site', id: config.siteId },
      payload: { previousPublicKey: config.recovery.publicKey, publicKey: issued.publicKey },
    });
    return { recoveryKey: issued.display, config: updated };
  });
}

/** When the provider lost the key (keychain wiped, passphrase forgotten, key file gone): the recovery key unwraps it and a provider keeps it again. */
export async function recoverAccess(
  paths: SitePaths,
  recoveryKeyText: string,
  choice: ProviderChoice,
  ctx: KeyProviderContext,
  clock: Clock,
): Promise<SiteConfig> {
  return withSharedLock(paths, async () => {
    const config = readSiteConfig(paths.config);
    const key = unwrapWithRecoveryKey(config.recovery.wrappedDataKey, recoveryKeyText, recoveryAad(config.siteId));
    if (!keyOpens(paths.database, key)) {
      throw new KeyRejectedError(
        `${paths.database} (the recovery wrap in clearline.json is older than the database; restore a backup with --recovery-key instead)`,
      );
    }
    const provider = freshProvider(choice, config.siteId, ctx);
    const updated: SiteConfig = { ...config, keyProvider: await provider.save('current', key), dataKeyId: key.id };
    delete updated.pendingRekey;
    writeSiteConfig(paths.config, updated);
    await audit(paths, key, clock, {
      action: 'site.access.recovered',
      subject: { type: 'site', id: config.siteId },
      payload: { keyProvider: provider.kind, dataKeyId: key.id },
    });
    return updated;
  });
}
