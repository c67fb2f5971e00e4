import type { Command } from 'commander';
import { hostname, userInfo } from 'node:os';
import type { OpInput, OpName, OpOutput } from '@shared/contract';
import { systemClock } from '../core/clock/clocks';
import { CoreApp } from '../core/app/core-app';
import type { Credential } from '../core/auth/authenticator';
import type { Origin } from '../core/auth/principal';
import { openSite } from '../core/site/open-site';
import { cliKeyContext, promptHidden } from './prompt';
import { pathsOf, secretSources } from './options';
import { EXIT } from './exit-codes';

/** A refused call: its message is shown as is, and its status picks the exit code. */
export class CallRefusedError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
    this.name = 'CallRefusedError';
  }
}

export interface SignedInCli {
  call<K extends OpName>(op: K, input: OpInput<K>): Promise<OpOutput<K>>;
  core: CoreApp;
}

/** Options shared by every command that acts as a user. */
export function withUserAuth(cmd: Command): Command {
  return cmd
    .option('--token <token>', 'a personal access token (else $CLEARLINE_TOKEN, else --user and a password)')
    .option('--user <username>', 'sign in as this user (password from $CLEARLINE_PASSWORD or a prompt)');
}

export function cliOrigin(): Origin {
  let user = 'unknown';
  try {
    user = userInfo().username;
  } catch {
    // no passwd entry (containers): keep "unknown"
  }
  return { host: 'cli', detail: `${user}@${hostname()}` };
}

/**
 * Runs `work` against the site's core in this process, as a user: with a personal access
 * token, or by signing in (and out afterwards). Every call goes through the same
 * dispatcher as the console's, so permissions and audit are the same.
 */
export async function asUser<T>(cmd: Command, work: (cli: SignedInCli) => Promise<T>): Promise<T> {
  const o = cmd.optsWithGlobals<{ token?: string; user?: string }>();
  const site = await openSite(pathsOf(cmd), cliKeyContext(secretSources(cmd)), systemClock);
  const core = await CoreApp.start({ site, clock: systemClock, ownership: false, log: (m) => process.stderr.write(`${m}\n`) });
  const origin = cliOrigin();
  try {
    let credential: Credential;
    const token = o.token ?? process.env.CLEARLINE_TOKEN;
    let signedIn = false;
    if (token) credential = { kind: 'access-token', token };
    else {
      const username = o.user ?? process.env.CLEARLINE_USER;
      if (!username) throw new CallRefusedError('this command acts as a user: give --token (or $CLEARLINE_TOKEN), or --user (or $CLEARLINE_USER)', EXIT.usage);
      const password = process.env.CLEARLINE_PASSWORD ?? (await promptHidden(`Password for ${username}: `));
      const result = await core.dispatch({ op: 'session.signIn', input: { username, password }, origin });
      if (!result.ok || !result.session || !('set' in result.session))
        throw new CallRefusedError(result.ok ? 'sign-in failed' : result.error.message, EXIT.denied);
      credential = { kind: 'session', token: result.session.set.token };
      signedIn = true;
    }
    const call = async <K extends OpName>(op: K, input: OpInput<K>): Promise<OpOutput<K>> => {
      const result = await core.dispatch({ op, input, credential, origin });
      if (result.ok) return result.value as OpOutput<K>;
      const { status, message } = result.error;
      throw new CallRefusedError(
        message,
        status === 401 || status === 403 ? EXIT.denied : status === 400 ? EXIT.usage : status === 404 || status === 409 ? EXIT.refused : EXIT.error,
      );
    };
    try {
      return await work({ call, core });
    } finally {
      if (signedIn) await core.dispatch({ op: 'session.signOut', input: {}, credential, origin });
    }
  } finally {
    await core.close();
  }
}
