import { isTimeZone } from '../../calendar';
import type { Problem } from '@shared/domain/problems';
import { WorkflowDefinition } from '@shared/domain/workflow/definition';
import { ROLE_PERMISSIONS, type RoleName } from '@shared/permissions';
import { compileExpression } from '../../feel';
import { parseLocated, zodProblems, type LocatedDocument } from '../../documents/yaml-document';
import { END, UNWIND, WorkflowModel, type BlockInfo } from './workflow-model';
import { stepExpressions } from './step-expressions';

/** What deployment may point at: connector instances, deployed tables and workflows, calendars. */
export interface DeployContext {
  connector(name: string): { type: string; actions: readonly string[] } | null;
  table(key: string): Pin | null;
  workflow(key: string): Pin | null;
  calendar(name: string): boolean;
}

export interface Pin {
  version: number;
  contentHash: string;
}

/** The exact versions of shared tables and sub-workflows a deployed version uses. */
export interface Pins {
  tables: Record<string, Pin>;
  workflows: Record<string, Pin>;
}

export interface ValidatedDefinition {
  definition?: WorkflowDefinition;
  pins: Pins;
  problems: Problem[];
}

/**
 * Everything that can be known before an instance runs: the schema, then unknown and
 * unreachable steps, cycles outside loops, FEEL syntax, and references to connectors,
 * decision tables, sub-workflows and calendars — each problem with file, line and column.
 */
export function validateDefinition(text: string, file: string, context: DeployContext): ValidatedDefinition {
  const pins: Pins = { tables: {}, workflows: {} };
  const parsed = parseLocated(text, file);
  if (!parsed.doc) return { pins, problems: parsed.problems };
  const doc = parsed.doc;
  const schema = WorkflowDefinition.safeParse(doc.value);
  if (!schema.success) return { pins, problems: zodProblems(doc, schema.error.issues) };
  const definition = schema.data;
  const model = new WorkflowModel(definition);
  const problems: Problem[] = [];
  const error = (code: string, message: string, path: (string | number)[], offset?: number) => problems.push(doc.problem('error', code, message, path, offset));

  for (const dup of model.duplicates) error('duplicate-step', `step id "${dup.id}" is used twice; step ids are unique in a workflow`, dup.docPath);
  for (const block of model.blocks.values()) checkBlock(model, block, error);
  checkExpressions(model, doc, problems);
  if (definition.businessKey) checkFeel(doc, definition.businessKey, ['businessKey'], problems);

  for (const info of model.steps.values()) {
    const { step, docPath } = info;
    if (step.compensate) {
      const target = model.steps.get(step.compensate);
      if (!target || target.block.key !== 'compensations')
        error('unknown-compensation', `compensate names "${step.compensate}", which is not a step of compensations`, [...docPath, 'compensate']);
    }
    if (info.block.key === 'compensations' && step.kind !== 'task' && step.kind !== 'set') {
      error('compensation-kind', 'compensation steps are task or set steps', [...docPath, 'kind']);
    }
    switch (step.kind) {
      case 'task': {
        const connector = context.connector(step.connector);
        if (!connector)
          error(
            'unknown-connector',
            `no connector instance "${step.connector}" is configured on this site (Admin › Connectors, or \`clearline connector add\`)`,
            [...docPath, 'connector'],
          );
        else if (!connector.actions.includes(step.action)) {
          error('unknown-action', `connector "${step.connector}" (${connector.type}) has no action "${step.action}"; it has: ${connector.actions.join(', ')}`, [
            ...docPath,
            'action',
          ]);
        }
        break;
      }
      case 'decision': {
        const pin = context.table(step.table);
        if (!pin) error('unknown-table', `no decision table "${step.table}" is deployed; deploy it first`, [...docPath, 'table']);
        else pins.tables[step.table] = pin;
        break;
      }
      case 'approval':
        if (!step.levels && !step.levelsTable) error('approval-levels', 'an approval needs levels or a levelsTable', docPath);
        if (step.levelsTable) {
          const pin = context.table(step.levelsTable);
          if (!pin) error('unknown-table', `no decision table "${step.levelsTable}" is deployed; deploy it first`, [...docPath, 'levelsTable']);
          else pins.tables[step.levelsTable] = pin;
        }
        break;
      case 'call': {
        if (step.workflow === definition.workflow) {
          error('recursive-call', 'a workflow cannot call itself (an instance would never finish)', [...docPath, 'workflow']);
          break;
        }
        const pin = context.workflow(step.workflow);
        if (!pin) error('unknown-workflow', `no workflow "${step.workflow}" is deployed; deploy it first`, [...docPath, 'workflow']);
        else pins.workflows[step.workflow] = pin;
        break;
      }
      case 'wait':
        if (step.businessDays && !context.calendar(step.businessDays.calendar)) {
          error('unknown-calendar', `no business calendar "${step.businessDays.calendar}" exists on this site`, [...docPath, 'businessDays', 'calendar']);
        }
        if (step.businessDays?.zone !== undefined && !isTimeZone(step.businessDays.zone)) {
          error('unknown-zone', `${step.businessDays.zone} is not an IANA time zone (e.g. Europe/Berlin)`, [...docPath, 'businessDays', 'zone']);
        }
        break;
      case 'parallel':
        if (typeof step.join === 'object' && step.join.atLeast > step.branches.length) {
          error('join-count', `join waits for ${step.join.atLeast} branches but there are ${step.branches.length}`, [...docPath, 'join', 'atLeast']);
        }
        break;
      default:
        break;
    }
  }
  for (const info of model.steps.values()) {
    const step = info.step;
    if ((step.kind === 'task.human' || step.kind === 'approval') && step.sla?.calendar && !context.calendar(step.sla.calendar)) {
      error('unknown-calendar', `no business calendar "${step.sla.calendar}" exists on this site`, [...info.docPath, 'sla', 'calendar']);
    }
    if ((step.kind === 'task.human' || step.kind === 'approval') && step.sla?.zone !== undefined && !isTimeZone(step.sla.zone)) {
      error('unknown-zone', `${step.sla.zone} is not an IANA time zone (e.g. Europe/Berlin)`, [...info.docPath, 'sla', 'zone']);
    }
  }
  problems.push(...makerCheckerWarnings(model, doc));
  return { definition, pins, problems };
}

function overlaps(a: string, b: string): boolean {
  return a === b || a.startsWith(`${b}.`) || b.startsWith(`${a}.`);
}

/**
 * The static segregation-of-duties check: a warning wherever one role could both make the
 * data an approval is about (start the instance with it, or enter it in a human task) and
 * approve it. The core refuses the same person at run time anyway; this catches the design.
 */
function makerCheckerWarnings(model: WorkflowModel, doc: LocatedDocument): Problem[] {
  const warnings: Problem[] = [];
  const starters = (Object.keys(ROLE_PERMISSIONS) as RoleName[]).filter((r) => ROLE_PERMISSIONS[r].includes('instance.start'));
  const tasks = [...model.steps.values()].filter((i) => i.step.kind === 'task.human');
  for (const info of model.steps.values()) {
    const step = info.step;
    if (step.kind !== 'approval' || !step.levels) continue;
    for (const [l, level] of step.levels.entries()) {
      for (const role of level.roles) {
        const makes: string[] = [];
        if ((starters as string[]).includes(role)) makes.push('starting the instance with its input');
        for (const t of tasks) {
          const task = t.step as Extract<typeof t.step, { kind: 'task.human' }>;
          if (task.result && task.candidates.roles.includes(role) && step.subject.some((path) => overlaps(path, task.result as string)))
            makes.push(`entering ${task.result} in step ${task.id}`);
        }
        if (makes.length > 0) {
          warnings.push(
            doc.problem(
              'warning',
              'maker-checker',
              `role ${role} can both make the data under approval (${makes.join('; ')}) and approve it at level "${level.name}"; the same person is refused at run time, but consider separate roles`,
              [...info.docPath, 'levels', l, 'roles'],
            ),
          );
        }
      }
    }
  }
  return warnings;
}

type ErrorAt = (code: string, message: string, path: (string | number)[]) => void;

/** In one block: every target exists in that block, every step is reachable from the first, and `next` never forms a cycle. */
function checkBlock(model: WorkflowModel, block: BlockInfo, error: ErrorAt): void {
  const inBlock = new Set(block.steps.map((s) => s.id));
  const checkTarget = (target: string | undefined, path: (string | number)[], allowUnwind = false) => {
    if (target === undefined || target === END || (allowUnwind && target === UNWIND)) return;
    if (inBlock.has(target)) return;
    const elsewhere = model.steps.get(target);
    error(
      'unknown-step',
      elsewhere ? `"${target}" is in another block; control cannot jump into or out of a parallel, foreach or loop body` : `there is no step "${target}"`,
      path,
    );
  };
  for (const [index, step] of block.steps.entries()) {
    const path = [...block.docPath, index];
    checkTarget(step.next, [...path, 'next']);
    if (step.kind === 'branch') {
      step.branches.forEach((b, i) => checkTarget(b.next, [...path, 'branches', i, 'next']));
      checkTarget(step.default, [...path, 'default']);
    }
    step.onError?.forEach((r, i) => checkTarget(r.next, [...path, 'onError', i, 'next'], true));
  }
  if (block.key === 'compensations') return;

  const valid = (id: string) => inBlock.has(id);
  const reached = new Set<string>();
  const stack = [block.steps[0]?.id].filter((x): x is string => Boolean(x));
  while (stack.length) {
    const id = stack.pop() as string;
    if (reached.has(id)) continue;
    reached.add(id);
    stack.push(...model.successors(id).filter(valid));
  }
  for (const [index, step] of block.steps.entries()) {
    if (!reached.has(step.id)) error('unreachable-step', `step "${step.id}" can never run: no step leads to it`, [...block.docPath, index, 'id']);
  }

  // Depth-first search for a back edge; report the cycle once, at its first step.
  const state = new Map<string, 'open' | 'done'>();
  const trail: string[] = [];
  const visit = (id: string): boolean => {
    state.set(id, 'open');
    trail.push(id);
    for (const next of model.successors(id).filter(valid)) {
      if (state.get(next) === 'open') {
        const cycle = [...trail.slice(trail.indexOf(next)), next];
        error('cycle', `steps ${cycle.join(' → ')} form a cycle; repeat work with a loop or foreach step`, [...model.info(next).docPath, 'id']);
        return true;
      }
      if (!state.has(next) && visit(next)) return true;
    }
    trail.pop();
    state.set(id, 'done');
    return false;
  };
  for (const step of block.steps) if (!state.has(step.id) && visit(step.id)) break;
}

function checkFeel(doc: LocatedDocument, source: string, path: (string | number)[], problems: Problem[]): void {
  const compiled = compileExpression(source);
  if (!compiled.ok) problems.push(doc.problem('error', 'feel-syntax', `FEEL: ${compiled.error.message}`, path, compiled.error.from));
}

function checkExpressions(model: WorkflowModel, doc: LocatedDocument, problems: Problem[]): void {
  for (const { step, docPath } of model.steps.values()) {
    for (const site of stepExpressions(step)) checkFeel(doc, site.source, [...docPath, ...site.path], problems);
  }
}
