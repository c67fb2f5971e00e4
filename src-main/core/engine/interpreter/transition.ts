import type { JsonValue } from '@shared/domain/audit';
import type { InputTemplate, Step } from '@shared/domain/workflow/definition';
import { END, UNWIND } from '../definitions/workflow-model';
import { retryDelayMs } from './backoff';
import { addDuration } from './durations';
import { stepErrorOf, type TransitionContext } from './services';
import type {
  Activation,
  Actor,
  Command,
  HumanWork,
  IncidentType,
  InstanceState,
  Message,
  ScopeState,
  Snapshot,
  StepError,
  TransitionEvent,
  TransitionResult,
  Wait,
} from './types';
import { assign, clone, valueAt } from './variables';
import { canonicalJson } from '@shared/domain/canonical-json';

const ENGINE: Actor = { kind: 'engine' };
type Vars = { [key: string]: JsonValue };

export function emptyState(): InstanceState {
  return { nextId: 1, scopes: {}, activations: {}, compensable: [], unwinding: null, outcome: null };
}

/**
 * Advances one instance: applies the messages in its mailbox, then runs every step that
 * can run without waiting for the outside world, and stops where each path must wait (an
 * effect, a timer, a signal, a person, a child instance, an incident). Pure: the same
 * inputs give the same outputs, and everything the outside world must do is returned as
 * commands, to be carried out only after the new state is durable.
 */
export function transition(ctx: TransitionContext, snapshot: Snapshot, messages: readonly Message[]): TransitionResult {
  const run = new Transition(ctx, snapshot);
  for (const message of messages) run.apply(message);
  run.runReady();
  return run.result();
}

class Transition {
  private readonly state: InstanceState;
  private readonly variables: Vars;
  private readonly original: Vars;
  private readonly originalState: InstanceState;
  private readonly provenance: Snapshot['provenance'];
  private readonly commands: Command[] = [];
  private readonly events: TransitionEvent[] = [];
  private transitions = 0;

  constructor(
    private readonly ctx: TransitionContext,
    snapshot: Snapshot,
  ) {
    this.state = clone(snapshot.state);
    this.originalState = snapshot.state;
    this.original = snapshot.variables;
    this.variables = clone(snapshot.variables);
    this.provenance = clone(snapshot.provenance);
  }

  result(): TransitionResult {
    this.noticeApprovalDataChanges();
    return {
      state: this.state,
      variables: this.variables,
      provenance: this.provenance,
      commands: this.commands,
      events: this.events,
      transitions: this.transitions,
    };
  }

  /** An approval is bound to its data: when this transition changed the data of a pending approval, its decisions so far are void. */
  private noticeApprovalDataChanges(): void {
    for (const activation of Object.values(this.state.activations)) {
      if (activation.status !== 'waiting' || activation.wait?.kind !== 'human') continue;
      // An approval that started in this transition saw the data as it is now.
      if (this.originalState.activations[activation.id]?.wait?.kind !== 'human') continue;
      const step = this.step(activation);
      if (step.kind !== 'approval') continue;
      const subject = (vars: Vars) => canonicalJson(step.subject.map((path) => valueAt(vars, path) ?? null));
      if (subject(this.original) !== subject(this.variables)) this.commands.push({ kind: 'approval-data-changed', requestId: activation.wait.requestId });
    }
  }

  // ── identifiers, events ────────────────────────────────────────────────────────────

  private id(prefix: string): string {
    return `${prefix}${this.state.nextId++}`;
  }

  private emit(action: string, payload: { [key: string]: JsonValue }, by: Actor = ENGINE): void {
    this.events.push({ action, by, payload });
  }

  private step(activation: Activation): Step {
    return this.ctx.model.info(activation.step).step;
  }

  // ── messages ───────────────────────────────────────────────────────────────────────

  apply(message: Message): void {
    if (this.state.outcome && message.kind !== 'effect-result') return;
    switch (message.kind) {
      case 'start':
        return this.start();
      case 'effect-result':
        return this.onEffectResult(message);
      case 'timer':
        return this.onTimer(message.timerId);
      case 'signal':
        return this.onSignal(message);
      case 'child-done':
        return this.onChildDone(message);
      case 'human-done':
        return this.onHumanDone(message);
      case 'operator':
        return this.onOperator(message);
      case 'data-changed':
        return this.onDataChanged(message);
    }
  }

  private start(): void {
    if (Object.keys(this.state.scopes).length > 0) return;
    this.emit('instance.started', {});
    const scope = this.newScope(this.ctx.model.root.key, null, {}, 0);
    this.enter(scope, this.ctx.model.root.steps[0]?.id ?? null);
  }

  private waitingOn(predicate: (wait: Wait) => boolean): Activation | undefined {
    return Object.values(this.state.activations).find((a) => a.status === 'waiting' && a.wait !== undefined && predicate(a.wait));
  }

  private onEffectResult(message: Extract<Message, { kind: 'effect-result' }>): void {
    const activation = this.waitingOn((w) => w.kind === 'effect' && w.effectId === message.effectId);
    if (!activation) {
      // The step was cancelled (a parallel branch lost, the instance was cancelled) while
      // the effect was in flight: its result is recorded but changes nothing.
      this.emit('effect.result-ignored', { effectId: message.effectId, ok: message.ok });
      return;
    }
    if (message.ok) {
      const step = this.step(activation);
      const outputs: Vars = {};
      if ('result' in step && step.result) this.setVariable(step.result, message.value, activation, outputs);
      // One event tells both: the connector's answer and the step's completion.
      this.complete(activation, outputs, ENGINE, undefined, { effectId: message.effectId, result: message.value });
    } else if (message.inDoubt) {
      this.raiseIncident(activation, 'in-doubt', message.error);
    } else {
      this.emit('effect.failed', {
        step: activation.step,
        activation: activation.id,
        attempt: activation.attempt,
        effectId: message.effectId,
        error: errorJson(message.error),
      });
      this.fail(activation, message.error);
    }
  }

  private onTimer(timerId: string): void {
    const activation = this.waitingOn(
      (w) => ((w.kind === 'timer' || w.kind === 'retry') && w.timerId === timerId) || (w.kind === 'signal' && w.timeoutTimer === timerId),
    );
    if (!activation?.wait) return;
    const wait = activation.wait;
    switch (wait.kind) {
      case 'timer':
        this.emit('wait.elapsed', { step: activation.step, activation: activation.id });
        this.complete(activation, {});
        return;
      case 'retry':
        activation.attempt += 1;
        activation.status = 'ready';
        delete activation.wait;
        return;
      case 'signal':
        this.commands.push({ kind: 'unsubscribe', activationId: activation.id });
        this.fail(activation, { code: 'TIMEOUT', message: `no signal "${wait.name}" arrived in time`, retryable: false });
        return;
      default:
        return;
    }
  }

  private onSignal(message: Extract<Message, { kind: 'signal' }>): void {
    const activation = this.waitingOn((w) => w.kind === 'signal' && w.name === message.name && w.correlationKey === message.correlationKey);
    if (!activation) return;
    const wait = activation.wait as Extract<Wait, { kind: 'signal' }>;
    if (wait.timeoutTimer) this.commands.push({ kind: 'cancel-timer', timerId: wait.timeoutTimer });
    this.commands.push({ kind: 'unsubscribe', activationId: activation.id });
    const step = this.step(activation);
    const outputs: Vars = {};
    if (step.kind === 'wait' && step.signal?.result) this.setVariable(step.signal.result, message.payload, activation, outputs);
    this.emit('signal.received', {
      step: activation.step,
      activation: activation.id,
      signal: message.name,
      correlationKey: message.correlationKey,
      signalId: message.signalId,
    });
    this.complete(activation, outputs);
  }

  private onChildDone(message: Extract<Message, { kind: 'child-done' }>): void {
    const activation = this.waitingOn((w) => w.kind === 'child-instance' && w.instanceId === message.instanceId);
    if (!activation) return;
    if (!message.ok) return this.fail(activation, message.error ?? { code: 'CHILD_FAILED', message: 'the sub-workflow failed', retryable: false });
    const step = this.step(activation);
    const outputs: Vars = {};
    if (step.kind === 'call' && step.result) this.setVariable(step.result, message.output, activation, outputs);
    this.complete(activation, outputs);
  }

  private onHumanDone(message: Extract<Message, { kind: 'human-done' }>): void {
    const activation = this.waitingOn((w) => w.kind === 'human' && w.requestId === message.requestId);
    if (!activation) return;
    const step = this.step(activation);
    const outputs: Vars = {};
    const target = 'result' in step ? step.result : undefined;
    if (target && message.by.kind === 'user') {
      assign(this.variables, this.provenance, target, message.output, {
        by: { kind: 'user', userId: message.by.userId, username: message.by.username },
        at: this.ctx.now,
      });
      outputs[target] = message.output;
    }
    this.complete(activation, outputs, message.by);
  }

  private onDataChanged(message: Extract<Message, { kind: 'data-changed' }>): void {
    const by = message.by.kind === 'user' ? { kind: 'user' as const, userId: message.by.userId, username: message.by.username } : { kind: 'engine' as const };
    const before: Vars = {};
    for (const [path, value] of Object.entries(message.changes)) {
      before[path] = valueAt(this.variables, path) ?? null;
      assign(this.variables, this.provenance, path, value, { by, at: this.ctx.now });
    }
    this.emit('data.changed', { reason: message.reason, before, after: message.changes }, message.by);
  }

  private onOperator(message: Extract<Message, { kind: 'operator' }>): void {
    if (message.action === 'cancel') {
      this.emit('instance.cancel-requested', { reason: message.reason }, message.by);
      this.startUnwinding(`cancelled: ${message.reason}`, 'cancelled');
      return;
    }
    const activation = this.state.activations[message.activationId];
    if (message.action === 'resolve') {
      if (activation?.wait?.kind === 'incident' && activation.wait.type === 'compliance-flag') {
        this.emit('flag.cleared', { step: activation.step, activation: activation.id, reason: message.reason }, message.by);
        this.complete(activation, {}, message.by);
      }
      return;
    }
    if (!activation || activation.wait?.kind !== 'incident') {
      this.emit(
        'operator.request-ignored',
        { action: message.action, activation: message.activationId, reason: 'the step is not held by an incident any more' },
        message.by,
      );
      return;
    }
    const incident = activation.wait;
    const resolve = (resolution: string) => this.commands.push({ kind: 'resolve-incident', incidentId: incident.incidentId, resolution, by: message.by });
    switch (message.action) {
      case 'retry':
        resolve(`retried: ${message.reason}`);
        this.emit('step.retried-by-operator', { step: activation.step, activation: activation.id, reason: message.reason }, message.by);
        activation.attempt += 1;
        activation.status = 'ready';
        delete activation.wait;
        return;
      case 'skip':
      case 'reconcile': {
        const done = message.action === 'skip' || message.done;
        resolve(`${message.action === 'skip' ? 'skipped' : done ? 'reconciled as done' : 'reconciled as not done'}: ${message.reason}`);
        if (!done) {
          this.emit('step.reconciled', { step: activation.step, activation: activation.id, done: false, reason: message.reason }, message.by);
          activation.attempt += 1;
          activation.status = 'ready';
          delete activation.wait;
          return;
        }
        const step = this.step(activation);
        const outputs: Vars = {};
        const target = 'result' in step ? step.result : undefined;
        if (target && message.by.kind === 'user') {
          assign(this.variables, this.provenance, target, message.value, {
            by: { kind: 'user', userId: message.by.userId, username: message.by.username },
            at: this.ctx.now,
          });
          outputs[target] = message.value;
        }
        this.emit(
          message.action === 'skip' ? 'step.skipped' : 'step.reconciled',
          { step: activation.step, activation: activation.id, done: true, value: message.value, reason: message.reason },
          message.by,
        );
        this.complete(activation, outputs, message.by);
        return;
      }
    }
  }

  // ── running steps ──────────────────────────────────────────────────────────────────

  runReady(): void {
    for (let ready = this.nextReady(); ready; ready = this.nextReady()) this.execute(ready);
  }

  private nextReady(): Activation | undefined {
    return Object.values(this.state.activations).find((a) => a.status === 'ready');
  }

  /** Variables as an expression in this activation's scope sees them: instance variables plus the locals of every enclosing iteration. */
  private contextOf(scopeId: string): Vars {
    const layers: Vars[] = [];
    for (let scope: ScopeState | undefined = this.state.scopes[scopeId]; scope;) {
      layers.unshift(scope.locals);
      const owner: Activation | undefined = scope.owner ? this.state.activations[scope.owner] : undefined;
      scope = owner ? this.state.scopes[owner.scope] : undefined;
    }
    return Object.assign({}, this.variables, ...layers) as Vars;
  }

  private evaluate(source: string, activation: Activation, extra: Vars = {}): JsonValue {
    return this.ctx.services.evaluate(source, { ...this.contextOf(activation.scope), ...extra });
  }

  private evaluateMapping(mapping: Record<string, InputTemplate> | undefined, activation: Activation): Vars {
    const out: Vars = {};
    for (const [key, template] of Object.entries(mapping ?? {})) out[key] = this.evaluateTemplate(template, activation);
    return out;
  }

  private evaluateTemplate(template: InputTemplate, activation: Activation): JsonValue {
    if (typeof template === 'string') return this.evaluate(template, activation);
    if (Array.isArray(template)) return template.map((item) => this.evaluateTemplate(item, activation));
    return this.evaluateMapping(template, activation);
  }

  private execute(activation: Activation): void {
    const step = this.step(activation);
    activation.status = 'waiting';
    try {
      this.executeStep(activation, step);
    } catch (error) {
      const failure = stepErrorOf(error, 'EXPRESSION');
      this.emit('step.error', { step: step.id, activation: activation.id, error: errorJson(failure) });
      this.fail(activation, failure);
    }
  }

  private executeStep(activation: Activation, step: Step): void {
    switch (step.kind) {
      case 'set': {
        const outputs: Vars = {};
        const values = Object.entries(step.set).map(([target, source]) => [target, this.evaluate(source, activation)] as const);
        for (const [target, value] of values) this.setVariable(target, value, activation, outputs);
        return this.complete(activation, outputs);
      }
      case 'task': {
        const effectId = this.id('e');
        const input = this.evaluateMapping(step.input, activation);
        const idempotencyKey = `${this.ctx.instanceId}:${activation.id}:${activation.attempt}`;
        // The runtime enforces the step's timeout on the call itself: whether a timed-out
        // effect may be sent again depends on the connector, which only the runtime knows.
        const timeoutMs = step.timeout ? addDuration(this.ctx.now, step.timeout) - this.ctx.now : null;
        this.commands.push({
          kind: 'effect',
          effectId,
          activationId: activation.id,
          step: step.id,
          attempt: activation.attempt,
          connector: step.connector,
          action: step.action,
          input,
          idempotencyKey,
          timeoutMs,
        });
        activation.wait = { kind: 'effect', effectId };
        this.emit('effect.requested', {
          step: step.id,
          activation: activation.id,
          attempt: activation.attempt,
          connector: step.connector,
          action: step.action,
          idempotencyKey,
          input,
        });
        return;
      }
      case 'decision': {
        const pin = this.ctx.pins.tables[step.table];
        if (!pin) throw Object.assign(new Error(`decision table ${step.table} is not pinned in this version`), { code: 'NOT_PINNED' });
        const input = step.input ? this.evaluateMapping(step.input, activation) : this.contextOf(activation.scope);
        const decision = this.ctx.services.decide(step.table, pin, input);
        this.emit('decision.evaluated', {
          step: step.id,
          activation: activation.id,
          table: step.table,
          version: pin.version,
          contentHash: pin.contentHash,
          input: step.input ? input : null,
          matchedRules: decision.matchedRules.map((r) => ({ index: r.index, id: r.id })),
          result: decision.result,
        });
        const outputs: Vars = {};
        this.setVariable(step.result, decision.result, activation, outputs);
        return this.complete(activation, outputs);
      }
      case 'branch': {
        const index = step.branches.findIndex((b) => this.evaluate(b.when, activation) === true);
        const target = index >= 0 ? step.branches[index]?.next : step.default;
        if (target === undefined) throw Object.assign(new Error('no branch condition is true and there is no default'), { code: 'NO_BRANCH' });
        this.emit('branch.taken', { step: step.id, activation: activation.id, branch: index >= 0 ? index : 'default', next: target });
        return this.complete(activation, {}, ENGINE, target === END ? null : target);
      }
      case 'wait':
        return this.executeWait(activation, step);
      case 'call': {
        const pin = this.ctx.pins.workflows[step.workflow];
        if (!pin) throw Object.assign(new Error(`workflow ${step.workflow} is not pinned in this version`), { code: 'NOT_PINNED' });
        const instanceId = `${this.ctx.instanceId}.${activation.id}.${activation.attempt}`;
        this.commands.push({
          kind: 'start-child',
          activationId: activation.id,
          instanceId,
          workflow: step.workflow,
          version: pin.version,
          input: this.evaluateMapping(step.input, activation),
        });
        activation.wait = { kind: 'child-instance', instanceId };
        this.emit('call.started', { step: step.id, activation: activation.id, workflow: step.workflow, version: pin.version, child: instanceId });
        return;
      }
      case 'task.human':
      case 'approval': {
        const requestId = `${this.ctx.instanceId}.${activation.id}.${activation.attempt}`;
        const work = step.kind === 'approval' ? this.approvalWork(activation, step) : this.taskWork(activation, step);
        this.commands.push({ kind: 'human', requestId, activationId: activation.id, step: step.id, attempt: activation.attempt, work });
        activation.wait = { kind: 'human', requestId };
        this.emit('human-work.requested', {
          step: step.id,
          activation: activation.id,
          kind: step.kind,
          requestId,
          ...(work.kind === 'approval' ? { levels: work.levels } : { candidates: work.candidates }),
        });
        return;
      }
      case 'flag': {
        if (step.when && this.evaluate(step.when, activation) !== true) return this.complete(activation, {});
        const details = this.evaluateMapping(step.details, activation);
        const incidentId = `${this.ctx.instanceId}.${this.id('i')}`;
        const error: StepError = { code: 'COMPLIANCE_FLAG', message: step.title, retryable: false, details };
        this.commands.push({
          kind: 'incident',
          incidentId,
          activationId: activation.id,
          step: step.id,
          type: 'compliance-flag',
          error,
          attempts: 1,
          inputs: details,
          severity: step.severity,
          ownerRole: step.ownerRole,
        });
        this.emit('flag.raised', {
          step: step.id,
          activation: activation.id,
          incident: incidentId,
          title: step.title,
          severity: step.severity,
          ownerRole: step.ownerRole,
          blocking: step.block,
          details,
        });
        if (!step.block) return this.complete(activation, {});
        activation.wait = { kind: 'incident', incidentId, type: 'compliance-flag', error };
        return;
      }
      case 'parallel': {
        activation.wait = { kind: 'children' };
        activation.data = { finished: 0 };
        activation.children = step.branches.map((_, i) => this.newScope(`${step.id}/branch-${i}`, activation.id, {}, i).id);
        for (const [i, scopeId] of activation.children.entries()) this.enter(this.scope(scopeId), step.branches[i]?.steps[0]?.id ?? null);
        return;
      }
      case 'foreach': {
        const items = this.evaluate(step.items, activation);
        if (!Array.isArray(items))
          throw Object.assign(new Error(`items must be a list, got ${items === null ? 'null' : typeof items}`), { code: 'NOT_A_LIST' });
        activation.wait = { kind: 'children' };
        activation.data = { items, next: 0, running: 0, results: items.map(() => null) };
        activation.children = [];
        if (items.length === 0) return this.finishForeach(activation, step);
        const limit = step.mode === 'sequential' ? 1 : (step.maxConcurrency ?? items.length);
        for (let i = 0; i < Math.min(limit, items.length); i++) this.startIteration(activation, step);
        return;
      }
      case 'loop': {
        activation.wait = { kind: 'children' };
        activation.data = { iteration: 1 };
        activation.children = [];
        this.startLoopIteration(activation, step);
        return;
      }
    }
  }

  private taskWork(activation: Activation, step: Extract<Step, { kind: 'task.human' }>): HumanWork {
    const users = [...step.candidates.users];
    if (step.candidates.expression) {
      const named = this.evaluate(step.candidates.expression, activation);
      for (const name of Array.isArray(named) ? named : [named]) if (typeof name === 'string') users.push(name);
    }
    return {
      kind: 'task',
      title: step.title,
      form: step.form.map((f) => ({
        name: f.name,
        label: f.label,
        type: f.type,
        required: f.required,
        options: f.options,
        currencies: f.currencies,
        sensitive: f.sensitive,
        value: f.default ? this.evaluate(f.default, activation) : null,
      })),
      candidates: { roles: [...step.candidates.roles], users },
      priority: step.priority,
      sla: (step.sla ?? null) as JsonValue,
      followUpMs: step.followUp ? addDuration(this.ctx.now, step.followUp) - this.ctx.now : null,
      show: step.show,
    };
  }

  /** Levels come from the step, or from the delegation-of-authority table evaluated on the data now. */
  private approvalWork(activation: Activation, step: Extract<Step, { kind: 'approval' }>): HumanWork {
    let levels = step.levels;
    if (!levels && step.levelsTable) {
      const pin = this.ctx.pins.tables[step.levelsTable];
      if (!pin) throw Object.assign(new Error(`decision table ${step.levelsTable} is not pinned in this version`), { code: 'NOT_PINNED' });
      const decision = this.ctx.services.decide(step.levelsTable, pin, this.contextOf(activation.scope));
      this.emit('decision.evaluated', {
        step: step.id,
        activation: activation.id,
        table: step.levelsTable,
        version: pin.version,
        contentHash: pin.contentHash,
        input: null,
        matchedRules: decision.matchedRules.map((r) => ({ index: r.index, id: r.id })),
        result: decision.result,
      });
      levels = levelsFrom(decision.result);
    }
    return { kind: 'approval', title: step.title, subject: step.subject, levels: levels ?? [], priority: step.priority, sla: (step.sla ?? null) as JsonValue };
  }

  private executeWait(activation: Activation, step: Extract<Step, { kind: 'wait' }>): void {
    if (step.signal) {
      const key = step.signal.correlationKey ? this.evaluate(step.signal.correlationKey, activation) : null;
      const correlationKey = key === null ? null : typeof key === 'string' ? key : JSON.stringify(key);
      this.commands.push({ kind: 'subscribe', activationId: activation.id, name: step.signal.name, correlationKey });
      const timeoutTimer = step.timeout ? this.timer(activation, addDuration(this.ctx.now, step.timeout), 'timeout') : null;
      activation.wait = { kind: 'signal', name: step.signal.name, correlationKey, timeoutTimer };
      this.emit('signal.awaited', { step: step.id, activation: activation.id, signal: step.signal.name, correlationKey });
      return;
    }
    let dueAt: number;
    if (step.duration) dueAt = addDuration(this.ctx.now, step.duration);
    else if (step.businessDays) dueAt = this.ctx.services.addBusinessDays({ fromMs: this.ctx.now, ...step.businessDays });
    else {
      const until = this.evaluate(step.until as string, activation);
      dueAt = typeof until === 'string' ? Date.parse(until.length === 10 ? `${until}T00:00:00Z` : until) : Number.NaN;
      if (!Number.isFinite(dueAt))
        throw Object.assign(new Error(`until must give a date or date and time, got ${JSON.stringify(until)}`), { code: 'NOT_A_DATE' });
    }
    const timerId = this.timer(activation, dueAt, 'wait');
    activation.wait = { kind: 'timer', timerId, dueAt };
    this.emit('wait.started', { step: step.id, activation: activation.id, until: new Date(dueAt).toISOString() });
  }

  private timer(activation: Activation, dueAt: number, purpose: 'wait' | 'retry' | 'timeout'): string {
    const timerId = this.id('t');
    this.commands.push({ kind: 'timer', timerId, activationId: activation.id, dueAt, purpose });
    return timerId;
  }

  private setVariable(target: string, value: JsonValue, activation: Activation, outputs: Vars): void {
    assign(this.variables, this.provenance, target, value, { by: { kind: 'step', step: activation.step, activation: activation.id }, at: this.ctx.now });
    outputs[target] = value;
  }

  // ── completion, control flow ───────────────────────────────────────────────────────

  private complete(
    activation: Activation,
    outputs: Vars,
    by: Actor = ENGINE,
    nextOverride?: string | null,
    effect?: { effectId: string; result: JsonValue },
  ): void {
    activation.status = 'done';
    delete activation.wait;
    this.transitions += 1;
    const step = this.step(activation);
    this.emit(
      'step.completed',
      { step: step.id, kind: step.kind, activation: activation.id, attempt: activation.attempt, outputs, ...(effect ? { effect } : {}) },
      by,
    );
    const scope = this.scope(activation.scope);
    if (scope.block === 'compensations') {
      scope.status = 'done';
      scope.current = null;
      return this.nextCompensation();
    }
    if (step.compensate) this.state.compensable.push({ activation: activation.id, step: step.id, compensate: step.compensate });
    this.enter(scope, nextOverride !== undefined ? nextOverride : this.ctx.model.nextOf(step.id));
  }

  private scope(id: string): ScopeState {
    const scope = this.state.scopes[id];
    if (!scope) throw new Error(`instance state has no scope ${id}`);
    return scope;
  }

  private newScope(block: string, owner: string | null, locals: Vars, ordinal: number): ScopeState {
    const scope: ScopeState = { id: this.id('s'), block, owner, locals, ordinal, current: null, status: 'active' };
    this.state.scopes[scope.id] = scope;
    return scope;
  }

  /** Makes `stepId` the scope's current step, or closes the scope when there is none. */
  private enter(scope: ScopeState, stepId: string | null): void {
    if (scope.status !== 'active') return;
    if (stepId === null) {
      scope.status = 'done';
      scope.current = null;
      return this.scopeDone(scope);
    }
    const activation: Activation = { id: this.id('a'), scope: scope.id, step: stepId, status: 'ready', attempt: 1, startedAt: this.ctx.now };
    this.state.activations[activation.id] = activation;
    scope.current = activation.id;
  }

  private scopeDone(scope: ScopeState): void {
    if (!scope.owner) {
      if (scope.block === 'root' && !this.state.unwinding) this.finish('completed');
      return;
    }
    const owner = this.state.activations[scope.owner];
    if (!owner || owner.status !== 'waiting') return;
    const step = this.step(owner);
    if (step.kind === 'parallel') return this.branchDone(owner, step);
    if (step.kind === 'foreach') return this.iterationDone(owner, step, scope);
    if (step.kind === 'loop') return this.loopIterationDone(owner, step);
  }

  private branchDone(owner: Activation, step: Extract<Step, { kind: 'parallel' }>): void {
    const data = owner.data as { finished: number };
    data.finished += 1;
    const needed = step.join === 'all' ? step.branches.length : step.join === 'any' ? 1 : step.join.atLeast;
    if (data.finished < needed) return;
    for (const scopeId of owner.children ?? []) {
      const child = this.scope(scopeId);
      if (child.status === 'active') this.cancelScope(child, 'the parallel join was satisfied');
    }
    this.emit('parallel.joined', { step: step.id, activation: owner.id, finished: data.finished, of: step.branches.length });
    this.complete(owner, {});
  }

  private startIteration(owner: Activation, step: Extract<Step, { kind: 'foreach' }>): void {
    const data = owner.data as { items: JsonValue[]; next: number; running: number };
    const index = data.next;
    data.next += 1;
    data.running += 1;
    const locals: Vars = { [step.as]: data.items[index] ?? null };
    if (step.index) locals[step.index] = index;
    const scope = this.newScope(`${step.id}/body`, owner.id, locals, index);
    owner.children?.push(scope.id);
    this.enter(scope, step.steps[0]?.id ?? null);
  }

  private iterationDone(owner: Activation, step: Extract<Step, { kind: 'foreach' }>, scope: ScopeState): void {
    const data = owner.data as { items: JsonValue[]; next: number; running: number; results: JsonValue[] };
    data.running -= 1;
    if (step.collect) data.results[scope.ordinal] = this.ctx.services.evaluate(step.collect, this.contextOf(scope.id));
    if (data.next < data.items.length) return this.startIteration(owner, step);
    if (data.running === 0) this.finishForeach(owner, step);
  }

  private finishForeach(owner: Activation, step: Extract<Step, { kind: 'foreach' }>): void {
    const outputs: Vars = {};
    if (step.result) this.setVariable(step.result, step.collect ? ((owner.data as { results: JsonValue[] }).results ?? []) : null, owner, outputs);
    this.complete(owner, outputs);
  }

  private startLoopIteration(owner: Activation, step: Extract<Step, { kind: 'loop' }>): void {
    const iteration = (owner.data as { iteration: number }).iteration;
    const scope = this.newScope(`${step.id}/body`, owner.id, {}, iteration);
    owner.children?.push(scope.id);
    this.enter(scope, step.steps[0]?.id ?? null);
  }

  private loopIterationDone(owner: Activation, step: Extract<Step, { kind: 'loop' }>): void {
    const data = owner.data as { iteration: number };
    let finished: boolean;
    try {
      finished = this.evaluate(step.until, owner) === true;
    } catch (error) {
      return this.fail(owner, stepErrorOf(error, 'EXPRESSION'));
    }
    if (finished) {
      this.emit('loop.finished', { step: step.id, activation: owner.id, iterations: data.iteration });
      return this.complete(owner, {});
    }
    if (data.iteration >= step.max)
      return this.fail(owner, { code: 'LOOP_LIMIT', message: `the loop reached its maximum of ${step.max} iterations`, retryable: false });
    data.iteration += 1;
    this.startLoopIteration(owner, step);
  }

  // ── failure, retries, incidents ────────────────────────────────────────────────────

  private fail(activation: Activation, error: StepError): void {
    const step = this.step(activation);
    const policy = step.retry;
    if (error.retryable && policy && activation.attempt < policy.attempts) {
      const dueAt = this.ctx.now + retryDelayMs(policy, activation.attempt, activation.id, this.ctx.now);
      const timerId = this.timer(activation, dueAt, 'retry');
      activation.status = 'waiting';
      activation.wait = { kind: 'retry', timerId, dueAt, lastError: error };
      this.emit('retry.scheduled', {
        step: step.id,
        activation: activation.id,
        attempt: activation.attempt,
        next: activation.attempt + 1,
        at: new Date(dueAt).toISOString(),
        error: errorJson(error),
      });
      return;
    }
    const route = step.onError?.find((r) => r.code === '*' || r.code === error.code || (r.code.endsWith('*') && error.code.startsWith(r.code.slice(0, -1))));
    if (route) {
      activation.status = 'failed';
      delete activation.wait;
      this.transitions += 1;
      assign(
        this.variables,
        this.provenance,
        'error',
        { step: step.id, code: error.code, message: error.message },
        { by: { kind: 'step', step: step.id, activation: activation.id }, at: this.ctx.now },
      );
      this.emit('step.failed', { step: step.id, activation: activation.id, attempt: activation.attempt, error: errorJson(error), routedTo: route.next });
      if (route.next === UNWIND) return this.startUnwinding(`step ${step.id} failed with ${error.code}: ${error.message}`, 'failed');
      return this.enter(this.scope(activation.scope), route.next === END ? null : route.next);
    }
    const type: IncidentType =
      error.code === 'UNIQUE_VIOLATION'
        ? 'unique-violation'
        : error.code === 'EXPRESSION' || error.code === 'NOT_A_LIST' || error.code === 'NOT_A_DATE'
          ? 'expression'
          : error.retryable
            ? 'retries-exhausted'
            : 'failure';
    this.raiseIncident(activation, type, error);
  }

  private raiseIncident(activation: Activation, type: IncidentType, error: StepError): void {
    const step = this.step(activation);
    const incidentId = `${this.ctx.instanceId}.${this.id('i')}`;
    let inputs: JsonValue = null;
    if (step.kind === 'task') {
      try {
        inputs = this.evaluateMapping(step.input, activation);
      } catch {
        inputs = null;
      }
    }
    this.commands.push({ kind: 'incident', incidentId, activationId: activation.id, step: step.id, type, error, attempts: activation.attempt, inputs });
    activation.status = 'waiting';
    activation.wait = { kind: 'incident', incidentId, type, error };
    this.emit('incident.raised', {
      step: step.id,
      activation: activation.id,
      incident: incidentId,
      type,
      attempts: activation.attempt,
      error: errorJson(error),
    });
  }

  // ── cancellation and compensation ──────────────────────────────────────────────────

  private cancelScope(scope: ScopeState, reason: string): void {
    scope.status = 'cancelled';
    for (const activation of Object.values(this.state.activations)) {
      if (activation.scope !== scope.id || (activation.status !== 'waiting' && activation.status !== 'ready')) continue;
      this.cancelActivation(activation, reason);
    }
  }

  private cancelActivation(activation: Activation, reason: string): void {
    const wait = activation.wait;
    activation.status = 'cancelled';
    delete activation.wait;
    switch (wait?.kind) {
      case 'timer':
      case 'retry':
        this.commands.push({ kind: 'cancel-timer', timerId: wait.timerId });
        break;
      case 'signal':
        this.commands.push({ kind: 'unsubscribe', activationId: activation.id });
        if (wait.timeoutTimer) this.commands.push({ kind: 'cancel-timer', timerId: wait.timeoutTimer });
        break;
      case 'child-instance':
        this.commands.push({ kind: 'cancel-child', instanceId: wait.instanceId, reason });
        break;
      case 'human':
        this.commands.push({ kind: 'cancel-human', requestId: wait.requestId });
        break;
      case 'incident':
        this.commands.push({ kind: 'resolve-incident', incidentId: wait.incidentId, resolution: `cancelled: ${reason}`, by: ENGINE });
        break;
      default:
        break;
    }
    for (const child of activation.children ?? []) {
      const scope = this.state.scopes[child];
      if (scope?.status === 'active') this.cancelScope(scope, reason);
    }
    this.emit('step.cancelled', { step: activation.step, activation: activation.id, reason });
  }

  /** Stops every path, then runs the compensations of completed steps in reverse order. */
  private startUnwinding(reason: string, outcome: 'failed' | 'cancelled'): void {
    if (this.state.unwinding) return;
    for (const scope of Object.values(this.state.scopes)) if (scope.status === 'active' && scope.block !== 'compensations') this.cancelScope(scope, reason);
    const queue = [...this.state.compensable].reverse().map((c) => ({ compensate: c.compensate, for: c.activation }));
    this.state.unwinding = { reason, outcome, queue };
    this.emit('instance.unwinding', { reason, compensations: queue.map((q) => q.compensate) });
    this.nextCompensation();
  }

  private nextCompensation(): void {
    const unwinding = this.state.unwinding as NonNullable<InstanceState['unwinding']>;
    const next = unwinding.queue.shift();
    if (!next) return this.finish(unwinding.outcome);
    const compensated = this.state.activations[next.for];
    const scope = this.newScope('compensations', null, { compensating: { step: compensated?.step ?? null, activation: next.for } }, 0);
    this.enter(scope, next.compensate);
  }

  private finish(outcome: 'completed' | 'failed' | 'cancelled'): void {
    this.state.outcome = outcome;
    this.emit(`instance.${outcome}`, outcome === 'completed' ? {} : { reason: this.state.unwinding?.reason ?? null });
  }
}

function errorJson(error: StepError): JsonValue {
  return { code: error.code, message: error.message, retryable: error.retryable, ...(error.details !== undefined ? { details: error.details } : {}) };
}

/**
 * The levels a delegation-of-authority table chose: one output per matched rule (COLLECT,
 * RULE ORDER) or a single one, each with `name`, `roles` (a list, or names separated by
 * commas) and optionally `approvers`.
 */
function levelsFrom(result: JsonValue): { name: string; roles: string[]; approvers: number }[] {
  const rows = Array.isArray(result) ? result : result === null ? [] : [result];
  return rows.map((row, i) => {
    const r = (row ?? {}) as { [key: string]: JsonValue };
    const roles = Array.isArray(r.roles)
      ? r.roles.map(String)
      : String(r.roles ?? '')
          .split(',')
          .map((x) => x.trim())
          .filter(Boolean);
    if (roles.length === 0) throw Object.assign(new Error(`the levels table gave level ${i + 1} without roles`), { code: 'EXPRESSION' });
    return { name: String(r.name ?? `Level ${i + 1}`), roles, approvers: typeof r.approvers === 'number' ? r.approvers : 1 };
  });
}
