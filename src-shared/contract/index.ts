import type { z } from 'zod';
import { auditOps } from './audit';
import { evidenceOps } from './evidence';
import { engineOps } from './engine';
import { governanceOps, workOps } from './work';
import { scheduleOps } from './schedules';
import { sessionOps, setupOps } from './session';
import { systemOps } from './system';
import { userOps } from './users';
import type { OpDefinition } from './op';

/** The API: every operation of every host, in one map. The only door between UI and core. */
export const contract = {
  ...setupOps,
  ...sessionOps,
  ...userOps,
  ...auditOps,
  ...evidenceOps,
  ...engineOps,
  ...workOps,
  ...governanceOps,
  ...scheduleOps,
  ...systemOps,
} as const satisfies Record<string, OpDefinition>;

export type Contract = typeof contract;
export type OpName = keyof Contract;
export type OpInput<K extends OpName> = z.input<Contract[K]['input']>;
export type OpParsedInput<K extends OpName> = z.output<Contract[K]['input']>;
export type OpOutput<K extends OpName> = z.output<Contract[K]['output']>;

export function isOpName(name: string): name is OpName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

export { op, page, Empty, Ok, ApiErrorBody, type Access, type OpDefinition } from './op';
