import type { Command } from 'commander';
import { systemClock } from '../../core/clock/clocks';
import { initSite } from '../../core/maintenance/init-site';
import { CoreApp } from '../../core/app/core-app';
import { osActor } from '../../core/audit/os-actor';
import { openSiteWith } from '../../core/site/open-site';
import { cliKeyContext } from '../prompt';
import { pathsOf, providerChoice, secretSources, withProviderChoice } from '../options';
import { UsageError } from '../exit-codes';
import { temporaryPassword } from './users';

export function registerInit(program: Command): void {
  withProviderChoice(
    program
      .command('init')
      .description(
        'create a site: its encrypted database, its data key in the chosen provider, a recovery key shown once, and the first admin (or a setup token for it)',
      )
      .option('--site-name <name>', 'a name people recognise, shown in the console and in reports', 'Clearline site')
      .option('--admin <username>', 'create the first administrator now (else the first-run screen does, with the printed setup token)')
      .option('--admin-name <name>', "the first administrator's display name", 'Administrator')
      .option('--admin-password-file <path>', "the first administrator's temporary password (else $CLEARLINE_NEW_PASSWORD, else a prompt)"),
    true,
  ).action(async (_opts, cmd: Command) => {
    const paths = pathsOf(cmd);
    const o = cmd.opts<{ siteName: string; admin?: string; adminName: string; adminPasswordFile?: string }>();
    const choice = providerChoice(cmd);
    if (!choice) throw new UsageError('choose where the data key is kept with --key-provider');
    const adminPassword = o.admin ? await temporaryPassword(o.adminPasswordFile, `Temporary password for ${o.admin}`) : null;
    const ctx = cliKeyContext(secretSources(cmd), 'new');
    const result = await initSite({ paths, siteName: o.siteName, provider: choice, ctx, clock: systemClock });

    const site = await openSiteWith(paths, async () => result.unlocked, systemClock);
    const core = await CoreApp.start({ site, clock: systemClock, ownership: false, log: (m) => process.stderr.write(`${m}\n`) });
    let firstAdmin: string;
    try {
      if (o.admin && adminPassword) {
        await core.services.users.create(osActor(), { username: o.admin, displayName: o.adminName, roles: ['admin'], temporaryPassword: adminPassword });
        firstAdmin = `First administrator: ${o.admin} (must change the temporary password at first sign-in).`;
      } else {
        firstAdmin = `First administrator: create one on the first-run screen with this one-time setup token (valid 24 h; \`clearline serve\` prints a fresh one):\n  ${await core.services.setup.issueToken()}`;
      }
    } finally {
      await core.close();
    }
    process.stdout.write(
      [
        `Created site "${result.config.siteName}" (${result.config.siteId}) in ${paths.dataDir}`,
        `Data key ${result.config.dataKeyId} is kept by: ${result.config.keyProvider.kind}`,
        firstAdmin,
        '',
        'RECOVERY KEY (shown once; store it offline, e.g. printed in a safe):',
        `  ${result.recoveryKey}`,
        'It restores backups on a new machine and regains access if the key provider loses the key.',
        '',
      ].join('\n'),
    );
  });
}
