type Listener = (payload: unknown) => void;

const MIN_RETRY_MS = 1_000;
const MAX_RETRY_MS = 30_000;

/**
 * One Server-Sent Events stream (`GET /api/events`) shared by every subscriber of this
 * page. It opens with the first subscriber and closes with the last, so a signed-out page
 * holds no stream. The browser reconnects by itself after a dropped connection, but gives
 * up for good after an error response (e.g. 401 once a session ended, or while `serve`
 * restarts); then we reopen it ourselves with capped exponential backoff.
 */
export class SseEvents {
  private readonly listeners = new Map<string, Set<Listener>>();
  private source: EventSource | null = null;
  private retryMs = MIN_RETRY_MS;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly url: string) {}

  subscribe(topic: string, listener: Listener): () => void {
    let set = this.listeners.get(topic);
    if (!set) {
      set = new Set();
      this.listeners.set(topic, set);
      this.source?.addEventListener(topic, this.dispatch);
    }
    set.add(listener);
    this.ensureOpen();
    return () => {
      set.delete(listener);
      if (set.size === 0) {
        this.listeners.delete(topic);
        this.source?.removeEventListener(topic, this.dispatch);
      }
      if (this.listeners.size === 0) this.close();
    };
  }

  private readonly dispatch = (event: Event): void => {
    const message = event as MessageEvent<string>;
    let payload: unknown;
    try {
      payload = JSON.parse(message.data);
    } catch {
      return; // not ours to interpret: the host only sends JSON
    }
    for (const listener of [...(this.listeners.get(message.type) ?? [])]) listener(payload);
  };

  private ensureOpen(): void {
    if (this.source || this.retryTimer || this.listeners.size === 0) return;
    const source = new EventSource(this.url, { withCredentials: true });
    for (const topic of this.listeners.keys()) source.addEventListener(topic, this.dispatch);
    source.onopen = () => {
      this.retryMs = MIN_RETRY_MS;
    };
    source.onerror = () => {
      if (source.readyState !== EventSource.CLOSED) return; // the browser is retrying itself
      this.source = null;
      this.retryTimer = setTimeout(() => {
        this.retryTimer = null;
        this.ensureOpen();
      }, this.retryMs);
      this.retryMs = Math.min(this.retryMs * 2, MAX_RETRY_MS);
    };
    this.source = source;
  }

  private close(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.source?.close();
    this.source = null;
    this.retryMs = MIN_RETRY_MS;
  }
}
