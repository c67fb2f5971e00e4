import type { Clock } from '@shared/domain/time';
import type { z } from 'zod';
import type { SystemStatus } from '@shared/contract/system';
import packageJson from '../../../package.json';
import type { OpenSite } from '../site/open-site';
import { EventBus } from '../events/event-bus';
import { AuditService } from '../audit/audit-service';
import { Authenticator } from '../auth/authenticator';
import { DEFAULT_SECURITY_POLICY, type SecurityPolicy } from '../auth/security-policy';
import { SessionService } from '../auth/session-service';
import { SetupService } from '../auth/setup-service';
import { TokenService } from '../auth/token-service';
import { UserService } from '../auth/user-service';
import { Dispatcher, type DispatchCall, type DispatchResult, type ErrorLog } from '../dispatch/dispatcher';
import { EngineOwnership, type OwnershipOptions } from '../lease/engine-ownership';
import type { CoreServices } from './core-services';
import { ConnectorRuntime } from '../engine/runtime/connector-runtime';
import { EngineHost } from '../engine/engine-host';
import { DEFAULT_ENGINE_OPTIONS, type EngineOptions, type WakeOptions } from '../engine/runtime/engine';
import { DeployService } from '../engine/services/deploy-service';
import { InstanceService } from '../engine/services/instance-service';
import { IncidentService } from '../engine/services/incident-service';
import { ConnectorService } from '../engine/services/connector-service';
import { DecisionService } from '../engine/services/decision-service';
import { ExpressionCache } from '../engine/runtime/evaluation';
import { ChangeControl } from '../governance/change-control';
import { ConflictMatrix } from '../governance/conflict-matrix';
import { HumanWorkIntake } from '../work/human-work-intake';
import { ApprovalService } from '../work/approval-service';
import { TaskService } from '../work/task-service';
import { InboxService } from '../work/inbox-service';
import { Escalations } from '../work/escalations';
import { CalendarRegistry } from '../scheduler/calendar-registry';
import { CalendarService } from '../scheduler/calendar-service';
import { RunStarter } from '../scheduler/run-starter';
import { DEFAULT_SCHEDULER_OPTIONS, ScheduleRunner, type SchedulerOptions } from '../scheduler/schedule-runner';
import { ScheduleService } from '../scheduler/schedule-service';
import { operationHandlers } from './operation-handlers';
import { EvidenceSettings } from '../audit/evidence/evidence-settings';
import { Checkpointer } from '../audit/evidence/checkpointer';
import { CheckpointSchedule } from '../audit/evidence/checkpoint-schedule';
import { BackgroundVerifier, DEFAULT_VERIFIER_OPTIONS, type VerifierOptions } from '../audit/evidence/background-verifier';
import { EvidenceService } from '../audit/evidence/evidence-service';
import { SearchIndexer } from '../audit/search-indexer';
import { ReportService } from '../reports/exports/report-service';
import { join } from 'node:path';

export const VERSION: string = packageJson.version;

export interface CoreOptions {
  site: OpenSite;
  clock: Clock;
  policy?: SecurityPolicy;
  /** Compete for the engine lease (desktop app, `serve`); false for short-lived CLI commands. */
  ownership: OwnershipOptions | false;
  log: ErrorLog;
  engine?: EngineOptions;
  scheduler?: SchedulerOptions;
  /** The background verifier's pace (tests shorten it). */
  verifier?: VerifierOptions;
}

/**
 * The composition root: builds every service of the core once, around one store, one
 * clock and one event bus, and exposes the dispatcher to whichever host runs it.
 */
export class CoreApp {
  readonly events = new EventBus();
  readonly services: CoreServices;
  readonly ownership: EngineOwnership | null;
  readonly engine: EngineHost;
  private readonly dispatcher: Dispatcher;
  /** Background work that reads the store: finished before the store closes. */
  private readonly background: { stop(): Promise<void> }[];

  private constructor(private readonly options: CoreOptions) {
    const { site, clock } = options;
    const policy = options.policy ?? DEFAULT_SECURITY_POLICY;
    site.store.onAnnounced((events) => {
      for (const event of events) this.events.publish(event.topic, event.payload, event.audience);
    });
    const wake = (options?: WakeOptions) => this.engine.wake(options);
    const wakeForDeadlines = () => wake({ dueWork: true });
    const changes = new ChangeControl(site.store, clock, this.events);
    const sessions = new SessionService(site.store, clock, this.events, policy);
    const users = new UserService(site.store, clock, this.events, sessions, changes);
    const connectors = new ConnectorRuntime(site.store);
    const conflicts = new ConflictMatrix(site.store, clock, changes, new ExpressionCache());
    const calendars = new CalendarRegistry(site.store, options.log);
    const expressions = new ExpressionCache();
    const intake = new HumanWorkIntake(calendars.lookup);
    const approvals = new ApprovalService(site.store, clock, this.events, intake, conflicts, wake);
    const escalations = new Escalations(site.store, this.events);
    const starter = new RunStarter(expressions);
    const scheduler = new ScheduleRunner(site.store, clock, this.events, calendars, starter, options.log, options.scheduler ?? DEFAULT_SCHEDULER_OPTIONS);
    const siteId = site.config.siteId;
    const evidenceSettings = new EvidenceSettings(site.store, clock, changes, () => {
      checkpoints.invalidate();
      verifier.requestFull();
      wakeForDeadlines();
    });
    const checkpointer = new Checkpointer(site.store, clock, siteId, evidenceSettings, options.log);
    const checkpoints = new CheckpointSchedule(site.store, evidenceSettings, checkpointer, options.log);
    const verifier = new BackgroundVerifier(
      site.store,
      clock,
      siteId,
      evidenceSettings,
      this.events,
      options.log,
      options.verifier ?? DEFAULT_VERIFIER_OPTIONS,
    );
    const indexer = new SearchIndexer(site.store, clock, options.log);
    const reports = new ReportService(
      site.store,
      clock,
      this.events,
      { checkpointer, siteId, siteName: site.config.siteName, log: options.log },
      join(site.paths.dataDir, 'reports'),
    );
    this.background = [reports, checkpoints, verifier, indexer];
    this.engine = new EngineHost(
      {
        store: site.store,
        clock,
        connectors,
        events: this.events,
        log: options.log,
        work: intake,
        dueWork: [escalations, scheduler, checkpoints, verifier, indexer],
        calendars: calendars.lookup,
      },
      options.engine ?? DEFAULT_ENGINE_OPTIONS,
    );
    this.ownership =
      options.ownership === false
        ? null
        : new EngineOwnership(
            site.store,
            clock,
            {
              acquired: async (fence, cause) => {
                options.log(`engine: this process owns the engine (fencing token ${fence}, ${cause})`);
                await calendars.refresh(true);
                await this.engine.acquired(cause);
              },
              lost: async (reason) => {
                options.log(`engine: ownership ended: ${reason}`);
                await this.engine.lost();
              },
            },
            options.ownership,
          );
    this.services = {
      siteName: site.config.siteName,
      setup: new SetupService(site.store, clock, policy, users),
      sessions,
      users,
      tokens: new TokenService(site.store, clock),
      audit: new AuditService(site.store),
      deploy: new DeployService(site.store, clock, changes),
      calendars: new CalendarService(site.store, clock, this.events, changes, calendars),
      schedules: new ScheduleService(site.store, clock, this.events, calendars, expressions, starter, () => {
        scheduler.invalidate();
        wakeForDeadlines();
      }),
      instances: new InstanceService(site.store, clock, this.events, wake),
      incidents: new IncidentService(site.store, clock, this.events, wake),
      tasks: new TaskService(site.store, clock, this.events, intake, site.attachments, approvals, wake),
      approvals,
      inbox: new InboxService(site.store, clock),
      changes,
      conflicts,
      connectors: new ConnectorService(site.store, clock, connectors),
      decisions: new DecisionService(site.store, clock),
      evidence: new EvidenceService(site.store, siteId, evidenceSettings, checkpointer, verifier),
      reports,
      status: () => this.status(),
    };
    this.dispatcher = new Dispatcher(operationHandlers(this.services), new Authenticator(site.store, clock, policy), site.store, clock, options.log);
  }

  static async start(options: CoreOptions): Promise<CoreApp> {
    const app = new CoreApp(options);
    await app.ownership?.start();
    return app;
  }

  get site(): OpenSite {
    return this.options.site;
  }

  dispatch(call: DispatchCall): Promise<DispatchResult> {
    return this.dispatcher.dispatch(call);
  }

  private status(): z.infer<typeof SystemStatus> {
    const state = this.ownership?.state ?? { role: 'stopped' as const };
    return {
      siteId: this.options.site.config.siteId,
      siteName: this.options.site.config.siteName,
      version: VERSION,
      engine: { role: state.role, fence: state.role === 'owner' ? state.fence : null },
    };
  }

  async close(): Promise<void> {
    await this.ownership?.stop();
    for (const work of this.background) await work.stop();
    await this.options.site.close();
  }
}
