import { z } from 'zod';

/**
 * A decision table as Clearline stores it: the YAML/JSON form, and what a DMN decision
 * table is imported into. Cells are FEEL text; numbers and booleans written bare in YAML
 * (`then: [2]`) are taken as their FEEL text, so authors need not quote them.
 */

export const HIT_POLICIES = ['UNIQUE', 'FIRST', 'PRIORITY', 'ANY', 'COLLECT', 'RULE ORDER', 'OUTPUT ORDER'] as const;
export const HitPolicy = z.enum(HIT_POLICIES);
export type HitPolicy = z.infer<typeof HitPolicy>;

export const Aggregation = z.enum(['SUM', 'MIN', 'MAX', 'COUNT']);
export type Aggregation = z.infer<typeof Aggregation>;

/** A column's declared type; temporal inputs given as ISO strings are converted to FEEL dates, dates and times and durations. */
export const ColumnType = z.enum(['string', 'number', 'boolean', 'date', 'date-time', 'duration']);
export type ColumnType = z.infer<typeof ColumnType>;

const AllowedValue = z.union([z.string(), z.number(), z.boolean()]);

const Feel = z.union([z.string(), z.number(), z.boolean()]).transform(String);

const Input = z
  .object({
    id: z.string().min(1).optional(),
    label: z.string().optional(),
    /** The FEEL expression whose value the column's cells test, usually a variable name or path. */
    expression: Feel.pipe(z.string().trim().min(1, 'an input needs a FEEL expression')),
    type: ColumnType.optional(),
    /** The values the input may take; a value outside them is an error at run time. */
    values: z.array(AllowedValue).min(1).optional(),
  })
  .strict();

const Output = z
  .object({
    name: z.string().min(1),
    label: z.string().optional(),
    type: ColumnType.optional(),
    /** Allowed values, in priority order for the PRIORITY and OUTPUT ORDER hit policies. */
    values: z.array(AllowedValue).min(1).optional(),
  })
  .strict();

const Rule = z
  .object({
    id: z.string().min(1).optional(),
    description: z.string().optional(),
    /** One unary-tests cell per input ("-" or blank: any value). */
    when: z.array(Feel),
    /** One FEEL expression per output (blank: null). */
    then: z.array(Feel),
  })
  .strict();

export const DecisionTableModel = z
  .object({
    id: z.string().min(1),
    name: z.string().optional(),
    hitPolicy: HitPolicy.default('UNIQUE'),
    aggregation: Aggregation.optional(),
    inputs: z.array(Input).min(1),
    outputs: z.array(Output).min(1),
    rules: z.array(Rule),
  })
  .strict()
  .superRefine((table, ctx) => {
    table.rules.forEach((rule, i) => {
      if (rule.when.length !== table.inputs.length) {
        ctx.addIssue({ code: 'custom', path: ['rules', i, 'when'], message: `has ${rule.when.length} cells for ${table.inputs.length} inputs` });
      }
      if (rule.then.length !== table.outputs.length) {
        ctx.addIssue({ code: 'custom', path: ['rules', i, 'then'], message: `has ${rule.then.length} cells for ${table.outputs.length} outputs` });
      }
    });
  });
export type DecisionTableModel = z.infer<typeof DecisionTableModel>;
export type DecisionInput = DecisionTableModel['inputs'][number];
export type DecisionOutput = DecisionTableModel['outputs'][number];
