import type { Command } from 'commander';
import { systemClock } from '../../core/clock/clocks';
import { initSite } from '../../core/maintenance/init-site';
import { cliKeyContext } from '../prompt';
import { pathsOf, providerChoice, secretSources, withProviderChoice } from '../options';
import { UsageError } from '../exit-codes';

export function registerInit(program: Command): void {
  withProviderChoice(
    program
      .command('init')
      .description('create a site: its encrypted database, its data key in the chosen provider, and a recovery key shown once')
      .option('--site-name <name>', 'a name people recognise, shown in the console and in reports', 'Clearline site'),
    true,
  ).action(async (_opts, cmd: Command) => {
    const paths = pathsOf(cmd);
    const choice = providerChoice(cmd);
    if (!choice) throw new UsageError('choose where the data key is kept with --key-provider');
    const result = await initSite({
      paths,
      siteName: cmd.opts<{ siteName: string }>().siteName,
      provider: choice,
      ctx: cliKeyContext(secretSources(cmd), 'new'),
      clock: systemClock,
    });
    process.stdout.write(
      [
        `Created site "${result.config.siteName}" (${result.config.siteId}) in ${paths.dataDir}`,
        `Data key ${result.config.dataKeyId} is kept by: ${result.config.keyProvider.kind}`,
        '',
        'RECOVERY KEY (shown once; store it offline, e.g. printed in a safe):',
        `  ${result.recoveryKey}`,
        'It restores backups on a new machine and regains access if the key provider loses the key.',
        '',
      ].join('\n'),
    );
  });
}
