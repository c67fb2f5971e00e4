import type { Command } from 'commander';
import { systemClock } from '../../core/clock/clocks';
import { verifyTrail } from '../../core/audit/evidence/trail-verifier';
import { evidenceConfig } from '../../core/audit/evidence/evidence-settings';
import type { AuditVerification } from '@shared/contract/audit';
import type { CheckpointRecord } from '@shared/contract/evidence';
import { openSite } from '../../core/site/open-site';
import { toTimestamp } from '@shared/domain/time';
import { describeActor } from '@shared/domain/audit';
import { osActor } from '../../core/audit/os-actor';
import { cliKeyContext } from '../prompt';
import { pathsOf, secretSources } from '../options';
import { EXIT } from '../exit-codes';
import { asUser, withUserAuth } from '../signed-in';
import { printJson, printTable } from '../output';

function verificationText(r: AuditVerification): string {
  const lines = [
    r.chain.ok
      ? `Chain: intact, ${r.chain.checked} events, head #${r.chain.head?.seq ?? 0} ${r.chain.head?.hash ?? ''}`
      : `Chain: BROKEN at event #${r.chain.firstBad?.seq}: ${r.chain.firstBad?.reason}`,
    r.tree ? `Tree: ${r.tree.size} events, root ${r.tree.rootHash}` : 'Tree: not computed (the chain is broken)',
    `Checkpoints: ${r.checkpoints.count} compared${r.checkpoints.ok ? ', all agree with the trail' : ''}`,
    ...r.checkpoints.problems.map((p) => `  problem: ${p}`),
    `Witness folder: ${r.witness.state}${r.witness.folder ? ` (${r.witness.folder}, ${r.witness.files} files)` : ''}`,
    ...r.witness.problems.map((p) => `  problem: ${p}`),
    r.ok
      ? `VERIFIED: ${r.checked} events`
      : r.firstBad
        ? `NOT VERIFIED: the first bad event is #${r.firstBad.seq}: ${r.firstBad.reason}`
        : 'NOT VERIFIED: see the problems above',
  ];
  return `${lines.join('\n')}\n`;
}

function checkpointText(r: CheckpointRecord): string {
  const c = r.checkpoint;
  const witness = r.witness.file ? `witness ${r.witness.file}` : r.witness.error ? `not witnessed: ${r.witness.error}` : 'no witness folder';
  return `Checkpoint ${r.id}: ${c.treeSize} events, root ${c.rootHash}, signed ${c.time} by key ${c.keyId}; ${witness}\n`;
}

export function registerAuditCommands(program: Command): void {
  const audit = program.command('audit').description('the audit trail');
  audit
    .command('verify')
    .description('recompute the hash chain, the Merkle tree and every signed checkpoint (stored and witnessed); exits 3 naming the first bad event')
    .option('--json', 'print the result as JSON')
    .action(async (_o, cmd: Command) => {
      const site = await openSite(pathsOf(cmd), cliKeyContext(secretSources(cmd)), systemClock);
      try {
        const tty = process.stderr.isTTY;
        const { witnessFolder } = await site.store.read(evidenceConfig);
        const result = await verifyTrail(site.store, site.config.siteId, witnessFolder, {
          onProgress: (phase, done, total) => {
            if (tty) process.stderr.write(`\rverifying the ${phase}: ${done} of ${total} events\x1b[K`);
          },
        });
        if (tty) process.stderr.write('\n');
        await site.store.unit((tx) =>
          tx.audit.append(
            {
              actor: osActor(),
              action: 'audit.verified',
              outcome: result.ok ? 'ok' : 'failed',
              subject: { type: 'audit', id: 'chain' },
              payload: { checked: result.checked, firstBad: result.firstBad, checkpoints: result.checkpoints.count, witness: result.witness.state },
            },
            toTimestamp(systemClock.now()),
          ),
        );
        if (cmd.opts<{ json?: boolean }>().json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
        else process.stdout.write(verificationText(result));
        if (!result.ok) process.exitCode = EXIT.checkFailed;
      } finally {
        await site.close();
      }
    });

  withUserAuth(
    audit
      .command('checkpoint')
      .description('sign a checkpoint of the trail now and copy it to the witness folder (needs audit.manage)')
      .option('--json', 'print it as JSON'),
  ).action(async (_o, cmd: Command) => {
    await asUser(cmd, async ({ call }) => {
      const record = await call('checkpoints.create', {});
      if (cmd.opts<{ json?: boolean }>().json) return printJson(record);
      process.stdout.write(checkpointText(record));
    });
  });

  withUserAuth(
    audit
      .command('rotate-key')
      .description('replace the Ed25519 signing key: the old key signs a checkpoint announcing the new one (needs audit.manage)')
      .requiredOption('--reason <text>', 'why (kept in the audit trail)'),
  ).action(async (_o, cmd: Command) => {
    await asUser(cmd, async ({ call }) => {
      const rotated = await call('audit.rotateKey', { reason: cmd.opts<{ reason: string }>().reason });
      process.stdout.write(`Retired key ${rotated.previous.keyId} (fingerprint ${rotated.previous.fingerprint})\n`);
      process.stdout.write(`Signing key ${rotated.current.keyId}, fingerprint ${rotated.current.fingerprint}\n`);
      process.stdout.write(checkpointText(rotated.checkpoint));
    });
  });

  withUserAuth(
    audit
      .command('search')
      .description('search the audit trail as a signed-in user with audit.read, newest first')
      .option('--action <action>', 'an action, or a prefix ending in "." (e.g. schedule.)')
      .option('--actor <actor>', 'a username, or cli:<os user> / system:<component>')
      .option('--subject-type <type>', 'e.g. instance, schedule, user')
      .option('--subject-id <id>', 'the subject')
      .option('--workflow <key>', "events of a workflow's instances (and of their tasks and approvals)")
      .option('--from <timestamp>', 'at or after (UTC, e.g. 2026-11-29T00:00:00.000Z)')
      .option('--to <timestamp>', 'before')
      .option('--text <text>', 'words anywhere in the event (every word must occur; the last may be a prefix)')
      .option('--limit <n>', 'at most this many', '50')
      .option('--json', 'print the events as JSON'),
  ).action(async (_o, cmd: Command) => {
    const o = cmd.opts<{
      action?: string;
      actor?: string;
      subjectType?: string;
      subjectId?: string;
      workflow?: string;
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
        ...(o.workflow ? { workflow: o.workflow } : {}),
        ...(o.from ? { from: o.from as never } : {}),
        ...(o.to ? { to: o.to as never } : {}),
        ...(o.text ? { text: o.text } : {}),
      });
      if (o.json) return printJson(page.items);
      printTable(
        ['SEQ', 'AT', 'ACTOR', 'ACTION', 'SUBJECT', 'OUTCOME'],
        page.items.map((e) => [String(e.seq), e.at, describeActor(e.actor), e.action, e.subject ? `${e.subject.type}:${e.subject.id}` : '', e.outcome]),
      );
    });
  });
}
