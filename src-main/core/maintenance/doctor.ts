import { existsSync, statSync } from 'node:fs';
import type { Clock } from '@shared/domain/time';
import { toTimestamp } from '@shared/domain/time';
import type { KeyProviderContext } from '../keys/key-provider';
import { KeyFileProvider } from '../keys/providers';
import { inspectDatabase } from '../store/sqlite/file-ops';
import { latestVersion } from '../store/sqlite/migrate';
import { readSiteConfig } from '../site/site-config';
import { unlockSite } from '../site/unlock';
import { acquireShared } from '../site/site-lock';
import type { SitePaths } from '../site/data-dir';
import type { LeaseRow } from '../store/repositories';
import { openSqliteStore } from '../store/sqlite/open-store';
import { osActor } from '../audit/os-actor';
import type { DataKey } from '../keys/data-key';
import { restoreLeftovers } from './restore';

export type CheckStatus = 'ok' | 'warn' | 'fail';
export interface Check {
  name: string;
  status: CheckStatus;
  detail: string;
}

/**
 * `clearline doctor`: every check names what it looked at and, when it fails, what to do.
 * It never migrates or repairs anything; finishing an interrupted rekey (which any open
 * does) is the one exception, as it only completes a step already taken. Its one write is
 * its own audit event (maintenance is audited with the OS user), made only when the store
 * opens as it is: a sound file at the current schema. A run that cannot open the store, or
 * that finds it damaged or at another schema version, is not audited and says so.
 */
export async function runDoctor(paths: SitePaths, ctx: KeyProviderContext, clock: Clock): Promise<Check[]> {
  const checks: Check[] = [];
  const add = (name: string, status: CheckStatus, detail: string) => checks.push({ name, status, detail });

  let config;
  try {
    config = readSiteConfig(paths.config);
    add('config', 'ok', `${paths.config}: site "${config.siteName}" (${config.siteId})`);
  } catch (error) {
    add('config', 'fail', (error as Error).message);
    return checks;
  }
  if (process.platform !== 'win32' && existsSync(paths.dataDir) && statSync(paths.dataDir).mode & 0o077) {
    add('data folder permissions', 'warn', `${paths.dataDir} is accessible to other users; run chmod 700 on it`);
  }

  let lock;
  try {
    lock = acquireShared(paths);
    add('site lock', 'ok', 'no maintenance is running');
  } catch (error) {
    add('site lock', 'fail', (error as Error).message);
    return checks;
  }
  let unlocked;
  try {
    unlocked = await unlockSite(paths, ctx);
    add('key provider', 'ok', `${unlocked.provider.describe()} holds data key ${unlocked.key.id}, which opens the database`);
  } catch (error) {
    add('key provider', 'fail', (error as Error).message);
    lock.release();
    return checks;
  }
  if (unlocked.provider instanceof KeyFileProvider) {
    const problem = unlocked.provider.permissionProblem();
    if (problem) add('key file permissions', 'warn', problem);
  }

  let auditable = false;
  try {
    const db = inspectDatabase(paths.database, unlocked.key);
    add('encryption', db.cipher === 'sqlcipher' ? 'ok' : 'fail', `cipher ${db.cipher} (SQLCipher 4 format, raw 256-bit key)`);
    const latest = latestVersion();
    if (db.schemaVersion === latest) add('migrations', 'ok', `schema version ${db.schemaVersion}, current`);
    else if (db.schemaVersion < latest)
      add('migrations', 'warn', `schema version ${db.schemaVersion}; ${latest - db.schemaVersion} migration(s) will be applied at the next start`);
    else add('migrations', 'fail', `schema version ${db.schemaVersion} is newer than this Clearline (${latest}); install the newer version`);
    add(
      'integrity',
      db.integrity === 'ok' ? 'ok' : 'fail',
      db.integrity === 'ok' ? 'SQLite integrity check passed' : `integrity check: ${db.integrity}; restore the latest backup`,
    );
    add('engine owner', 'ok', describeLease(db.lease, clock));
    auditable = db.integrity === 'ok' && db.schemaVersion === latest;

    const leftovers = restoreLeftovers(paths);
    if (leftovers.length > 0) add('interrupted restore', 'warn', `leftovers of an interrupted restore: ${leftovers.join(', ')}; run the restore again`);

    if (!auditable) add('audit', 'warn', 'this run is not in the audit trail: doctor writes nothing to a damaged database or one at another schema version');
    else {
      try {
        await auditRun(paths, unlocked.key, config.siteId, checks, clock);
        add('audit', 'ok', 'this run is recorded in the audit trail (site.doctor.run, as the operating-system user)');
      } catch (error) {
        add('audit', 'warn', `this run could not be recorded in the audit trail: ${(error as Error).message}`);
      }
    }
  } finally {
    lock.release();
  }
  return checks;
}

/** Appends the run and each check's outcome (names and statuses only, no details) in one unit. */
async function auditRun(paths: SitePaths, key: DataKey, siteId: string, checks: readonly Check[], clock: Clock): Promise<void> {
  const at = toTimestamp(clock.now());
  // The schema is current (checked above), so opening applies no migration.
  const store = openSqliteStore(paths.database, key, at);
  try {
    await store.unit((tx) =>
      tx.audit.append(
        {
          actor: osActor(),
          action: 'site.doctor.run',
          subject: { type: 'site', id: siteId },
          outcome: checks.some((c) => c.status === 'fail') ? 'failed' : 'ok',
          payload: { checks: checks.map((c) => ({ name: c.name, status: c.status })) },
        },
        at,
      ),
    );
  } finally {
    await store.close();
  }
}

function describeLease(lease: LeaseRow | null, clock: Clock): string {
  if (!lease) return 'no process has owned the engine yet';
  const now = clock.now();
  if (lease.expiresAt > now) {
    return `owned by ${lease.holder} (pid ${lease.pid} on ${lease.host}), fencing token ${lease.fence}, last heartbeat ${Math.round((now - lease.heartbeatAt) / 1000)} s ago, expires ${toTimestamp(lease.expiresAt)}`;
  }
  return `no live owner (last: ${lease.holder}, fencing token ${lease.fence}, expired ${toTimestamp(Math.max(lease.expiresAt, lease.heartbeatAt))})`;
}
