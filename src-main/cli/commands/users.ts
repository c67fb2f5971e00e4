import type { Command } from 'commander';
import { readFileSync } from 'node:fs';
import { ROLE_NAMES, RoleName } from '@shared/permissions';
import type { UserSummary } from '@shared/domain/users';
import { systemClock } from '../../core/clock/clocks';
import { CoreApp } from '../../core/app/core-app';
import { osActor } from '../../core/audit/os-actor';
import { openSite } from '../../core/site/open-site';
import { asUser, withUserAuth } from '../signed-in';
import { cliKeyContext, promptHidden } from '../prompt';
import { pathsOf, secretSources } from '../options';
import { UsageError } from '../exit-codes';
import { printTable } from '../output';

function parseRoles(values: string[]): RoleName[] {
  const roles = values
    .flatMap((v) => v.split(','))
    .map((r) => r.trim())
    .filter(Boolean);
  for (const role of roles) if (!RoleName.safeParse(role).success) throw new UsageError(`unknown role "${role}"; the roles are ${ROLE_NAMES.join(', ')}`);
  if (roles.length === 0) throw new UsageError(`give at least one role (${ROLE_NAMES.join(', ')})`);
  return roles as RoleName[];
}

/** A password someone sets for someone else: from a file, $CLEARLINE_NEW_PASSWORD, or a prompt asked twice. */
export async function temporaryPassword(file: string | undefined, label: string): Promise<string> {
  if (file) return readFileSync(file, 'utf8').replace(/\r?\n$/, '');
  if (process.env.CLEARLINE_NEW_PASSWORD) return process.env.CLEARLINE_NEW_PASSWORD;
  const first = await promptHidden(`${label}: `);
  if ((await promptHidden(`Repeat the ${label.toLowerCase()}: `)) !== first) throw new UsageError('the two passwords differ; nothing was changed');
  return first;
}

function printUsers(users: UserSummary[]): void {
  const rows = users.map((u) => [
    u.username,
    u.displayName,
    u.roles.join(','),
    u.status + (u.locked ? ' (locked)' : '') + (u.mustChangePassword ? ' (temporary password)' : ''),
    u.lastSignInAt ?? 'never',
  ]);
  printTable(['USERNAME', 'NAME', 'ROLES', 'STATUS', 'LAST SIGN-IN'], rows);
}

async function userIdOf(call: Parameters<Parameters<typeof asUser>[1]>[0]['call'], username: string): Promise<UserSummary['id']> {
  const { items } = await call('users.list', { includeDisabled: true });
  const user = items.find((u) => u.username.toLowerCase() === username.toLowerCase());
  if (!user) throw new UsageError(`there is no user "${username}"`);
  return user.id;
}

/** Maintenance on one user with the key provider only (no sign-in): the way back in for a locked-out last admin. */
async function asMaintenance<T>(cmd: Command, work: (core: CoreApp) => Promise<T>): Promise<T> {
  const site = await openSite(pathsOf(cmd), cliKeyContext(secretSources(cmd)), systemClock);
  const core = await CoreApp.start({ site, clock: systemClock, ownership: false, log: (m) => process.stderr.write(`${m}\n`) });
  try {
    return await work(core);
  } finally {
    await core.close();
  }
}

export function registerUserCommands(program: Command): void {
  const user = program
    .command('user')
    .description('manage users (add, list, disable, role as a signed-in admin; unlock and reset-password with the key provider)');

  withUserAuth(user.command('list').description('list users')).action(async (_o, cmd: Command) => {
    await asUser(cmd, async ({ call }) => printUsers((await call('users.list', { includeDisabled: true })).items));
  });

  withUserAuth(
    user
      .command('add <username>')
      .description('add a user with a temporary password they change at first sign-in')
      .requiredOption('--name <display name>', "the person's name as shown in the console")
      .requiredOption('--role <roles...>', `one or more of ${ROLE_NAMES.join(', ')}`)
      .option('--password-file <path>', 'read the temporary password from this file (else $CLEARLINE_NEW_PASSWORD, else a prompt)'),
  ).action(async (username: string, _o, cmd: Command) => {
    const o = cmd.opts<{ name: string; role: string[]; passwordFile?: string }>();
    const roles = parseRoles(o.role);
    const password = await temporaryPassword(o.passwordFile, 'Temporary password');
    await asUser(cmd, async ({ call }) => {
      const created = await call('users.create', { username, displayName: o.name, roles, temporaryPassword: password });
      const roleNote =
        created.status === 'applied'
          ? `(${created.user.roles.join(', ')})`
          : `(roles ${roles.join(', ')} await a second admin's approval: change ${created.changeId})`;
      process.stdout.write(`Added ${created.user.username} ${roleNote}; they must change the temporary password at first sign-in.\n`);
    });
  });

  withUserAuth(user.command('disable <username>').description('disable a user and end their sessions')).action(async (username: string, _o, cmd: Command) => {
    await asUser(cmd, async ({ call }) => {
      const disabled = await call('users.disable', { userId: await userIdOf(call, username) });
      process.stdout.write(`Disabled ${disabled.username}.\n`);
    });
  });

  withUserAuth(user.command('enable <username>').description('enable a disabled user')).action(async (username: string, _o, cmd: Command) => {
    await asUser(cmd, async ({ call }) => {
      const enabled = await call('users.enable', { userId: await userIdOf(call, username) });
      process.stdout.write(`Enabled ${enabled.username}.\n`);
    });
  });

  withUserAuth(user.command('role <username> <roles...>').description(`set a user's roles (${ROLE_NAMES.join(', ')}); nobody sets their own`)).action(
    async (username: string, roleArgs: string[], _o, cmd: Command) => {
      const roles = parseRoles(roleArgs);
      await asUser(cmd, async ({ call }) => {
        const updated = await call('users.setRoles', { userId: await userIdOf(call, username), roles });
        process.stdout.write(
          updated.status === 'applied'
            ? `${updated.user.username} now has: ${updated.user.roles.join(', ')}\n`
            : `${updated.user.username}: roles ${roles.join(', ')} await a second admin's approval (change ${updated.changeId})\n`,
        );
      });
    },
  );

  user
    .command('unlock <username>')
    .description('unlock a user locked out by failed sign-ins (maintenance: needs the key provider, audited with your OS user)')
    .action(async (username: string, _o, cmd: Command) => {
      await asMaintenance(cmd, async (core) => {
        const target = await core.services.users.findByUsername(username);
        await core.services.users.unlock(osActor(), target.id);
        process.stdout.write(`Unlocked ${target.username}.\n`);
      });
    });

  user
    .command('reset-password <username>')
    .description('set a temporary password (maintenance: needs the key provider, audited with your OS user); also unlocks')
    .option('--password-file <path>', 'read the temporary password from this file (else $CLEARLINE_NEW_PASSWORD, else a prompt)')
    .action(async (username: string, _o, cmd: Command) => {
      const password = await temporaryPassword(cmd.opts<{ passwordFile?: string }>().passwordFile, 'Temporary password');
      await asMaintenance(cmd, async (core) => {
        const target = await core.services.users.findByUsername(username);
        await core.services.users.resetPassword(osActor(), target.id, password);
        process.stdout.write(`Set a temporary password for ${target.username}; they must change it at the next sign-in.\n`);
      });
    });

  const token = program.command('token').description('personal access tokens for scripts and the CLI');
  withUserAuth(
    token
      .command('issue <username>')
      .description('issue a token for a user (shown once)')
      .requiredOption('--name <name>', 'what the token is for, e.g. "nightly export"')
      .option('--days <n>', 'days until it expires (1–366)', '90'),
  ).action(async (username: string, _o, cmd: Command) => {
    const o = cmd.opts<{ name: string; days: string }>();
    await asUser(cmd, async ({ call }) => {
      const issued = await call('tokens.issue', { userId: await userIdOf(call, username), name: o.name, expiresInDays: Number(o.days) });
      process.stdout.write(`Token for ${issued.summary.username} (expires ${issued.summary.expiresAt}; shown once):\n${issued.token}\n`);
    });
  });
}
