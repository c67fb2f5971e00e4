import { closeSync, existsSync, fsyncSync, openSync, rmSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Clock } from '@shared/domain/time';
import { toTimestamp } from '@shared/domain/time';
import { snapshotDatabase } from '../store/sqlite/file-ops';
import { wrapForRecovery } from '../keys/recovery-key';
import { recoveryAad } from '../site/site-config';
import { renameDurable } from '../fs/durable-fs';
import { osActor } from '../audit/os-actor';
import type { OpenSite } from '../site/open-site';
import { backupMacKey, sha256File, writeBackup, type BackupEntry, type BackupHeader, type Progress } from './backup-format';

export interface BackupSummary {
  file: string;
  bytes: number;
  entries: number;
  dataKeyId: string;
}

/**
 * Writes an encrypted backup of a site that may be in use: the database snapshot comes from
 * VACUUM INTO, a consistent read that SQLCipher writes encrypted with the same data key
 * (better-sqlite3's .backup() would write plaintext). The file is written under a temporary
 * name, fsynced and renamed, so a crash never leaves a half backup under the real name.
 */
export async function createBackup(site: OpenSite, file: string, clock: Clock, progress?: Progress): Promise<BackupSummary> {
  if (existsSync(file)) throw new Error(`${file} already exists; choose a new file name (backups are never overwritten)`);
  const snapshot = join(site.paths.dataDir, `clearline.db.snapshot-${process.pid}`);
  const partial = `${file}.partial`;
  rmSync(snapshot, { force: true });
  try {
    const schemaVersion = snapshotDatabase(site.paths.database, site.key, snapshot);
    const sources = new Map<string, string>([['clearline.db', snapshot]]);
    for (const id of site.attachments.list()) sources.set(`attachments/${id}.cla`, join(site.paths.attachments, `${id}.cla`));
    const entries: BackupEntry[] = [...sources].map(([name, path]) => ({ name, size: statSync(path).size, sha256: sha256File(path) }));

    const siteRow = await site.store.read((tx) => tx.site.get());
    const header: BackupHeader = {
      format: 1,
      siteId: site.config.siteId,
      siteName: site.config.siteName,
      siteCreatedAt: siteRow?.createdAt ?? site.config.createdAt,
      createdAt: toTimestamp(clock.now()),
      dataKeyId: site.key.id,
      schemaVersion,
      recovery: {
        publicKey: site.config.recovery.publicKey,
        issuedAt: site.config.recovery.issuedAt,
        wrappedDataKey: wrapForRecovery(site.key, site.config.recovery.publicKey, recoveryAad(site.config.siteId)),
      },
      entries,
    };
    const out = openSync(partial, 'wx', 0o600);
    try {
      writeBackup(out, header, sources, backupMacKey(site.key), progress);
      fsyncSync(out);
    } finally {
      closeSync(out);
    }
    renameDurable(partial, file);
    const bytes = statSync(file).size;
    await site.store.unit((tx) =>
      tx.audit.append(
        {
          actor: osActor(),
          action: 'site.backup.created',
          subject: { type: 'site', id: site.config.siteId },
          payload: { file: basename(file), bytes, entries: entries.length, dataKeyId: site.key.id, sha256: sha256File(file) },
        },
        toTimestamp(clock.now()),
      ),
    );
    return { file, bytes, entries: entries.length, dataKeyId: site.key.id };
  } finally {
    rmSync(snapshot, { force: true });
    rmSync(partial, { force: true });
  }
}
