import { existsSync, rmSync } from 'node:fs';
import { DataKey } from '../keys/data-key';
import { KeyUnavailableError, type KeyProvider, type KeyProviderContext } from '../keys/key-provider';
import { providerFor } from '../keys/providers';
import { KeyRejectedError } from '../store/sqlite/connection';
import { keyOpens } from '../store/sqlite/file-ops';
import { readSiteConfig, writeSiteConfig, type SiteConfig } from './site-config';
import type { SitePaths } from './data-dir';

export interface UnlockedSite {
  config: SiteConfig;
  provider: KeyProvider;
  key: DataKey;
}

/**
 * Gets the data key from the site's provider and proves it opens the database. Also
 * finishes or rolls back a rekey that a crash interrupted (docs/adr/0003-rekey.md): the
 * database opens with either the current or the pending key, and the config is brought
 * in line with whichever it is. Callers hold the site lock (shared or exclusive), so no
 * rekey is running while this tidies up after one.
 */
export async function unlockSite(paths: SitePaths, ctx: KeyProviderContext): Promise<UnlockedSite> {
  let config = readSiteConfig(paths.config);
  if (!existsSync(paths.database)) {
    throw new KeyUnavailableError(`the database ${paths.database} is missing although ${paths.config} exists: restore it with \`clearline restore <backup>\``);
  }
  const provider = providerFor(config.keyProvider, config.siteId, ctx);
  const current = await provider.load('current');
  if (!current)
    throw new KeyUnavailableError(`${provider.describe()} holds no data key for this site; regain access with \`clearline recover --recovery-key …\``);

  if (keyOpens(paths.database, current)) {
    // A rekey that never replaced the file: forget the new key and its half-written copy.
    if (config.pendingRekey) {
      config = { ...config, keyProvider: await provider.clear('pending') };
      delete config.pendingRekey;
      writeSiteConfig(paths.config, config);
    }
    rmSync(paths.rekeyTemp, { force: true });
    return { config, provider, key: current };
  }

  const pending = config.pendingRekey ? await provider.load('pending') : null;
  if (pending && config.pendingRekey && pending.id === config.pendingRekey.dataKeyId && keyOpens(paths.database, pending)) {
    config = await promotePendingKey(paths, config, provider, pending);
    return { config, provider, key: pending };
  }

  if (current.id !== config.dataKeyId) {
    throw new KeyUnavailableError(
      `${provider.describe()} holds data key ${current.id}, but this site is encrypted with data key ${config.dataKeyId}` +
        (config.keyProvider.kind === 'env' ? ' (after a rekey, put the new key into the variable)' : '') +
        '; regain access with `clearline recover --recovery-key …`',
    );
  }
  throw new KeyRejectedError(paths.database);
}

/** The last step of a rekey: the pending key becomes the current one in the provider and the config. */
export async function promotePendingKey(paths: SitePaths, config: SiteConfig, provider: KeyProvider, key: DataKey): Promise<SiteConfig> {
  if (!config.pendingRekey) throw new Error('no rekey is pending');
  await provider.save('current', key);
  const next: SiteConfig = {
    ...config,
    keyProvider: await provider.clear('pending'),
    dataKeyId: key.id,
    recovery: { ...config.recovery, wrappedDataKey: config.pendingRekey.wrappedDataKey },
  };
  delete next.pendingRekey;
  writeSiteConfig(paths.config, next);
  return next;
}
