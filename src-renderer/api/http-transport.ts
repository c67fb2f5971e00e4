import type { Transport } from '@shared/contract/client';
import { apiErrorFrom, unreachable, type ApiError } from './api-error';
import { SseEvents } from './sse-events';

const CSRF_HEADER = 'x-clearline-csrf';
const CSRF_RESPONSE_HEADER = 'x-clearline-csrf-token';
/** Without a session cookie the host only checks that the header is present (same-origin proof). */
const NO_SESSION_CSRF = '1';

/**
 * The contract over `clearline serve`: `POST /api/<op>` with a JSON body, events over SSE.
 *
 * The session is an HttpOnly cookie this page never sees; every call must carry a CSRF
 * header that matches it. The token arrives with `session.signIn` and, after a reload, from
 * `GET /api/csrf` (null when there is no cookie, and then any value will do). If the cookie
 * changed behind our back (another tab signed in) the host answers 403 `csrf`: we fetch the
 * token for the current cookie and retry once.
 */
export class HttpTransport implements Transport {
  /** undefined until known; fetched lazily before the first call. */
  private csrf: string | undefined;
  private csrfLoading: Promise<string> | null = null;
  private readonly events = new SseEvents('/api/events');

  async invoke(op: string, input: unknown): Promise<unknown> {
    const first = await this.post(op, input, await this.csrfToken());
    if (first.ok) return first.value;
    if (first.error.status !== 403 || first.error.code !== 'csrf') throw first.error;
    this.csrf = undefined;
    const second = await this.post(op, input, await this.csrfToken());
    if (second.ok) return second.value;
    throw second.error;
  }

  subscribe(topic: string, listener: (payload: unknown) => void): () => void {
    return this.events.subscribe(topic, listener);
  }

  private async post(op: string, input: unknown, csrf: string): Promise<{ ok: true; value: unknown } | { ok: false; error: ApiError }> {
    let response: Response;
    try {
      response = await fetch(`/api/${encodeURIComponent(op)}`, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json', [CSRF_HEADER]: csrf },
        body: JSON.stringify(input ?? {}),
      });
    } catch {
      return { ok: false, error: unreachable() };
    }
    const issued = response.headers.get(CSRF_RESPONSE_HEADER);
    if (issued) this.csrf = issued;
    const body: unknown = await response.json().catch(() => undefined);
    return response.ok ? { ok: true, value: body } : { ok: false, error: apiErrorFrom(response.status, body) };
  }

  private csrfToken(): Promise<string> {
    if (this.csrf !== undefined) return Promise.resolve(this.csrf);
    this.csrfLoading ??= this.fetchCsrf().finally(() => {
      this.csrfLoading = null;
    });
    return this.csrfLoading;
  }

  private async fetchCsrf(): Promise<string> {
    let response: Response;
    try {
      response = await fetch('/api/csrf', { credentials: 'same-origin', headers: { accept: 'application/json' } });
    } catch {
      throw unreachable();
    }
    const body = (await response.json().catch(() => undefined)) as { csrfToken?: unknown } | undefined;
    if (!response.ok || (typeof body?.csrfToken !== 'string' && body?.csrfToken !== null)) throw apiErrorFrom(response.status, body);
    return (this.csrf = body.csrfToken ?? NO_SESSION_CSRF);
  }
}
