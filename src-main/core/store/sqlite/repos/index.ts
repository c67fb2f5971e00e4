import type { SqliteDb } from '../connection';
import type { Repositories } from '../../repositories';
import { SqliteSiteRepository } from './site-repo';
import { SqliteLeaseRepository } from './lease-repo';
import { SqliteAuditRepository } from './audit-repo';
import { SqliteUsersRepository } from './users-repo';
import { SqliteAccessTokensRepository, SqliteSessionsRepository, SqliteSetupTokensRepository } from './sessions-repo';

export function sqliteRepositories(db: SqliteDb): Repositories {
  return {
    site: new SqliteSiteRepository(db),
    lease: new SqliteLeaseRepository(db),
    audit: new SqliteAuditRepository(db),
    users: new SqliteUsersRepository(db),
    sessions: new SqliteSessionsRepository(db),
    accessTokens: new SqliteAccessTokensRepository(db),
    setupTokens: new SqliteSetupTokensRepository(db),
  };
}
