import type { Command } from 'commander';
import { systemClock } from '../../core/clock/clocks';
import { AuditService } from '../../core/audit/audit-service';
import { openSite } from '../../core/site/open-site';
import { toTimestamp } from '@shared/domain/time';
import { osActor } from '../../core/audit/os-actor';
import { cliKeyContext } from '../prompt';
import { pathsOf, secretSources } from '../options';
import { EXIT } from '../exit-codes';

export function registerAuditCommands(program: Command): void {
  const audit = program.command('audit').description('the audit trail');
  audit
    .command('verify')
    .description('recompute the hash chain and name the first bad event; exits 3 if the chain is broken')
    .option('--json', 'print the result as JSON')
    .action(async (_o, cmd: Command) => {
      const site = await openSite(pathsOf(cmd), cliKeyContext(secretSources(cmd)), systemClock);
      try {
        const tty = process.stderr.isTTY;
        const result = await new AuditService(site.store).verify((checked) => {
          if (tty) process.stderr.write(`\rverifying: ${checked} events`);
        });
        if (tty) process.stderr.write('\n');
        await site.store.unit((tx) =>
          tx.audit.append(
            {
              actor: osActor(),
              action: 'audit.verified',
              outcome: result.ok ? 'ok' : 'failed',
              subject: { type: 'audit', id: 'chain' },
              payload: { checked: result.checked, firstBad: result.firstBad },
            },
            toTimestamp(systemClock.now()),
          ),
        );
        if (cmd.opts<{ json?: boolean }>().json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
        else if (result.ok) process.stdout.write(`Chain intact: ${result.checked} events, head #${result.head?.seq ?? 0} ${result.head?.hash ?? ''}\n`);
        else process.stdout.write(`CHAIN BROKEN at event #${result.firstBad?.seq}: ${result.firstBad?.reason}. ${result.checked} events before it verify.\n`);
        if (!result.ok) process.exitCode = EXIT.checkFailed;
      } finally {
        await site.close();
      }
    });
}
