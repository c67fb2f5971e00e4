import type { Clock } from '@shared/domain/time';
import { toTimestamp } from '@shared/domain/time';
import type { KeyProviderContext } from '../keys/key-provider';
import { AttachmentStore, ATTACHMENT_KEY_SECRET } from '../attachments/attachment-store';
import { openSqliteStore } from '../store/sqlite/open-store';
import type { SqliteStore } from '../store/sqlite/sqlite-store';
import type { SitePaths } from './data-dir';
import { acquireShared, type SiteLock } from './site-lock';
import { unlockSite, type UnlockedSite } from './unlock';

export interface OpenSite extends UnlockedSite {
  paths: SitePaths;
  store: SqliteStore;
  attachments: AttachmentStore;
  close(): Promise<void>;
}

/**
 * Everything a process needs to work on a site: the shared site lock (so maintenance can
 * tell it is in use), the data key from the provider, the migrated store and the
 * attachment store.
 */
export async function openSite(paths: SitePaths, ctx: KeyProviderContext, clock: Clock): Promise<OpenSite> {
  return openSiteWith(paths, (p) => unlockSite(p, ctx), clock);
}

/** The same, with the key already in hand (right after init). */
export async function openSiteWith(paths: SitePaths, unlock: (paths: SitePaths) => Promise<UnlockedSite>, clock: Clock): Promise<OpenSite> {
  const lock: SiteLock = acquireShared(paths);
  try {
    const unlocked = await unlock(paths);
    const store = openSqliteStore(paths.database, unlocked.key, toTimestamp(clock.now()));
    try {
      const attachmentKey = await store.read((tx) => tx.site.getSecret(ATTACHMENT_KEY_SECRET));
      if (!attachmentKey) throw new Error('the site has no attachment key: the database was not created by `clearline init`');
      return {
        ...unlocked,
        paths,
        store,
        attachments: new AttachmentStore(paths.attachments, attachmentKey),
        async close() {
          await store.close();
          lock.release();
        },
      };
    } catch (error) {
      await store.close();
      throw error;
    }
  } catch (error) {
    lock.release();
    throw error;
  }
}
