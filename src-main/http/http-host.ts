import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { SECURITY_HEADERS } from '@shared/security/response-headers';
import type { CoreGateway } from '../core/worker/protocol';
import type { DispatchResult } from '../core/dispatch/dispatcher';
import type { Origin } from '../core/auth/principal';
import { openEventStream } from './event-stream';
import { clearedSessionCookie, CSRF_HEADER, csrfMatches, csrfTokenFor, readSessionToken, sessionCookie } from './session-cookie';
import { serveStatic } from './static-files';

export interface HttpHostOptions {
  core: CoreGateway;
  host: string;
  port: number;
  rendererDir: string;
  tls?: { certFile: string; keyFile: string };
  log: (message: string) => void;
}

export interface RunningHttpHost {
  url: string;
  close(): Promise<void>;
}

const MAX_BODY = 1024 * 1024;
const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

export class HttpHostConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/**
 * `clearline serve`: the contract over HTTP and the built renderer, for browsers and for a
 * site without a desktop session. It binds loopback unless told otherwise, and any other
 * address only with TLS. It holds no business rule: it moves calls to the core and the
 * session token between the core and an HttpOnly cookie.
 */
export function startHttpHost(options: HttpHostOptions): Promise<RunningHttpHost> {
  if (!LOOPBACK.has(options.host) && !options.tls) {
    throw new HttpHostConfigError(`binding ${options.host} exposes the console beyond this machine: give --tls-cert and --tls-key, or bind 127.0.0.1`);
  }
  const secure = Boolean(options.tls);
  const handler = (request: IncomingMessage, response: ServerResponse) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.setHeader(name, value);
    if (secure) response.setHeader('strict-transport-security', 'max-age=31536000');
    route(options, secure, request, response).catch((error: Error) => {
      options.log(`HTTP ${request.method} ${request.url} failed: ${error.stack ?? error.message}`);
      if (!response.headersSent) response.writeHead(500, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ status: 500, code: 'internal', message: 'The request failed; see the server log.' }));
    });
  };
  const server: Server = options.tls
    ? createHttpsServer({ cert: readFileSync(options.tls.certFile), key: readFileSync(options.tls.keyFile) }, handler)
    : createHttpServer(handler);
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      const { port } = server.address() as AddressInfo;
      const hostPart = options.host.includes(':') ? `[${options.host}]` : options.host;
      resolve({
        url: `${secure ? 'https' : 'http'}://${hostPart}:${port}/`,
        close: () =>
          new Promise((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}

function originOf(request: IncomingMessage): Origin {
  return { host: 'http', detail: request.socket.remoteAddress ?? 'unknown' };
}

function json(response: ServerResponse, status: number, body: unknown, headers: Record<string, string | string[]> = {}): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers }).end(JSON.stringify(body));
}

/** Browsers say where a request comes from; anything but this same origin is refused. */
function crossSite(request: IncomingMessage): boolean {
  const site = request.headers['sec-fetch-site'];
  if (site && site !== 'same-origin' && site !== 'none') return true;
  const origin = request.headers.origin;
  return Boolean(origin && request.headers.host && new URL(origin).host !== request.headers.host);
}

async function route(options: HttpHostOptions, secure: boolean, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const path = (request.url ?? '/').split('?')[0] ?? '/';
  if (!path.startsWith('/api/')) {
    if (request.method !== 'GET' && request.method !== 'HEAD')
      return json(response, 405, { status: 405, code: 'method_not_allowed', message: 'Only GET serves the console.' });
    return serveStatic(options.rendererDir, path, response);
  }
  if (crossSite(request)) return json(response, 403, { status: 403, code: 'cross_site', message: 'Requests from other sites are refused.' });
  const token = readSessionToken(request);

  if (path === '/api/csrf' && request.method === 'GET') {
    // No session yet is a normal state for a page that just loaded, not an error.
    return json(response, 200, { csrfToken: token ? csrfTokenFor(token) : null });
  }
  if (path === '/api/events' && request.method === 'GET') {
    if (!token) return json(response, 401, { status: 401, code: 'unauthenticated', message: 'Sign in to continue.' });
    return openEventStream(options.core, token, originOf(request), request, response);
  }
  if (request.method !== 'POST')
    return json(response, 405, { status: 405, code: 'method_not_allowed', message: 'Operations are called with POST /api/<operation>.' });
  if (!(request.headers['content-type'] ?? '').startsWith('application/json')) {
    return json(response, 415, { status: 415, code: 'unsupported_media_type', message: 'Send the input as application/json.' });
  }
  // Every call carries the CSRF header: with a session it must match the session's token;
  // without one (sign-in, first-run) its mere presence proves a same-origin script sent it.
  const presented = request.headers[CSRF_HEADER] as string | undefined;
  if (!presented || (token && !csrfMatches(token, presented))) {
    return json(response, 403, { status: 403, code: 'csrf', message: `The ${CSRF_HEADER} header is missing or does not match the session; reload the page.` });
  }

  let input: unknown;
  try {
    input = JSON.parse((await readBody(request)) || '{}');
  } catch (error) {
    const tooLarge = (error as Error).message === 'too large';
    if (tooLarge) return json(response, 413, { status: 413, code: 'too_large', message: 'The input exceeds 1 MiB.' }, { connection: 'close' });
    return json(response, 400, { status: 400, code: 'invalid_json', message: 'The body is not valid JSON.' });
  }
  const op = decodeURIComponent(path.slice('/api/'.length));
  const result = await options.core.call({ op, input, credential: token ? { kind: 'session', token } : undefined, origin: originOf(request) });
  respond(response, result, secure);
}

function respond(response: ServerResponse, result: DispatchResult, secure: boolean): void {
  const headers: Record<string, string> = {};
  if (result.session && 'set' in result.session) {
    headers['set-cookie'] = sessionCookie(result.session.set.token, secure);
    headers['x-clearline-csrf-token'] = csrfTokenFor(result.session.set.token);
  } else if (result.session) {
    headers['set-cookie'] = clearedSessionCookie(secure);
  }
  if (result.ok) json(response, 200, result.value, headers);
  else json(response, result.error.status, result.error, headers);
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY) return void chunks.push(chunk);
      // Stop keeping it, but let the rest drain so the client reads our 413 rather than a reset.
      request.off('data', onData);
      request.resume();
      chunks.length = 0;
      reject(new Error('too large'));
    };
    request.on('data', onData);
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}
