import type { Command } from 'commander';
import { resolve } from 'node:path';
import { systemClock } from '../../core/clock/clocks';
import { createBackup } from '../../core/maintenance/backup';
import { restoreBackup } from '../../core/maintenance/restore';
import { openSite } from '../../core/site/open-site';
import { cliKeyContext, promptHidden } from '../prompt';
import { pathsOf, providerChoice, secretSources, withProviderChoice } from '../options';
import { formatBytes, progressLine } from '../progress';

export function registerBackupRestore(program: Command): void {
  program
    .command('backup <file>')
    .description('write an encrypted backup of the database and attachments to <file> (the site may stay in use)')
    .action(async (file: string, _opts, cmd: Command) => {
      const site = await openSite(pathsOf(cmd), cliKeyContext(secretSources(cmd)), systemClock);
      const progress = progressLine('backup');
      try {
        const summary = await createBackup(site, resolve(file), systemClock, progress.update);
        progress.done();
        process.stdout.write(`Backup written: ${summary.file} (${formatBytes(summary.bytes)}, ${summary.entries} entries, data key ${summary.dataKeyId})\n`);
      } finally {
        await site.close();
      }
    });

  withProviderChoice(
    program
      .command('restore <file>')
      .description('restore a backup into the data folder (nothing may be using the site); on a new machine give --recovery-key and --key-provider')
      .option('--recovery-key <key>', 'the recovery key (CLR1-…); "-" asks for it without echo'),
    false,
  ).action(async (file: string, _opts, cmd: Command) => {
    const o = cmd.opts<{ recoveryKey?: string }>();
    const recoveryKey = o.recoveryKey === '-' ? await promptHidden('Recovery key: ') : o.recoveryKey;
    const choice = providerChoice(cmd);
    const progress = progressLine('restore');
    const summary = await restoreBackup({
      paths: pathsOf(cmd),
      file: resolve(file),
      ctx: cliKeyContext(secretSources(cmd), choice ? 'new' : 'current'),
      clock: systemClock,
      ...(recoveryKey ? { recoveryKey } : {}),
      ...(choice ? { provider: choice } : {}),
      progress: progress.update,
    });
    progress.done();
    process.stdout.write(
      `Restored site "${summary.siteName}" (${summary.siteId}) from the backup of ${summary.backupCreatedAt}, with ${summary.attachments} attachment(s)${summary.newSite ? ' onto this new machine' : ''}\n`,
    );
  });
}
