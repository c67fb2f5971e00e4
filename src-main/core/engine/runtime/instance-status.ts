import type { InstanceStatus, StepRunState } from '@shared/contract/engine';
import type { Activation, InstanceState } from '../interpreter/types';

/** The one-word status lists and filters show, derived from the interpreter state. */
export function statusOf(state: InstanceState, suspended: boolean): InstanceStatus {
  if (state.outcome) return state.outcome;
  if (suspended) return 'suspended';
  const waiting = Object.values(state.activations).filter((a) => a.status === 'waiting');
  if (waiting.some((a) => a.wait?.kind === 'incident')) return 'incident';
  if (waiting.some((a) => a.wait?.kind === 'effect' || a.wait?.kind === 'child-instance') || state.unwinding) return 'running';
  return 'waiting';
}

function runState(activation: Activation): StepRunState {
  switch (activation.status) {
    case 'done':
      return 'done';
    case 'failed':
      return 'failed';
    case 'cancelled':
      return 'cancelled';
    case 'ready':
      return 'running';
    case 'waiting':
      switch (activation.wait?.kind) {
        case 'incident':
          return activation.wait.type === 'in-doubt' ? 'in-doubt' : 'incident';
        case 'timer':
        case 'signal':
        case 'human':
        case 'retry':
          return 'waiting';
        default:
          return 'running';
      }
  }
}

/** For the diagram: each step's latest run and how many times it ran. */
export function stepStates(state: InstanceState): Record<string, { state: StepRunState; attempt: number; activation: string; runs: number }> {
  const out: Record<string, { state: StepRunState; attempt: number; activation: string; runs: number }> = {};
  const byNumber = Object.values(state.activations).sort((a, b) => Number(a.id.slice(1)) - Number(b.id.slice(1)));
  for (const activation of byNumber) {
    out[activation.step] = { state: runState(activation), attempt: activation.attempt, activation: activation.id, runs: (out[activation.step]?.runs ?? 0) + 1 };
  }
  return out;
}
