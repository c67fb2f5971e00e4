import type { ClearlineBridge } from '@shared/contract/bridge';
import type { Transport } from '@shared/contract/client';
import { ApiError, unreachable } from './api-error';

/**
 * The contract inside the desktop app: the preload's `window.clearline` bridge. Results
 * cross the context bridge as envelopes (thrown errors would lose their fields), and are
 * turned back into ApiError here.
 */
export class IpcTransport implements Transport {
  constructor(private readonly bridge: ClearlineBridge) {}

  async invoke(op: string, input: unknown): Promise<unknown> {
    let result: Awaited<ReturnType<ClearlineBridge['invoke']>>;
    try {
      result = await this.bridge.invoke(op, input ?? {});
    } catch {
      throw unreachable();
    }
    if (result.ok) return result.value;
    throw new ApiError(result.error);
  }

  subscribe(topic: string, listener: (payload: unknown) => void): () => void {
    return this.bridge.subscribe(topic, listener);
  }
}
