import { DateRule as DateRuleShape, type DateRule as DateRuleType } from '@shared/domain/schedule';
import { validateCron } from './cron';

/** The date rule of @shared/domain/schedule, with the cron expression parsed: an error names the column at fault. */
export const DateRule = DateRuleShape.superRefine((rule, ctx) => {
  if (rule.kind !== 'cron') return;
  const result = validateCron(rule.expression);
  if (!result.ok) ctx.addIssue({ code: 'custom', path: ['expression'], message: `cron, column ${result.column}: ${result.message}` });
});
export type DateRule = DateRuleType;
