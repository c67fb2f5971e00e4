import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CoreEvent, EventPayload } from '@shared/contract/events';
import type { SessionInfo } from '@shared/domain/users';
import type { CoreGateway } from '../core/worker/protocol';
import type { Origin } from '../core/auth/principal';
import { reaches } from '../core/events/audience';

/**
 * GET /api/events: Server-Sent Events for one signed-in session. The session is checked
 * through the core first; the stream ends when the session does.
 */
export async function openEventStream(core: CoreGateway, token: string, origin: Origin, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const credential = { kind: 'session' as const, token };
  const me = async () => core.call({ op: 'session.me', input: {}, credential, origin });
  const first = await me();
  if (!first.ok) {
    response.writeHead(first.error.status, { 'content-type': 'application/json' }).end(JSON.stringify(first.error));
    return;
  }
  let session = first.value as SessionInfo;
  response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
  response.write(': connected\n\n');
  const heartbeat = setInterval(() => response.write(': keep-alive\n\n'), 25_000);
  const unsubscribe = core.subscribe((event) => {
    if (!reaches(event, session)) return;
    response.write(`event: ${event.topic}\ndata: ${JSON.stringify(event.payload)}\n\n`);
    if (event.topic === 'session.ended') response.end();
    if (event.topic === 'users.changed' && (event.payload as EventPayload<'users.changed'>).userId === session.user.id) {
      void me().then((next) => {
        if (next.ok) session = next.value as SessionInfo;
        else response.end();
      });
    }
  });
  const stop = () => {
    clearInterval(heartbeat);
    unsubscribe();
  };
  request.on('close', stop);
  response.on('close', stop);
}
