import type { CoreEvent, EventPayload } from '@shared/contract/events';
import type { SessionInfo } from '@shared/domain/users';
import type { Credential } from '../core/auth/authenticator';
import type { Origin } from '../core/auth/principal';
import type { DispatchCall, DispatchResult } from '../core/dispatch/dispatcher';
import type { SessionDirective } from '../core/dispatch/handlers';
import { reaches } from '../core/events/audience';

/** What a window receives on the event channel: a topic and its payload, never a credential. */
export interface WindowEvent {
  topic: string;
  payload: unknown;
}

interface WindowSession {
  token: string;
  /** Who the session is, for routing events; null until `session.me` answers. */
  info: SessionInfo | null;
}

/**
 * The desktop's equivalent of the HttpOnly session cookie: each window's session token
 * lives here, in the main process, keyed by the window's web contents id. The page never
 * sees it, so script injected into a page cannot steal a session. The core's session
 * directives set and clear it; events go only to windows whose session they reach.
 */
export class WindowSessions {
  private readonly sessions = new Map<number, WindowSession>();
  private readonly signingOut = new Set<Promise<void>>();

  constructor(
    private readonly core: { call(call: DispatchCall): Promise<DispatchResult> },
    private readonly send: (windowId: number, event: WindowEvent) => void,
  ) {}

  static origin(windowId: number): Origin {
    return { host: 'ipc', detail: `window ${windowId}` };
  }

  credential(windowId: number): Credential | undefined {
    const session = this.sessions.get(windowId);
    return session ? { kind: 'session', token: session.token } : undefined;
  }

  /**
   * Applies what the core said about the window's session after a call (sign-in, sign-out,
   * expiry). Resolves once a new session's identity is known, so its events route at once.
   */
  async apply(windowId: number, directive: SessionDirective | undefined): Promise<void> {
    if (!directive) return;
    if ('clear' in directive) {
      this.sessions.delete(windowId);
      return;
    }
    this.sessions.set(windowId, { token: directive.set.token, info: null });
    await this.refresh(windowId);
  }

  /** Sends an event to every window whose session it reaches; resolves when the routing it changed is up to date. */
  async deliver(event: CoreEvent): Promise<void> {
    const refreshes: Promise<void>[] = [];
    for (const [windowId, session] of this.sessions) {
      if (!session.info || !reaches(event, session.info)) continue;
      this.send(windowId, { topic: event.topic, payload: event.payload });
      if (event.topic === 'session.ended') this.sessions.delete(windowId);
      // A role change alters which events the user may receive: ask the core again.
      if (event.topic === 'users.changed' && (event.payload as EventPayload<'users.changed'>).userId === session.info.user.id)
        refreshes.push(this.refresh(windowId));
    }
    await Promise.all(refreshes);
  }

  /** A window closed: its session ends with it (signed out in the core, audited), as nobody can use it again. */
  end(windowId: number): Promise<void> {
    const credential = this.credential(windowId);
    this.sessions.delete(windowId);
    if (!credential) return Promise.resolve();
    const signOut = this.core.call({ op: 'session.signOut', input: {}, credential, origin: WindowSessions.origin(windowId) }).then(() => undefined);
    this.signingOut.add(signOut);
    return signOut.finally(() => this.signingOut.delete(signOut));
  }

  /** The app is quitting: every session ends, including sign-outs already under way, before the core closes. */
  async endAll(): Promise<void> {
    await Promise.all([...[...this.sessions.keys()].map((windowId) => this.end(windowId)), ...this.signingOut]);
  }

  private async refresh(windowId: number): Promise<void> {
    const session = this.sessions.get(windowId);
    if (!session) return;
    const result = await this.core.call({
      op: 'session.me',
      input: {},
      credential: { kind: 'session', token: session.token },
      origin: WindowSessions.origin(windowId),
    });
    // The token may have changed (or gone) while the core answered; only the current one counts.
    if (this.sessions.get(windowId) !== session) return;
    if (result.ok) session.info = result.value as SessionInfo;
    else if (result.session && 'clear' in result.session) this.sessions.delete(windowId);
  }
}
