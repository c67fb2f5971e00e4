import { childBlocks, type Step, type WorkflowDefinition } from '@shared/domain/workflow/definition';

export interface BlockInfo {
  /** "root", "compensations", or "<step>/branch-<i>" / "<step>/body". */
  key: string;
  steps: Step[];
  /** The step holding the block (null for root and compensations). */
  owner: string | null;
  docPath: (string | number)[];
}

export interface StepInfo {
  step: Step;
  block: BlockInfo;
  index: number;
  docPath: (string | number)[];
}

export const END = 'end';
export const UNWIND = 'unwind';

/**
 * An index over a definition: every step by id with its block and position in the source
 * document, and the control-flow questions the validator and the interpreter both ask.
 */
export class WorkflowModel {
  readonly steps = new Map<string, StepInfo>();
  readonly blocks = new Map<string, BlockInfo>();
  readonly duplicates: { id: string; docPath: (string | number)[] }[] = [];

  constructor(readonly definition: WorkflowDefinition) {
    this.addBlock({ key: 'root', steps: definition.steps, owner: null, docPath: ['steps'] });
    if (definition.compensations) this.addBlock({ key: 'compensations', steps: definition.compensations, owner: null, docPath: ['compensations'] });
  }

  private addBlock(block: BlockInfo): void {
    this.blocks.set(block.key, block);
    block.steps.forEach((step, index) => {
      const docPath = [...block.docPath, index];
      if (this.steps.has(step.id)) this.duplicates.push({ id: step.id, docPath: [...docPath, 'id'] });
      else this.steps.set(step.id, { step, block, index, docPath });
      for (const [i, child] of childBlocks(step).entries()) {
        const childPath = step.kind === 'parallel' ? [...docPath, 'branches', i, 'steps'] : [...docPath, 'steps'];
        this.addBlock({ key: child.key, steps: child.steps, owner: step.id, docPath: childPath });
      }
    });
  }

  get root(): BlockInfo {
    return this.blocks.get('root') as BlockInfo;
  }

  info(stepId: string): StepInfo {
    const info = this.steps.get(stepId);
    if (!info) throw new Error(`no step "${stepId}" in workflow ${this.definition.workflow}`);
    return info;
  }

  /** The step control passes to after `stepId` completes normally (null: the block ends). */
  nextOf(stepId: string): string | null {
    const { step, block, index } = this.info(stepId);
    if (step.next === END) return null;
    if (step.next) return step.next;
    return block.steps[index + 1]?.id ?? null;
  }

  /** Every step a step can hand control to inside its block (for reachability and cycles). */
  successors(stepId: string): string[] {
    const { step } = this.info(stepId);
    const out = new Set<string>();
    const next = this.nextOf(stepId);
    if (step.kind === 'branch') {
      for (const b of step.branches) if (b.next !== END) out.add(b.next);
      if (step.default && step.default !== END) out.add(step.default);
    } else if (next) out.add(next);
    for (const route of step.onError ?? []) if (route.next !== UNWIND && route.next !== END) out.add(route.next);
    return [...out];
  }
}
