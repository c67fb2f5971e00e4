import { existsSync, rmSync } from 'node:fs';
import type { Clock } from '@shared/domain/time';
import { toTimestamp } from '@shared/domain/time';
import { DataKey } from '../keys/data-key';
import type { KeyProviderContext } from '../keys/key-provider';
import { wrapForRecovery } from '../keys/recovery-key';
import { checkpointDatabase, rekeyDatabaseFile, snapshotDatabase } from '../store/sqlite/file-ops';
import { openSqliteStore } from '../store/sqlite/open-store';
import { fsyncPath, renameDurable } from '../fs/durable-fs';
import { osActor } from '../audit/os-actor';
import { recoveryAad, writeSiteConfig } from '../site/site-config';
import { acquireExclusive } from '../site/site-lock';
import { promotePendingKey, unlockSite } from '../site/unlock';
import { faultPoint } from '../fault/fault-points';
import type { SitePaths } from '../site/data-dir';

export interface RekeySummary {
  oldKeyId: string;
  newKeyId: string;
}

/**
 * Moves the database to a new random data key, crash-safe (docs/adr/0003-rekey.md):
 *  1. copy the database (VACUUM INTO, still under the old key) and rekey the copy;
 *  2. record the new key as "pending" in the provider and the config;
 *  3. atomically rename the copy over the database;
 *  4. promote the pending key to current.
 * A crash before 3 leaves the old file and key (the pending key is discarded at next open);
 * a crash after 3 leaves the new file with its key pending (promoted at next open).
 */
export async function rekeySite(paths: SitePaths, ctx: KeyProviderContext, clock: Clock): Promise<RekeySummary> {
  const lock = acquireExclusive(paths, 'rekey');
  try {
    const { config, provider, key: oldKey } = await unlockSite(paths, ctx);
    const newKey = DataKey.generate();
    rmSync(paths.rekeyTemp, { force: true });

    checkpointDatabase(paths.database, oldKey);
    snapshotDatabase(paths.database, oldKey, paths.rekeyTemp);
    faultPoint('rekey.copied');
    rekeyDatabaseFile(paths.rekeyTemp, oldKey, newKey);
    // The audit event goes into the copy, so it becomes part of the trail exactly when the
    // copy replaces the database, and vanishes with the copy if the rekey is abandoned.
    const store = openSqliteStore(paths.rekeyTemp, newKey, toTimestamp(clock.now()));
    try {
      await store.unit((tx) =>
        tx.audit.append(
          {
            actor: osActor(),
            action: 'site.rekeyed',
            subject: { type: 'site', id: config.siteId },
            payload: { oldDataKeyId: oldKey.id, newDataKeyId: newKey.id },
          },
          toTimestamp(clock.now()),
        ),
      );
    } finally {
      await store.close();
    }
    fsyncPath(paths.rekeyTemp);
    faultPoint('rekey.rekeyed-copy');

    const pendingProvider = await provider.save('pending', newKey);
    const pendingConfig = {
      ...config,
      keyProvider: pendingProvider,
      pendingRekey: { dataKeyId: newKey.id, wrappedDataKey: wrapForRecovery(newKey, config.recovery.publicKey, recoveryAad(config.siteId)) },
    };
    writeSiteConfig(paths.config, pendingConfig);
    faultPoint('rekey.pending-recorded');

    for (const suffix of ['-wal', '-shm']) rmSync(`${paths.database}${suffix}`, { force: true });
    renameDurable(paths.rekeyTemp, paths.database);
    faultPoint('rekey.renamed');

    await promotePendingKey(paths, pendingConfig, provider, newKey);
    faultPoint('rekey.promoted');
    return { oldKeyId: oldKey.id, newKeyId: newKey.id };
  } finally {
    if (existsSync(paths.rekeyTemp)) rmSync(paths.rekeyTemp, { force: true });
    lock.release();
  }
}
