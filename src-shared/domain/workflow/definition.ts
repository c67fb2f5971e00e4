import { z } from 'zod';
import { FORM_FIELD_TYPES } from '../forms';

/**
 * The workflow language: a definition is YAML or JSON validated by these schemas (the
 * JSON Schema for editors is generated from them: `clearline schema`). Steps live in
 * blocks (the workflow's `steps`, a parallel branch, a foreach or loop body); within a
 * block control flows along `next` (default: the following step; `end` ends the block).
 * Loops exist only as `loop` and `foreach`, so a block's `next` graph must be acyclic.
 * Expressions are FEEL strings, evaluated with decimal numbers.
 */
const STEP_ID = /^[a-zA-Z][a-zA-Z0-9_-]{0,63}$/;
export const StepId = z.string().regex(STEP_ID, { message: 'must start with a letter and hold only letters, digits, _ and - (at most 64)' });
/** A FEEL expression. YAML and JSON numbers and booleans are FEEL literals too, so `max: 3` reads as written. */
const Feel = z
  .union([z.string().min(1, { message: 'must be a FEEL expression' }), z.number(), z.boolean()], {
    message: 'must be a FEEL expression (text, a number or true/false)',
  })
  .transform((value) => String(value));
/** ISO 8601 duration, e.g. PT30S, PT5M, P2D. */
export const IsoDuration = z
  .string()
  .regex(/^P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?$/, { message: 'must be an ISO 8601 duration such as PT30S, PT5M or P2D' });
const Target = z
  .string()
  .regex(/^[a-zA-Z_][a-zA-Z0-9_]*(\.[a-zA-Z_][a-zA-Z0-9_]*)*$/, { message: 'must be a variable name, optionally with .fields (e.g. invoice.total)' });
/**
 * Input of a task, call or decision: FEEL at the leaves, any JSON-like shape around them,
 * so a request body is written as the structure it is (`body: { order: order.number }`).
 */
export type InputTemplate = string | InputTemplate[] | { [key: string]: InputTemplate };
const Template: z.ZodType<InputTemplate, unknown> = z.lazy(() => z.union([Feel, z.array(Template), z.record(z.string(), Template)]));
const Mapping = z.record(z.string(), Template);

export const RetryPolicy = z
  .object({
    attempts: z.number().int().min(1).max(100),
    backoff: z
      .object({ initial: IsoDuration.default('PT1S'), factor: z.number().min(1).max(10).default(2), max: IsoDuration.default('PT5M') })
      .strict()
      .default({ initial: 'PT1S', factor: 2, max: 'PT5M' }),
    /** Fraction of each delay added or removed at random (0–1), so retries of many instances do not arrive together. */
    jitter: z.number().min(0).max(1).default(0.2),
  })
  .strict();

export const ErrorRoute = z
  .object({
    /** An error code, or a prefix ending in * (e.g. "HTTP_5*"); "*" matches every error. */
    code: z.string().min(1),
    /** A step in the same block, or "unwind" to compensate completed steps and fail the instance. */
    next: z.string().min(1),
  })
  .strict();

const common = {
  id: StepId,
  name: z.string().max(200).optional(),
  description: z.string().max(2000).optional(),
  /** The next step in this block; "end" ends the block. Default: the following step. */
  next: z.string().optional(),
  retry: RetryPolicy.optional(),
  timeout: IsoDuration.optional(),
  onError: z.array(ErrorRoute).optional(),
  /** A step of `compensations` that undoes this one when a later failure unwinds the workflow. */
  compensate: StepId.optional(),
};

export const SetStep = z
  .object({ ...common, kind: z.literal('set'), set: z.record(Target, Feel).refine((m) => Object.keys(m).length > 0, { message: 'set at least one variable' }) })
  .strict();

export const TaskStep = z
  .object({
    ...common,
    kind: z.literal('task'),
    /** A connector instance configured on the site (never in definitions: hosts and credentials stay in site configuration). */
    connector: z.string().min(1),
    action: z.string().min(1),
    input: Mapping.default({}),
    result: Target.optional(),
  })
  .strict();

export const DecisionStep = z
  .object({
    ...common,
    kind: z.literal('decision'),
    /** A deployed decision table's key; pinned to its latest version when the workflow is deployed. */
    table: z.string().min(1),
    /** Values for the table's inputs by variable name; default: the table's input expressions read the instance variables. */
    input: Mapping.optional(),
    result: Target,
  })
  .strict();

export const BranchStep = z
  .object({
    ...common,
    kind: z.literal('branch'),
    branches: z.array(z.object({ when: Feel, next: z.string().min(1) }).strict()).min(1),
    default: z.string().optional(),
  })
  .strict();

export const WaitStep = z
  .object({
    ...common,
    kind: z.literal('wait'),
    duration: IsoDuration.optional(),
    /** FEEL giving a date and time (or a date: midnight UTC) to wait until. */
    until: Feel.optional(),
    /** Business days in a calendar (the scheduler's calendars). */
    businessDays: z
      .object({
        days: z.number().int().min(0).max(366),
        calendar: z.string().min(1),
        /** The local time of day to resume at (default: the time the wait began). */
        at: z
          .string()
          .regex(/^\d{2}:\d{2}$/)
          .optional(),
        /** The IANA zone the days and `at` are counted in; default: the calendar's. */
        zone: z.string().min(1).optional(),
      })
      .strict()
      .optional(),
    /** Wait for a signal (or message) with this name whose correlation key equals the FEEL value. */
    signal: z
      .object({ name: z.string().min(1), correlationKey: Feel.optional(), result: Target.optional() })
      .strict()
      .optional(),
  })
  .strict()
  .refine((s) => [s.duration, s.until, s.businessDays, s.signal].filter(Boolean).length === 1, {
    message: 'a wait step waits for exactly one of: duration, until, businessDays, signal',
  });

export const CallStep = z
  .object({ ...common, kind: z.literal('call'), workflow: z.string().min(1), input: Mapping.default({}), result: Target.optional() })
  .strict();

export const FormField = z
  .object({
    name: z.string().regex(/^[a-zA-Z_][a-zA-Z0-9_]*$/),
    label: z.string().min(1),
    type: z.enum(FORM_FIELD_TYPES),
    required: z.boolean().default(false),
    /** For enum fields. */
    options: z.array(z.string()).min(1).optional(),
    /** For money fields: the currencies accepted. */
    currencies: z.array(z.string().length(3)).optional(),
    /** Masked (e.g. an account number) unless the viewer may unmask; each unmasking is audited. */
    sensitive: z.boolean().default(false),
    /** FEEL for the initial value shown. */
    default: Feel.optional(),
  })
  .strict()
  .refine((f) => f.type !== 'enum' || (f.options?.length ?? 0) > 0, { message: 'an enum field needs options' });

const Candidates = z
  .object({
    roles: z.array(z.string()).default([]),
    users: z.array(z.string()).default([]),
    /** FEEL giving usernames, when who may do it depends on the data (e.g. the cost-centre owner). */
    expression: Feel.optional(),
  })
  .strict()
  .refine((c) => c.roles.length + c.users.length > 0 || c.expression !== undefined, { message: 'name candidate roles, users or an expression' });

export const Escalation = z
  .object({
    /** Time after the SLA breach (PT0S: at the breach). */
    after: IsoDuration.default('PT0S'),
    notify: z.array(z.string()).default([]),
    reassignTo: z.string().optional(),
    raisePriority: z.number().int().min(0).max(100).optional(),
  })
  .strict();

/** How long people have: a duration, or business days/hours in a calendar; what happens when it passes. */
export const Sla = z
  .object({
    within: IsoDuration.optional(),
    businessDays: z.number().int().min(1).max(365).optional(),
    businessHours: z.number().min(0.25).max(2000).optional(),
    calendar: z.string().optional(),
    /** Opening hours for businessHours, local to the calendar's zone. */
    hours: z
      .object({ from: z.string().regex(/^\d{2}:\d{2}$/), to: z.string().regex(/^\d{2}:\d{2}$/) })
      .strict()
      .default({ from: '09:00', to: '17:00' }),
    /** The IANA zone business days and opening hours are counted in; default: the calendar's. */
    zone: z.string().min(1).optional(),
    escalations: z.array(Escalation).default([]),
  })
  .strict()
  .refine((s) => [s.within, s.businessDays, s.businessHours].filter((x) => x !== undefined).length === 1, {
    message: 'an SLA is exactly one of: within, businessDays, businessHours',
  })
  .refine((s) => s.within !== undefined || s.calendar !== undefined, { message: 'business days and hours need a calendar' });

export const HumanTaskStep = z
  .object({
    ...common,
    kind: z.literal('task.human'),
    title: z.string().min(1),
    form: z.array(FormField).default([]),
    candidates: Candidates,
    priority: z.number().int().min(0).max(100).default(50),
    sla: Sla.optional(),
    followUp: IsoDuration.optional(),
    /** The variables shown with the task (read-only). */
    show: z.array(Target).default([]),
    /** Where the completed form goes (an object of the field values). */
    result: Target.optional(),
  })
  .strict();

export const ApprovalLevel = z
  .object({ name: z.string().min(1), roles: z.array(z.string()).min(1), approvers: z.number().int().min(1).max(10).default(1) })
  .strict();

export const ApprovalStep = z
  .object({
    ...common,
    kind: z.literal('approval'),
    title: z.string().min(1),
    /** The variables the approvers see and whose hash the decision is bound to. */
    subject: z.array(Target).min(1),
    levels: z.array(ApprovalLevel).min(1).optional(),
    /** A decision table (delegation-of-authority matrix) that chooses the levels at run time: outputs name, roles, approvers. */
    levelsTable: z.string().optional(),
    priority: z.number().int().min(0).max(100).default(50),
    sla: Sla.optional(),
    result: Target.optional(),
  })
  .strict()
  .refine((s) => (s.levels === undefined) !== (s.levelsTable === undefined), { message: 'an approval has either levels or a levelsTable' });

/** Raises a flag for a person (e.g. a sanctions screening hit for compliance): an incident, blocking until reviewed unless `block: false`. */
export const FlagStep = z
  .object({
    ...common,
    kind: z.literal('flag'),
    title: z.string().min(1),
    /** FEEL: raise the flag only when true (default: always). */
    when: Feel.optional(),
    severity: z.enum(['low', 'medium', 'high', 'critical']).default('high'),
    ownerRole: z.string().default('compliance'),
    block: z.boolean().default(true),
    details: Mapping.optional(),
  })
  .strict();

/** Block-holding steps refer to Step recursively. */
export type Step =
  | z.infer<typeof SetStep>
  | z.infer<typeof TaskStep>
  | z.infer<typeof DecisionStep>
  | z.infer<typeof BranchStep>
  | z.infer<typeof WaitStep>
  | z.infer<typeof CallStep>
  | z.infer<typeof HumanTaskStep>
  | z.infer<typeof ApprovalStep>
  | z.infer<typeof FlagStep>
  | ParallelStep
  | ForeachStep
  | LoopStep;

export interface ParallelStep extends z.infer<z.ZodObject<typeof common>> {
  kind: 'parallel';
  branches: { name?: string | undefined; steps: Step[] }[];
  /** all (default), any (first to finish wins, the rest are cancelled), or at least N of the branches. */
  join: 'all' | 'any' | { atLeast: number };
}
export interface ForeachStep extends z.infer<z.ZodObject<typeof common>> {
  kind: 'foreach';
  items: string;
  as: string;
  index?: string | undefined;
  mode: 'sequential' | 'parallel';
  maxConcurrency?: number | undefined;
  steps: Step[];
  /** FEEL evaluated at the end of each iteration; the values form the list stored in `result`. */
  collect?: string | undefined;
  result?: string | undefined;
}
export interface LoopStep extends z.infer<z.ZodObject<typeof common>> {
  kind: 'loop';
  steps: Step[];
  until: string;
  max: number;
}

const Steps: z.ZodType<Step[]> = z.lazy(() => z.array(StepSchema).min(1, { message: 'a block needs at least one step' }));

export const ParallelStepSchema = z
  .object({
    ...common,
    kind: z.literal('parallel'),
    branches: z.array(z.object({ name: z.string().optional(), steps: Steps }).strict()).min(2, { message: 'a parallel step needs at least two branches' }),
    join: z.union([z.literal('all'), z.literal('any'), z.object({ atLeast: z.number().int().min(1) }).strict()]).default('all'),
  })
  .strict();

export const ForeachStepSchema = z
  .object({
    ...common,
    kind: z.literal('foreach'),
    items: Feel,
    as: z
      .string()
      .regex(/^[a-zA-Z_][a-zA-Z0-9_]*$/)
      .default('item'),
    index: z
      .string()
      .regex(/^[a-zA-Z_][a-zA-Z0-9_]*$/)
      .optional(),
    mode: z.enum(['sequential', 'parallel']).default('sequential'),
    maxConcurrency: z.number().int().min(1).max(1000).optional(),
    steps: Steps,
    collect: Feel.optional(),
    result: Target.optional(),
  })
  .strict();

export const LoopStepSchema = z.object({ ...common, kind: z.literal('loop'), steps: Steps, until: Feel, max: z.number().int().min(1).max(100_000) }).strict();

export const StepSchema: z.ZodType<Step> = z.lazy(() =>
  z.discriminatedUnion('kind', [
    SetStep,
    TaskStep,
    DecisionStep,
    BranchStep,
    WaitStep,
    CallStep,
    HumanTaskStep,
    ApprovalStep,
    FlagStep,
    ParallelStepSchema,
    ForeachStepSchema,
    LoopStepSchema,
  ]),
) as z.ZodType<Step>;

export const WorkflowKey = z
  .string()
  .regex(/^[a-z][a-z0-9-]{1,63}$/, { message: 'must be lower-case letters, digits and - (2–64), starting with a letter, e.g. ap-invoice-to-pay' });

export const WorkflowDefinition = z
  .object({
    /** The workflow's key: versions of one workflow share it. */
    workflow: WorkflowKey,
    name: z.string().min(1).max(200),
    description: z.string().max(5000).optional(),
    /** FEEL giving the business key shown in lists (e.g. invoice.number). */
    businessKey: Feel.optional(),
    steps: Steps,
    /** Steps that undo others (referenced by `compensate`); they run only while unwinding. */
    compensations: z.array(StepSchema).optional(),
  })
  .strict();
export type WorkflowDefinition = z.infer<typeof WorkflowDefinition>;

/** Steps that hold blocks. */
export function childBlocks(step: Step): { key: string; steps: Step[] }[] {
  switch (step.kind) {
    case 'parallel':
      return step.branches.map((b, i) => ({ key: `${step.id}/branch-${i}`, steps: b.steps }));
    case 'foreach':
    case 'loop':
      return [{ key: `${step.id}/body`, steps: step.steps }];
    default:
      return [];
  }
}
