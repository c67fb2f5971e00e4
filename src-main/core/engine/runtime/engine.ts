import type { Clock } from '@shared/domain/time';
import { toTimestamp } from '@shared/domain/time';
import type { Store } from '../../store/store';
import type { OutboxRow, WorkflowVersionRow } from '../../store/engine-repositories';
import type { EventBus } from '../../events/event-bus';
import { WorkflowModel } from '../definitions/workflow-model';
import { transition } from '../interpreter/transition';
import type { Message } from '../interpreter/types';
import type { ConnectorRuntime } from './connector-runtime';
import type { HumanWorkGateway } from './human-work-gateway';
import { DecisionTableCache, ExpressionCache, interpreterServices } from './evaluation';
import { ConcurrentTransitionError, persistTransition } from './persist-transition';
import { statusOf } from './instance-status';
import type { CalendarLookup } from '../../calendar';

export interface EngineOptions {
  /** Instances advanced at the same time (their units share durable commits). */
  maxConcurrentInstances: number;
  /** Effects in flight toward connectors at the same time. */
  maxConcurrentEffects: number;
  /**
   * How often to look for work written by other processes (CLI commands, a standby's
   * operators), and the longest a deadline this process did not write itself (an SLA, a
   * schedule) waits past its time: between these looks a kick only advances instances.
   */
  pollMs: number;
  /** Redeliveries, with the same idempotency key, of an effect whose outcome is unknown, before it is in doubt. */
  redeliveries: number;
}

/** What a service that wrote work tells the engine, besides "look for mail". */
export interface WakeOptions {
  /** A deadline changed (a schedule saved, the evidence settings applied): timers and due work are looked at now, not at the next poll. */
  dueWork?: boolean;
  /**
   * An instance the caller's unit is creating, not yet committed: its first transition is
   * submitted at once and so joins the same commit (the store runs units submitted while a
   * transaction is open in it). Should the creating unit fail, the transition finds nothing.
   */
  created?: string;
}

export const DEFAULT_ENGINE_OPTIONS: EngineOptions = { maxConcurrentInstances: 64, maxConcurrentEffects: 64, pollMs: 250, redeliveries: 3 };

interface Arrival {
  effect: OutboxRow;
  message: Message;
  status: 'done' | 'failed' | 'in-doubt';
}

/**
 * Other durable deadlines the owner keeps (people's SLAs, schedules, checkpoints): the engine
 * loop asks each when it is next due and lets it fire what is due, so one process and one
 * wake-up timer drive them all.
 */
export interface DueWork {
  readonly name: string;
  nextDueAt(): Promise<number | null>;
  fireDue(now: number): Promise<void>;
  /** This process has just become the owner: whatever fell due meanwhile is handled on the next fireDue. */
  ownerStarted?(cause: 'start-up' | 'takeover'): void;
}

/** What the engine runs on: one store, one clock, and the services around the interpreter. */
export interface EngineDeps {
  store: Store;
  clock: Clock;
  connectors: ConnectorRuntime;
  events: EventBus;
  log: (message: string) => void;
  /** Creates the tasks and approvals human steps wait for, in the transition's unit. */
  work: HumanWorkGateway;
  /** Other deadlines the owner keeps (SLAs, schedules). */
  dueWork: readonly DueWork[];
  /** The site's business calendars, for business-day waits. */
  calendars: CalendarLookup;
}

export interface EngineMetrics {
  transitions: number;
  stepTransitions: number;
  effects: number;
}

/**
 * The runtime around the pure interpreter; it runs only in the engine owner. It advances
 * instances that have mail, one transition per unit of work (fenced: a former owner cannot
 * write), dispatches each effect only after the transition that requested it is durable,
 * records the effect's result as mail, and fires due timers. On start it recovers: effects
 * that never left are sent, effects that may have left are sent again under the same
 * idempotency key to connectors that deduplicate, or become in-doubt incidents otherwise.
 */
export class Engine {
  readonly metrics: EngineMetrics = { transitions: 0, stepTransitions: 0, effects: 0 };
  private running = false;
  private pumping = false;
  private pumpAgain = false;
  private wakeTimer: NodeJS.Timeout | null = null;
  /** When the wake timer is set to fire (clock time), or +∞ when it is not set. */
  private wakeAt = Number.POSITIVE_INFINITY;
  /** The next deadline known (timers, due work) as of the last look, lowered by timers this process writes. */
  private knownDueAt = Number.NEGATIVE_INFINITY;
  private lastDueLookAt = Number.NEGATIVE_INFINITY;
  private dueLookRequested = true;
  private readonly inFlightInstances = new Set<string>();
  /** Effect results not yet recorded, per instance, with the callers waiting for them to be. */
  private readonly arrivals = new Map<string, { items: Arrival[]; recorded: (() => void)[] }>();
  private readonly effectQueue: OutboxRow[] = [];
  private effectsInFlight = 0;
  private readonly pending = new Set<Promise<unknown>>();
  private readonly versions = new Map<string, { row: WorkflowVersionRow; model: WorkflowModel }>();
  private readonly expressions = new ExpressionCache();
  private readonly tables = new DecisionTableCache();

  private readonly store: Store;
  private readonly clock: Clock;
  private readonly connectors: ConnectorRuntime;
  private readonly events: EventBus;
  private readonly log: (message: string) => void;
  private readonly work: HumanWorkGateway;
  private readonly dueWork: readonly DueWork[];
  private readonly calendars: CalendarLookup;

  constructor(
    deps: EngineDeps,
    private readonly options: EngineOptions = DEFAULT_ENGINE_OPTIONS,
  ) {
    ({
      store: this.store,
      clock: this.clock,
      connectors: this.connectors,
      events: this.events,
      log: this.log,
      work: this.work,
      dueWork: this.dueWork,
      calendars: this.calendars,
    } = deps);
  }

  async start(): Promise<void> {
    this.running = true;
    await this.recoverEffects();
    this.kick();
  }

  /** Stops taking work and waits for what is in flight (effects finish; their results are recorded). */
  async stop(): Promise<void> {
    this.running = false;
    if (this.wakeTimer) clearTimeout(this.wakeTimer);
    this.wakeTimer = null;
    this.wakeAt = Number.POSITIVE_INFINITY;
    this.effectQueue.length = 0;
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }

  /**
   * Something may have work: an operator request, a new instance, a connector result.
   */
  kick(options: WakeOptions = {}): void {
    if (!this.running) return;
    if (options.dueWork) this.dueLookRequested = true;
    if (options.created) this.advanceNew(options.created);
    if (this.pumping) {
      this.pumpAgain = true;
      return;
    }
    this.pumping = true;
    setImmediate(() => void this.pump());
  }

  private track<T>(promise: Promise<T>): Promise<T> {
    this.pending.add(promise);
    void promise.finally(() => this.pending.delete(promise)).catch(() => undefined);
    return promise;
  }

  /**
   * Instances with mail are advanced on every kick; timers and due work are looked at only
   * when something is known to be due, when asked to, or once per poll. Looking costs reads
   * that a commit has just made cold (the reader decrypts the pages again), and a transition
   * of a busy engine kicks thousands of times a second.
   */
  private async pump(): Promise<void> {
    let looked = false;
    try {
      do {
        this.pumpAgain = false;
        if (!this.running) return;
        const now = this.clock.now();
        if (this.dueLookRequested || now >= this.knownDueAt || now - this.lastDueLookAt >= this.options.pollMs) {
          this.dueLookRequested = false;
          this.lastDueLookAt = now;
          looked = true;
          await this.fireDueTimers();
          for (const due of this.dueWork) await due.fireDue(this.clock.now());
        }
        const free = this.options.maxConcurrentInstances - this.inFlightInstances.size;
        if (free <= 0) continue;
        const ids = (await this.store.read((tx) => tx.instances.runnable(free + this.inFlightInstances.size)))
          .filter((id) => !this.inFlightInstances.has(id))
          .slice(0, free);
        for (const id of ids) this.advanceTracked(id);
      } while (this.pumpAgain);
    } catch (error) {
      this.log(`engine: ${(error as Error).message}`);
    } finally {
      this.pumping = false;
      if (looked || this.wakeTimer === null) await this.scheduleWake();
    }
  }

  /** Learns the next deadline and sets the wake timer for it, or for the next poll. */
  private async scheduleWake(): Promise<void> {
    if (!this.running) return;
    const candidates = await Promise.all([this.store.read((tx) => tx.timers.nextDueAt()), ...this.dueWork.map((d) => d.nextDueAt())]).catch(
      () => [] as (number | null)[],
    );
    const known = candidates.filter((t): t is number => t !== null);
    this.knownDueAt = known.length ? Math.min(...known) : Number.POSITIVE_INFINITY;
    this.setWake(Math.min(this.clock.now() + this.options.pollMs, this.knownDueAt));
  }

  private setWake(at: number): void {
    if (!this.running) return;
    if (this.wakeTimer) clearTimeout(this.wakeTimer);
    this.wakeAt = at;
    this.wakeTimer = setTimeout(
      () => {
        this.wakeTimer = null;
        this.wakeAt = Number.POSITIVE_INFINITY;
        this.dueLookRequested = true;
        this.kick();
      },
      Math.max(0, at - this.clock.now()),
    );
    this.wakeTimer.unref();
  }

  /** A transition here set a timer: it is due without waiting for the next look. */
  private timerSet(dueAt: number): void {
    this.knownDueAt = Math.min(this.knownDueAt, dueAt);
    if (dueAt < this.wakeAt) this.setWake(dueAt);
  }

  private async fireDueTimers(): Promise<void> {
    const now = this.clock.now();
    const due = await this.store.read((tx) => tx.timers.due(now, 500));
    if (due.length === 0) return;
    await this.store.unit(
      async (tx) => {
        for (const timer of due) {
          await tx.timers.markFired(timer.instanceId, timer.id);
          await tx.mailbox.append(timer.instanceId, { kind: 'timer', timerId: timer.id }, toTimestamp(now));
        }
      },
      { fenced: true },
    );
  }

  private async version(tx: Parameters<Parameters<Store['unit']>[0]>[0], id: string) {
    let entry = this.versions.get(id);
    if (!entry) {
      const row = await tx.workflows.get(id);
      if (!row) throw new Error(`workflow version ${id} is missing`);
      entry = { row, model: new WorkflowModel(row.definition) };
      this.versions.set(id, entry);
    }
    await this.tables.load(tx, entry.row.pins);
    return entry;
  }

  private advanceTracked(instanceId: string): void {
    this.inFlightInstances.add(instanceId);
    void this.track(this.advance(instanceId)).finally(() => this.release(instanceId));
  }

  private advanceNew(instanceId: string): void {
    if (this.inFlightInstances.has(instanceId) || this.inFlightInstances.size >= this.options.maxConcurrentInstances) return;
    this.advanceTracked(instanceId);
  }

  /** An instance's transition ended: results that arrived meanwhile are recorded next. */
  private release(instanceId: string): void {
    this.inFlightInstances.delete(instanceId);
    if (this.arrivals.has(instanceId)) void this.recordArrivals(instanceId);
    this.kick();
  }

  /**
   * One transition of one instance, as one fenced unit of work; then its effects leave.
   * Effect results that arrived in this process are folded into the same unit (their outbox
   * rows closed and the results consumed at once): one durable commit per step instead of
   * two, and one for all branches of a parallel step whose results arrive together.
   * Returns false when the unit failed.
   */
  private async advance(instanceId: string, arrivals: readonly Arrival[] = []): Promise<boolean> {
    const now = this.clock.now();
    const at = toTimestamp(now);
    let outcome: { effects: OutboxRow[]; timersDueAt: number[]; status: string; steps: number } | null;
    try {
      outcome = await this.store.unit(
        async (tx) => {
          const row = await tx.instances.get(instanceId);
          if (!row) return null;
          for (const arrival of arrivals) await tx.outbox.finish(arrival.effect.id, arrival.status, at);
          const mail = await tx.mailbox.read(instanceId);
          if (row.suspended) {
            // A suspended instance keeps its results as mail for when it is resumed.
            if (arrivals.length > 0) for (const arrival of arrivals) await tx.mailbox.append(instanceId, arrival.message, at);
            else await tx.instances.saveTransition(instanceId, row.revision, { ...row, needsWork: false });
            return null;
          }
          const messages = [...mail.map((m) => m.message), ...arrivals.map((a) => a.message)];
          if (messages.length === 0) {
            await tx.instances.saveTransition(instanceId, row.revision, { ...row, needsWork: false });
            return null;
          }
          const { row: version, model } = await this.version(tx, row.versionId);
          const ctx = { instanceId, model, pins: version.pins, now, services: interpreterServices(this.expressions, this.tables, this.calendars, now) };
          const result = transition(ctx, { state: row.state, variables: row.variables, provenance: row.provenance }, messages);
          const effects = await persistTransition(tx, row, result, mail.at(-1)?.seq ?? 0, now, this.work);
          const timersDueAt = result.commands.flatMap((c) => (c.kind === 'timer' ? [c.dueAt] : []));
          return { effects, timersDueAt, status: statusOf(result.state, row.suspended), steps: result.transitions };
        },
        { fenced: true },
      );
    } catch (error) {
      if (error instanceof ConcurrentTransitionError) {
        this.kick();
        return false;
      }
      this.log(`engine: transition of ${instanceId} failed: ${(error as Error).stack ?? (error as Error).message}`);
      return false;
    }
    if (!outcome) return true;
    this.metrics.transitions += 1;
    this.metrics.stepTransitions += outcome.steps;
    this.events.publish('instances.changed', { instanceId, status: outcome.status }, { kind: 'permission', permission: 'instance.read' });
    for (const dueAt of outcome.timersDueAt) this.timerSet(dueAt);
    for (const effect of outcome.effects) this.enqueueEffect(effect);
    return true;
  }

  // ── effects ────────────────────────────────────────────────────────────────────────

  private enqueueEffect(effect: OutboxRow): void {
    this.effectQueue.push(effect);
    this.drainEffects();
  }

  private drainEffects(): void {
    while (this.running && this.effectsInFlight < this.options.maxConcurrentEffects && this.effectQueue.length > 0) {
      const effect = this.effectQueue.shift() as OutboxRow;
      this.effectsInFlight += 1;
      void this.track(this.dispatch(effect)).finally(() => {
        this.effectsInFlight -= 1;
        this.drainEffects();
      });
    }
  }

  private async dispatch(effect: OutboxRow): Promise<void> {
    let connector;
    try {
      connector = await this.connectors.get(effect.connector);
    } catch (error) {
      return this.record(
        effect,
        { kind: 'effect-result', effectId: effectIdOf(effect), ok: false, error: { code: 'NO_CONNECTOR', message: (error as Error).message, retryable: true } },
        'failed',
      );
    }
    // A connector that cannot deduplicate must know, after a crash, whether the call may have
    // left: that is recorded durably before the call.
    if (!connector.idempotent) await this.store.unit((tx) => tx.outbox.markAttempted(effect.id, toTimestamp(this.clock.now())), { fenced: true });
    // The step's timeout bounds the call with all its redeliveries, not each delivery.
    const signal = effect.timeoutMs ? AbortSignal.timeout(effect.timeoutMs) : new AbortController().signal;
    for (let delivery = 0; ; delivery++) {
      const result = await connector.execute({ action: effect.action, input: effect.input, idempotencyKey: effect.idempotencyKey, signal });
      this.metrics.effects += 1;
      if (result.ok) return this.record(effect, { kind: 'effect-result', effectId: effectIdOf(effect), ok: true, value: result.value }, 'done');
      if (!result.outcomeUnknown) return this.record(effect, { kind: 'effect-result', effectId: effectIdOf(effect), ok: false, error: result.error }, 'failed');
      if (!connector.idempotent) {
        return this.record(
          effect,
          {
            kind: 'effect-result',
            effectId: effectIdOf(effect),
            ok: false,
            error: { ...result.error, code: 'IN_DOUBT', message: `${result.error.message}; the other system may or may not have done it` },
            inDoubt: true,
          },
          'in-doubt',
        );
      }
      if (delivery >= this.options.redeliveries || !this.running || signal.aborted) {
        return this.record(effect, { kind: 'effect-result', effectId: effectIdOf(effect), ok: false, error: result.error }, 'failed');
      }
      // Same idempotency key: the other system does it at most once.
      await new Promise((resolve) => setTimeout(resolve, 200 * 2 ** delivery));
    }
  }

  /**
   * An effect's result. Results of one instance that arrive in the same turn (the branches
   * of a parallel step) are recorded together, and a result that arrives while its instance
   * is mid-transition waits for that transition to end; resolves once it is recorded.
   */
  private record(effect: OutboxRow, message: Message, status: Arrival['status']): Promise<void> {
    return new Promise((recorded) => {
      let pending = this.arrivals.get(effect.instanceId);
      if (!pending) {
        pending = { items: [], recorded: [] };
        this.arrivals.set(effect.instanceId, pending);
        setImmediate(() => void this.recordArrivals(effect.instanceId));
      }
      pending.items.push({ effect, message, status });
      pending.recorded.push(recorded);
    });
  }

  /** Applies the waiting results in one transition; if that unit fails, keeps them as mail. */
  private async recordArrivals(instanceId: string): Promise<void> {
    const pending = this.arrivals.get(instanceId);
    if (!pending || this.inFlightInstances.has(instanceId)) return;
    this.arrivals.delete(instanceId);
    this.inFlightInstances.add(instanceId);
    try {
      if (!(await this.advance(instanceId, pending.items))) await this.keepAsMail(pending.items);
    } finally {
      for (const recorded of pending.recorded) recorded();
      this.release(instanceId);
    }
  }

  private async keepAsMail(arrivals: readonly Arrival[]): Promise<void> {
    const at = toTimestamp(this.clock.now());
    try {
      await this.store.unit(
        async (tx) => {
          for (const { effect, status, message } of arrivals) {
            await tx.outbox.finish(effect.id, status, at);
            await tx.mailbox.append(effect.instanceId, message, at);
          }
        },
        { fenced: true },
      );
    } catch (error) {
      // Not recorded (the lease was lost, or the store failed): the next owner recovers the
      // effects from the outbox as it would after a crash.
      const ids = arrivals.map((a) => a.effect.id).join(', ');
      this.log(`engine: the results of effects ${ids} could not be recorded: ${(error as Error).message}`);
    }
  }

  /** After a crash or a takeover: every effect still pending in the outbox. */
  private async recoverEffects(): Promise<void> {
    const pending = await this.store.read((tx) => tx.outbox.pending());
    for (const effect of pending) {
      let idempotent = false;
      try {
        idempotent = (await this.connectors.get(effect.connector)).idempotent;
      } catch {
        idempotent = false;
      }
      if (effect.attemptedAt !== null && !idempotent) {
        this.log(`engine: effect ${effect.id} (${effect.connector}.${effect.action}) may have been done before the restart; raising an in-doubt incident`);
        await this.record(
          effect,
          {
            kind: 'effect-result',
            effectId: effectIdOf(effect),
            ok: false,
            error: {
              code: 'IN_DOUBT',
              message: 'the engine stopped while this call was in flight; check whether the other system did it, then reconcile',
              retryable: false,
            },
            inDoubt: true,
          },
          'in-doubt',
        );
      } else {
        this.enqueueEffect(effect);
      }
    }
  }
}

function effectIdOf(effect: OutboxRow): string {
  return effect.id.slice(effect.instanceId.length + 1);
}
