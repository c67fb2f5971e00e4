import type { Clock } from '@shared/domain/time';
import type { Store } from '../store/store';
import type { Repositories } from '../store/repositories';
import { conflict, invalid } from '../dispatch/app-error';
import { describeOrigin, type Origin } from './principal';
import { hashTypedToken, newTypedToken } from './secret-tokens';
import type { SecurityPolicy } from './security-policy';
import type { UserService } from './user-service';

/**
 * First run. Until the site has a user, the first admin can be created with the one-time
 * setup token that `clearline init` and `clearline serve` print on the server's terminal,
 * so whoever reaches the port first cannot make themselves admin. The desktop app, whose
 * window only the person at the machine can reach, needs no token.
 */
export class SetupService {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly policy: SecurityPolicy,
    private readonly users: UserService,
  ) {}

  async needsFirstAdmin(): Promise<boolean> {
    return (await this.store.read((tx) => tx.users.count())) === 0;
  }

  tokenRequired(origin: Origin): boolean {
    return origin.host !== 'ipc';
  }

  /** Issues a fresh setup token and retires earlier ones; null once the site has users. */
  async issueToken(): Promise<string | null> {
    const now = this.clock.now();
    const { token, hash } = newTypedToken();
    const issued = await this.store.unit(async (tx) => {
      if ((await tx.users.count()) > 0) return false;
      await this.insertToken(tx, hash, now);
      return true;
    });
    return issued ? token : null;
  }

  /** For `init`, inside its first unit of work. */
  async insertToken(tx: Repositories, hash: string, now: number): Promise<void> {
    await tx.setupTokens.retireAll(now);
    await tx.setupTokens.insert(hash, now, now + this.policy.setupTokenHours * 3_600_000);
  }

  async createFirstAdmin(input: { setupToken?: string | undefined; username: string; displayName: string; password: string }, origin: Origin): Promise<void> {
    const now = this.clock.now();
    const tokenHash = input.setupToken ? hashTypedToken(input.setupToken) : null;
    if (this.tokenRequired(origin) && !tokenHash)
      throw invalid('setupToken', 'is required: it was printed by `clearline init` or `clearline serve` on the server');
    await this.users.create(
      { kind: 'anonymous', origin: `${describeOrigin(origin)} (first-run setup)` },
      { username: input.username, displayName: input.displayName, roles: ['admin'], temporaryPassword: input.password },
      {
        passwordField: 'password',
        within: async (tx) => {
          if ((await tx.users.count()) > 0) throw conflict('already_set_up', 'This site already has an administrator; sign in instead.');
          if (tokenHash) {
            if (!(await tx.setupTokens.isValid(tokenHash, now)))
              throw invalid('setupToken', 'is not valid (mistyped, expired or already used); restart `clearline serve` for a new one');
            await tx.setupTokens.markUsed(tokenHash, now);
          }
          await tx.setupTokens.retireAll(now);
        },
      },
    );
  }
}
