import type { Command } from 'commander';
import { systemClock } from '../../core/clock/clocks';
import { AuditService } from '../../core/audit/audit-service';
import { openSite } from '../../core/site/open-site';
import { toTimestamp } from '@shared/domain/time';
import type { AuditEvent } from '@shared/domain/audit';
import { osActor } from '../../core/audit/os-actor';
import { cliKeyContext } from '../prompt';
import { pathsOf, secretSources } from '../options';
import { EXIT } from '../exit-codes';
import { asUser, withUserAuth } from '../signed-in';
import { printJson, printTable } from '../output';

function actorName(actor: AuditEvent['actor']): string {
  switch (actor.kind) {
    case 'user':
      return actor.username;
    case 'system':
      return `system:${actor.component}`;
    case 'schedule':
      return `schedule:${actor.scheduleId}`;
    case 'cli':
      return `cli:${actor.osUser}@${actor.host}`;
    case 'anonymous':
      return `anonymous:${actor.origin}`;
  }
}

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

  withUserAuth(
    audit
      .command('search')
      .description('search the audit trail as a signed-in user with audit.read, newest first')
      .option('--action <action>', 'an action, or a prefix ending in "." (e.g. schedule.)')
      .option('--actor <actor>', 'a username, or cli:<os user> / system:<component>')
      .option('--subject-type <type>', 'e.g. instance, schedule, user')
      .option('--subject-id <id>', 'the subject')
      .option('--from <timestamp>', 'at or after (UTC, e.g. 2026-11-29T00:00:00.000Z)')
      .option('--to <timestamp>', 'before')
      .option('--text <text>', 'text anywhere in the event')
      .option('--limit <n>', 'at most this many', '50')
      .option('--json', 'print the events as JSON'),
  ).action(async (_o, cmd: Command) => {
    const o = cmd.opts<{
      action?: string;
      actor?: string;
      subjectType?: string;
      subjectId?: string;
      from?: string;
      to?: string;
      text?: string;
      limit: string;
      json?: boolean;
    }>();
    await asUser(cmd, async ({ call }) => {
      const page = await call('audit.search', {
        limit: Number(o.limit),
        ...(o.action ? { action: o.action } : {}),
        ...(o.actor ? { actor: o.actor } : {}),
        ...(o.subjectType ? { subjectType: o.subjectType } : {}),
        ...(o.subjectId ? { subjectId: o.subjectId } : {}),
        ...(o.from ? { from: o.from as never } : {}),
        ...(o.to ? { to: o.to as never } : {}),
        ...(o.text ? { text: o.text } : {}),
      });
      if (o.json) return printJson(page.items);
      printTable(
        ['SEQ', 'AT', 'ACTOR', 'ACTION', 'SUBJECT', 'OUTCOME'],
        page.items.map((e) => [String(e.seq), e.at, actorName(e.actor), e.action, e.subject ? `${e.subject.type}:${e.subject.id}` : '', e.outcome]),
      );
    });
  });
}
