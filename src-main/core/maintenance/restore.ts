import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Clock } from '@shared/domain/time';
import { toTimestamp } from '@shared/domain/time';
import type { DataKey } from '../keys/data-key';
import type { KeyProviderContext } from '../keys/key-provider';
import { freshProvider, type ProviderChoice } from '../keys/providers';
import { unwrapWithRecoveryKey, wrapForRecovery } from '../keys/recovery-key';
import { inspectDatabase } from '../store/sqlite/file-ops';
import { openSqliteStore } from '../store/sqlite/open-store';
import { fsyncDir, renameDurable } from '../fs/durable-fs';
import { osActor } from '../audit/os-actor';
import { readSiteConfig, recoveryAad, writeSiteConfig, type SiteConfig } from '../site/site-config';
import { acquireExclusive } from '../site/site-lock';
import { unlockSite } from '../site/unlock';
import type { SitePaths } from '../site/data-dir';
import { BackupFormatError, backupMacKey, extractEntry, readBackupHeader, verifyBackupMac, type OpenedBackup, type Progress } from './backup-format';

export class RestoreRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RestoreRefusedError';
  }
}

export interface RestoreOptions {
  paths: SitePaths;
  file: string;
  ctx: KeyProviderContext;
  clock: Clock;
  /** Needed when this machine's provider does not hold the backup's data key (a new machine, or after a rekey). */
  recoveryKey?: string;
  /** Needed on a new machine: where this machine will keep the data key from now on. */
  provider?: ProviderChoice;
  progress?: Progress;
}

export interface RestoreSummary {
  siteId: string;
  siteName: string;
  backupCreatedAt: string;
  attachments: number;
  newSite: boolean;
}

async function backupKey(options: RestoreOptions, opened: OpenedBackup): Promise<{ key: DataKey; via: 'recovery-key' | 'provider' }> {
  const { header } = opened;
  if (options.recoveryKey) {
    return { key: unwrapWithRecoveryKey(header.recovery.wrappedDataKey, options.recoveryKey, recoveryAad(header.siteId)), via: 'recovery-key' };
  }
  if (!existsSync(options.paths.config)) {
    throw new RestoreRefusedError(
      `${options.paths.dataDir} holds no site, so no key provider here knows this backup's key: pass --recovery-key and --key-provider`,
    );
  }
  const { key } = await unlockSite(options.paths, options.ctx);
  if (key.id !== header.dataKeyId) {
    throw new RestoreRefusedError(
      `this backup was made under data key ${header.dataKeyId}, but the site is now encrypted with ${key.id} (it was rekeyed since): pass --recovery-key`,
    );
  }
  return { key, via: 'provider' };
}

/**
 * Restores a backup into a data folder: the whole database and every attachment, after
 * checking the file's MAC and each entry's checksum, and only while no process uses the site.
 * On a new machine the recovery key unwraps the data key and the operator's chosen provider
 * keeps it from then on.
 */
export async function restoreBackup(options: RestoreOptions): Promise<RestoreSummary> {
  const { paths, file, clock } = options;
  if (!existsSync(file)) throw new RestoreRefusedError(`${file} does not exist`);
  const opened = readBackupHeader(file);
  const { header } = opened;
  mkdirSync(paths.dataDir, { recursive: true, mode: 0o700 });
  const lock = acquireExclusive(paths, 'restore');
  const attachmentsTemp = `${paths.attachments}.restore`;
  try {
    const existing: SiteConfig | null = existsSync(paths.config) ? readSiteConfig(paths.config) : null;
    if (existing && existing.siteId !== header.siteId) {
      throw new RestoreRefusedError(
        `this backup belongs to site "${header.siteName}" (${header.siteId}) but ${paths.dataDir} holds site "${existing.siteName}" (${existing.siteId}); restore into an empty --data-dir`,
      );
    }
    if (!existing && !options.provider)
      throw new RestoreRefusedError('this data folder holds no site yet: choose where this machine keeps the key with --key-provider');
    const { key, via } = await backupKey(options, opened);
    if (!verifyBackupMac(file, opened, backupMacKey(key), options.progress)) {
      throw new BackupFormatError(file, 'its authentication code does not match: the file was altered or damaged');
    }

    rmSync(paths.restoreTemp, { force: true });
    extractEntry(file, opened, 'clearline.db', paths.restoreTemp);
    const { integrity } = inspectDatabase(paths.restoreTemp, key);
    if (integrity !== 'ok') throw new BackupFormatError(file, `its database fails the integrity check (${integrity})`);

    rmSync(attachmentsTemp, { recursive: true, force: true });
    mkdirSync(attachmentsTemp, { mode: 0o700 });
    const attachmentEntries = header.entries.filter((e) => e.name.startsWith('attachments/'));
    for (const entry of attachmentEntries) extractEntry(file, opened, entry.name, join(attachmentsTemp, basename(entry.name)));
    fsyncDir(attachmentsTemp);

    // Point of no return: the database, then the attachments, are swapped in.
    for (const suffix of ['-wal', '-shm']) rmSync(`${paths.database}${suffix}`, { force: true });
    renameDurable(paths.restoreTemp, paths.database);
    const previous = `${paths.attachments}.previous`;
    rmSync(previous, { recursive: true, force: true });
    if (existsSync(paths.attachments)) renameSync(paths.attachments, previous);
    renameDurable(attachmentsTemp, paths.attachments);
    rmSync(previous, { recursive: true, force: true });

    const config = await configAfterRestore(options, existing, header, key);
    writeSiteConfig(paths.config, config);

    const store = openSqliteStore(paths.database, key, toTimestamp(clock.now()));
    try {
      await store.unit((tx) =>
        tx.audit.append(
          {
            actor: osActor(),
            action: 'site.restored',
            subject: { type: 'site', id: header.siteId },
            payload: {
              backupFile: basename(file),
              backupCreatedAt: header.createdAt,
              dataKeyId: key.id,
              via,
              attachments: attachmentEntries.length,
              newMachine: existing === null,
            },
          },
          toTimestamp(clock.now()),
        ),
      );
    } finally {
      await store.close();
    }
    return {
      siteId: header.siteId,
      siteName: header.siteName,
      backupCreatedAt: header.createdAt,
      attachments: attachmentEntries.length,
      newSite: existing === null,
    };
  } finally {
    rmSync(paths.restoreTemp, { force: true });
    rmSync(attachmentsTemp, { recursive: true, force: true });
    lock.release();
  }
}

async function configAfterRestore(options: RestoreOptions, existing: SiteConfig | null, header: OpenedBackup['header'], key: DataKey): Promise<SiteConfig> {
  if (existing) {
    if (existing.dataKeyId === key.id) return existing;
    // An older backup (before a rekey) restored with the recovery key: the provider now keeps its key.
    const provider = freshProviderFromExisting(existing, options);
    const keyProvider = await provider.save('current', key);
    const next: SiteConfig = {
      ...existing,
      keyProvider,
      dataKeyId: key.id,
      recovery: { ...existing.recovery, wrappedDataKey: wrapForRecovery(key, existing.recovery.publicKey, recoveryAad(existing.siteId)) },
    };
    delete next.pendingRekey;
    return next;
  }
  const provider = freshProvider(options.provider as ProviderChoice, header.siteId, options.ctx);
  return {
    format: 1,
    siteId: header.siteId,
    siteName: header.siteName,
    createdAt: header.siteCreatedAt,
    keyProvider: await provider.save('current', key),
    dataKeyId: key.id,
    recovery: {
      publicKey: header.recovery.publicKey,
      issuedAt: header.recovery.issuedAt,
      wrappedDataKey: wrapForRecovery(key, header.recovery.publicKey, recoveryAad(header.siteId)),
    },
  };
}

function freshProviderFromExisting(existing: SiteConfig, options: RestoreOptions) {
  if (options.provider) return freshProvider(options.provider, existing.siteId, options.ctx);
  const kp = existing.keyProvider;
  const choice: ProviderChoice =
    kp.kind === 'keyfile' ? { kind: 'keyfile', path: kp.path } : kp.kind === 'env' ? { kind: 'env', variable: kp.variable } : { kind: kp.kind };
  return freshProvider(choice, existing.siteId, options.ctx);
}

/** Leftovers of a restore interrupted by a crash, for doctor to report. */
export function restoreLeftovers(paths: SitePaths): string[] {
  return [paths.restoreTemp, `${paths.attachments}.restore`, `${paths.attachments}.previous`].filter((p) => existsSync(p));
}
