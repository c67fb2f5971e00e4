import type { Command } from 'commander';
import { systemClock } from '../../core/clock/clocks';
import { rekeySite } from '../../core/maintenance/rekey';
import { changeKeyProvider, recoverAccess, reissueRecoveryKey } from '../../core/maintenance/key-management';
import { readSiteConfig } from '../../core/site/site-config';
import { cliKeyContext, promptHidden } from '../prompt';
import { pathsOf, providerChoice, secretSources, withProviderChoice } from '../options';
import { UsageError } from '../exit-codes';

export function registerKeyCommands(program: Command): void {
  program
    .command('rekey')
    .description('encrypt the database under a new random data key (crash-safe; nothing may be using the site)')
    .option('--new-key-file <path>', 'env provider only: where to write the new key for you to move into the variable')
    .action(async (_opts, cmd: Command) => {
      const summary = await rekeySite(pathsOf(cmd), cliKeyContext(secretSources(cmd)), systemClock);
      process.stdout.write(`Rekeyed: data key ${summary.oldKeyId} → ${summary.newKeyId}. Backups made before now need the recovery key to restore.\n`);
    });

  program
    .command('recovery-key')
    .description('issue a new recovery key (shown once); the previous one no longer opens new backups')
    .action(async (_opts, cmd: Command) => {
      const { recoveryKey } = await reissueRecoveryKey(pathsOf(cmd), cliKeyContext(secretSources(cmd)), systemClock);
      process.stdout.write(
        `NEW RECOVERY KEY (shown once; store it offline):\n  ${recoveryKey}\nKeep the previous recovery key as long as you keep backups made before now.\n`,
      );
    });

  withProviderChoice(
    program
      .command('recover')
      .description('regain access when the key provider lost the data key: the recovery key unwraps it and --key-provider keeps it')
      .requiredOption('--recovery-key <key>', 'the recovery key (CLR1-…); "-" asks for it without echo'),
    true,
  ).action(async (_opts, cmd: Command) => {
    const given = cmd.opts<{ recoveryKey: string }>().recoveryKey;
    const recoveryKey = given === '-' ? await promptHidden('Recovery key: ') : given;
    const choice = providerChoice(cmd);
    if (!choice) throw new UsageError('choose where the data key is kept from now on with --key-provider');
    const config = await recoverAccess(pathsOf(cmd), recoveryKey, choice, cliKeyContext(secretSources(cmd), 'new'), systemClock);
    process.stdout.write(`Access regained: data key ${config.dataKeyId} is now kept by ${config.keyProvider.kind}\n`);
  });

  const key = program.command('key').description('manage how the data key is kept (re-wraps the key; the database is not rewritten)');
  withProviderChoice(key.command('set-provider').description('move the data key to another key provider'), true).action(async (_opts, cmd: Command) => {
    const choice = providerChoice(cmd);
    if (!choice) throw new UsageError('choose the new provider with --key-provider');
    const sources = secretSources(cmd);
    const config = await changeKeyProvider(pathsOf(cmd), cliKeyContext(sources), choice, cliKeyContext(sources, 'new'), systemClock);
    process.stdout.write(`The data key is now kept by ${config.keyProvider.kind}\n`);
  });
  key
    .command('change-passphrase')
    .description('change the operator passphrase that wraps the data key')
    .option('--new-passphrase-file <path>', 'read the new passphrase from this file (else CLEARLINE_NEW_PASSPHRASE, else a prompt)')
    .action(async (_opts, cmd: Command) => {
      const paths = pathsOf(cmd);
      if (readSiteConfig(paths.config).keyProvider.kind !== 'passphrase')
        throw new UsageError('this site does not use the passphrase provider; see `clearline key set-provider`');
      const sources = secretSources(cmd);
      await changeKeyProvider(paths, cliKeyContext(sources), { kind: 'passphrase' }, cliKeyContext(sources, 'new'), systemClock);
      process.stdout.write('Passphrase changed.\n');
    });
}
