import type { Clock } from '@shared/domain/time';
import { toTimestamp } from '@shared/domain/time';
import { newUuidV7 } from '@shared/domain/ids';
import type { z } from 'zod';
import type { AccessTokenSummary } from '@shared/contract/users';
import type { Store } from '../store/store';
import type { AccessTokenRow } from '../store/repositories';
import { notFound } from '../dispatch/app-error';
import { userActor, type Principal } from './principal';
import { newBearerToken } from './secret-tokens';

type Summary = z.infer<typeof AccessTokenSummary>;

/** Personal access tokens: how scripts and the CLI authenticate as a user without a password prompt. */
export class TokenService {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
  ) {}

  async issue(principal: Principal, input: { userId: string; name: string; expiresInDays: number }): Promise<{ token: string; summary: Summary }> {
    const now = this.clock.now();
    const { token, hash } = newBearerToken('clp_');
    const row: AccessTokenRow = {
      id: newUuidV7(now),
      tokenHash: hash,
      userId: input.userId,
      name: input.name,
      createdBy: principal.user.id,
      createdAt: now,
      expiresAt: now + input.expiresInDays * 86_400_000,
      lastUsedAt: null,
      revokedAt: null,
    };
    const username = await this.store.unit(async (tx) => {
      const user = await tx.users.findById(input.userId);
      if (!user) throw notFound('the user');
      await tx.accessTokens.insert(row);
      await tx.audit.append(
        {
          actor: userActor(principal.user),
          action: 'token.issued',
          subject: { type: 'access-token', id: row.id },
          payload: { forUser: user.username, name: row.name, expiresAt: toTimestamp(row.expiresAt) },
        },
        toTimestamp(now),
      );
      return user.username;
    });
    return { token, summary: toSummary(row, username) };
  }

  async list(): Promise<Summary[]> {
    return this.store.read(async (tx) => {
      const users = new Map((await tx.users.list()).map((u) => [u.id, u.username]));
      return (await tx.accessTokens.list()).map((row) => toSummary(row, users.get(row.userId) ?? '?'));
    });
  }

  async revoke(principal: Principal, tokenId: string): Promise<void> {
    const now = this.clock.now();
    await this.store.unit(async (tx) => {
      if (!(await tx.accessTokens.revoke(tokenId, now))) throw notFound('an active token with this id');
      await tx.audit.append({ actor: userActor(principal.user), action: 'token.revoked', subject: { type: 'access-token', id: tokenId } }, toTimestamp(now));
    });
  }
}

function toSummary(row: AccessTokenRow, username: string): Summary {
  return {
    id: row.id,
    userId: row.userId as Summary['userId'],
    username,
    name: row.name,
    createdAt: toTimestamp(row.createdAt),
    expiresAt: toTimestamp(row.expiresAt),
    lastUsedAt: row.lastUsedAt === null ? null : toTimestamp(row.lastUsedAt),
    revoked: row.revokedAt !== null,
  };
}
