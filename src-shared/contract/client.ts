import type { ApiErrorBody } from './op';
import type { OpInput, OpName, OpOutput } from './index';
import type { EventPayload, EventTopic } from './events';

/** A refused or failed call, as every host reports it (HTTP status semantics). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly issues: ApiErrorBody['issues'];
  readonly errorId: string | undefined;

  constructor(body: ApiErrorBody) {
    super(body.message);
    this.name = 'ApiError';
    this.status = body.status;
    this.code = body.code;
    this.issues = body.issues;
    this.errorId = body.errorId;
  }

  /** The message for one input field ("username"), for forms. */
  fieldMessage(path: string): string | undefined {
    return this.issues?.find((i) => i.path === path)?.message;
  }
}

/** How a client reaches a host: IPC in Electron, fetch under `clearline serve`. */
export interface Transport {
  invoke(op: string, input: unknown): Promise<unknown>;
  subscribe(topic: string, listener: (payload: unknown) => void): () => void;
}

export interface Client {
  call<K extends OpName>(op: K, input: OpInput<K>): Promise<OpOutput<K>>;
  subscribe<T extends EventTopic>(topic: T, listener: (payload: EventPayload<T>) => void): () => void;
}

/** The typed client: the operation name fixes the input and output types, from the contract. */
export function createClient(transport: Transport): Client {
  return {
    call: (op, input) => transport.invoke(op, input) as Promise<never>,
    subscribe: (topic, listener) => transport.subscribe(topic, listener as (payload: unknown) => void),
  };
}
