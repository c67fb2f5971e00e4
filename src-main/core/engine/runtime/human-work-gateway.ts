import type { Repositories } from '../../store/repositories';
import type { InstanceRow } from '../../store/engine-repositories';
import type { Command } from '../interpreter/types';

/**
 * Where the engine hands work to people. The engine does not know tasks or approvals; the
 * human-work module implements this and turns requests into tasks in the same unit of work
 * as the transition that asked for them.
 */
export interface HumanWorkGateway {
  open(tx: Repositories, instance: InstanceRow, command: Extract<Command, { kind: 'human' }>, now: number): Promise<void>;
  cancel(tx: Repositories, requestId: string, now: number): Promise<void>;
  dataChanged(tx: Repositories, instance: InstanceRow, requestId: string, now: number): Promise<void>;
}
