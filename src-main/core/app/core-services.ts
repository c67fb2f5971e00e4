import type { z } from 'zod';
import type { SystemStatus } from '@shared/contract/system';
import type { AuditService } from '../audit/audit-service';
import type { SessionService } from '../auth/session-service';
import type { SetupService } from '../auth/setup-service';
import type { TokenService } from '../auth/token-service';
import type { UserService } from '../auth/user-service';
import type { DeployService } from '../engine/services/deploy-service';
import type { InstanceService } from '../engine/services/instance-service';
import type { IncidentService } from '../engine/services/incident-service';
import type { ConnectorService } from '../engine/services/connector-service';
import type { DecisionService } from '../engine/services/decision-service';
import type { TaskService } from '../work/task-service';
import type { ApprovalService } from '../work/approval-service';
import type { InboxService } from '../work/inbox-service';
import type { ChangeControl } from '../governance/change-control';
import type { ConflictMatrix } from '../governance/conflict-matrix';
import type { CalendarService } from '../scheduler/calendar-service';
import type { ScheduleService } from '../scheduler/schedule-service';
import type { EvidenceService } from '../audit/evidence/evidence-service';
import type { ReportService } from '../reports/exports/report-service';

/** The services the handlers call; built once by the composition root. */
export interface CoreServices {
  siteName: string;
  setup: SetupService;
  sessions: SessionService;
  users: UserService;
  tokens: TokenService;
  audit: AuditService;
  deploy: DeployService;
  instances: InstanceService;
  incidents: IncidentService;
  connectors: ConnectorService;
  decisions: DecisionService;
  tasks: TaskService;
  approvals: ApprovalService;
  inbox: InboxService;
  changes: ChangeControl;
  conflicts: ConflictMatrix;
  calendars: CalendarService;
  schedules: ScheduleService;
  evidence: EvidenceService;
  reports: ReportService;
  status(): z.infer<typeof SystemStatus>;
}
