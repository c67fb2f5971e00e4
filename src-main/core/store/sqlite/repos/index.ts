import type { SqliteDb } from '../connection';
import type { Repositories } from '../../repositories';
import { SqliteTasksRepository } from './tasks-repo';
import { SqliteCalendarsRepository, SqliteScheduleRunsRepository, SqliteSchedulesRepository } from './schedules-repo';
import {
  SqliteApprovalsRepository,
  SqliteChangesRepository,
  SqliteDelegationsRepository,
  SqliteNotificationsRepository,
  SqliteSettingsRepository,
  SqliteWorkTimersRepository,
} from './work-repo';
import { SqliteDecisionTableVersionsRepository, SqliteWorkflowVersionsRepository } from './definitions-repo';
import { SqliteInstancesRepository, SqliteMailboxRepository } from './instances-repo';
import { SqliteOutboxRepository, SqliteSubscriptionsRepository, SqliteTimersRepository } from './effects-repo';
import { SqliteConnectorsRepository, SqliteIncidentsRepository } from './incidents-repo';
import { SqliteSiteRepository } from './site-repo';
import { SqliteLeaseRepository } from './lease-repo';
import { SqliteAuditRepository } from './audit-repo';
import { SqliteTrailRepository } from './trail-repo';
import { SqliteCheckpointsRepository, SqliteDocumentSignersRepository, SqliteMerkleNodesRepository, SqliteSigningKeysRepository } from './evidence-repo';
import { SqliteReportJobsRepository } from './report-jobs-repo';
import { SqliteUsersRepository } from './users-repo';
import { SqliteAccessTokensRepository, SqliteSessionsRepository, SqliteSetupTokensRepository } from './sessions-repo';

/** The repositories over one connection; the store adds `announce`, which belongs to its units. */
export function sqliteRepositories(db: SqliteDb): Omit<Repositories, 'announce'> {
  return {
    site: new SqliteSiteRepository(db),
    lease: new SqliteLeaseRepository(db),
    audit: new SqliteAuditRepository(db),
    users: new SqliteUsersRepository(db),
    sessions: new SqliteSessionsRepository(db),
    accessTokens: new SqliteAccessTokensRepository(db),
    setupTokens: new SqliteSetupTokensRepository(db),
    workflows: new SqliteWorkflowVersionsRepository(db),
    decisionTables: new SqliteDecisionTableVersionsRepository(db),
    connectors: new SqliteConnectorsRepository(db),
    instances: new SqliteInstancesRepository(db),
    mailbox: new SqliteMailboxRepository(db),
    outbox: new SqliteOutboxRepository(db),
    timers: new SqliteTimersRepository(db),
    subscriptions: new SqliteSubscriptionsRepository(db),
    incidents: new SqliteIncidentsRepository(db),
    tasks: new SqliteTasksRepository(db),
    approvals: new SqliteApprovalsRepository(db),
    delegations: new SqliteDelegationsRepository(db),
    notifications: new SqliteNotificationsRepository(db),
    workTimers: new SqliteWorkTimersRepository(db),
    changes: new SqliteChangesRepository(db),
    settings: new SqliteSettingsRepository(db),
    calendars: new SqliteCalendarsRepository(db),
    schedules: new SqliteSchedulesRepository(db),
    scheduleRuns: new SqliteScheduleRunsRepository(db),
    trail: new SqliteTrailRepository(db),
    checkpoints: new SqliteCheckpointsRepository(db),
    signingKeys: new SqliteSigningKeysRepository(db),
    merkleNodes: new SqliteMerkleNodesRepository(db),
    documentSigners: new SqliteDocumentSignersRepository(db),
    reportJobs: new SqliteReportJobsRepository(db),
  };
}
