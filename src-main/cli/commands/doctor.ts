import type { Command } from 'commander';
import { systemClock } from '../../core/clock/clocks';
import { runDoctor } from '../../core/maintenance/doctor';
import { cliKeyContext } from '../prompt';
import { pathsOf, secretSources } from '../options';
import { EXIT } from '../exit-codes';

export function registerDoctor(program: Command): void {
  program
    .command('doctor')
    .description(
      'check the site: config, key provider, encryption, integrity, migrations, engine owner; a run that opens the store is audited with the OS user; exits 3 if a check fails',
    )
    .option('--json', 'print the checks as JSON')
    .action(async (_opts, cmd: Command) => {
      const checks = await runDoctor(pathsOf(cmd), cliKeyContext(secretSources(cmd)), systemClock);
      if (cmd.opts<{ json?: boolean }>().json) {
        process.stdout.write(`${JSON.stringify(checks, null, 2)}\n`);
      } else {
        for (const c of checks) process.stdout.write(`${c.status.toUpperCase().padEnd(4)}  ${c.name}: ${c.detail}\n`);
      }
      if (checks.some((c) => c.status === 'fail')) process.exitCode = EXIT.checkFailed;
    });
}
