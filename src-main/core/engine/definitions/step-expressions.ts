import type { InputTemplate, Step } from '@shared/domain/workflow/definition';

export interface ExpressionSite {
  /** Path relative to the step, e.g. ["set", "total"] or ["branches", 0, "when"]. */
  path: (string | number)[];
  source: string;
}

/** Every FEEL leaf of an input template, with its path. */
export function templateLeaves(template: InputTemplate, path: (string | number)[]): ExpressionSite[] {
  if (typeof template === 'string') return [{ path, source: template }];
  if (Array.isArray(template)) return template.flatMap((item, i) => templateLeaves(item, [...path, i]));
  return Object.entries(template).flatMap(([key, value]) => templateLeaves(value, [...path, key]));
}

const mapping = (prefix: string, m: Record<string, InputTemplate> | undefined): ExpressionSite[] => (m ? templateLeaves(m, [prefix]) : []);

/** Every FEEL expression a step holds (not those of its child blocks), where it sits. */
export function stepExpressions(step: Step): ExpressionSite[] {
  switch (step.kind) {
    case 'set':
      return Object.entries(step.set).map(([target, source]) => ({ path: ['set', target], source }));
    case 'task':
    case 'call':
      return mapping('input', step.input);
    case 'decision':
      return mapping('input', step.input);
    case 'branch':
      return step.branches.map((b, i) => ({ path: ['branches', i, 'when'], source: b.when }));
    case 'wait':
      return [
        ...(step.until ? [{ path: ['until'], source: step.until }] : []),
        ...(step.signal?.correlationKey ? [{ path: ['signal', 'correlationKey'], source: step.signal.correlationKey }] : []),
      ];
    case 'task.human':
      return [
        ...(step.candidates.expression ? [{ path: ['candidates', 'expression'], source: step.candidates.expression }] : []),
        ...step.form.flatMap((f, i) => (f.default ? [{ path: ['form', i, 'default'], source: f.default }] : [])),
      ];
    case 'foreach':
      return [{ path: ['items'], source: step.items }, ...(step.collect ? [{ path: ['collect'], source: step.collect }] : [])];
    case 'loop':
      return [{ path: ['until'], source: step.until }];
    case 'flag':
      return [...(step.when ? [{ path: ['when'], source: step.when }] : []), ...mapping('details', step.details)];
    case 'approval':
    case 'parallel':
      return [];
  }
}
