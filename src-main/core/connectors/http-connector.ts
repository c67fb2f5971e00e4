import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { z } from 'zod';
import type { JsonValue } from '@shared/domain/audit';
import { connectorError, type ConnectorCall, type ConnectorOutcome, type ConnectorType } from './connector';

/**
 * Headers set by a site's configuration or by a workflow step. Credentials never travel in
 * them: they would be stored in the definition or configuration, shown and audited. They
 * come from the connector's write-only secrets (auth).
 */
const CredentialFreeHeaders = z
  .record(z.string(), z.string())
  .refine((h) => !Object.keys(h).some((name) => /^(authorization|proxy-authorization|cookie|x-api-key|api-key)$/i.test(name)), {
    message: 'credentials do not go in headers (they would be shown and audited): use auth with a secret',
  });

const Config = z
  .object({
    baseUrl: z
      .string()
      .url()
      .refine((u) => /^https?:\/\//.test(u), { message: 'must be an http:// or https:// URL' }),
    /** Hosts (host or host:port) calls may go to; anything else is refused before a byte leaves. */
    allowedHosts: z.array(z.string().min(1)).min(1, { message: 'name at least one allowed host' }),
    /** Header carrying the idempotency key (e.g. Idempotency-Key). Set it only if the other system deduplicates by it. */
    idempotencyHeader: z
      .string()
      .regex(/^[A-Za-z0-9-]+$/)
      .optional(),
    headers: CredentialFreeHeaders.default({}),
    auth: z
      .discriminatedUnion('kind', [
        z.object({ kind: z.literal('none') }).strict(),
        z.object({ kind: z.literal('bearer'), tokenSecret: z.string().min(1) }).strict(),
        z.object({ kind: z.literal('basic'), username: z.string().min(1), passwordSecret: z.string().min(1) }).strict(),
      ])
      .default({ kind: 'none' }),
    timeoutMs: z.number().int().min(100).max(600_000).default(30_000),
    /** PEM of the CA that signs the other system's certificate (a bank's private CA). */
    caCertificate: z.string().optional(),
  })
  .strict();
type Config = z.infer<typeof Config>;

const Method = z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']);
const RequestInput = z
  .object({
    method: Method.default('GET'),
    path: z.string().default('/'),
    query: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
    headers: CredentialFreeHeaders.optional(),
    body: z.unknown().optional(),
  })
  .strict();

const MAX_RESPONSE = 10 * 1024 * 1024;

/**
 * Calls an HTTP API. Transient answers (408, 429, 5xx) are retryable; a failure before the
 * request left (refused, unknown host) is a known "not done"; a timeout or a reset after
 * sending leaves the outcome unknown, which the engine resolves by idempotency key or, for
 * APIs without one, by an in-doubt incident.
 */
export const httpConnector: ConnectorType<Config> = {
  type: 'http',
  description: 'calls an HTTP/JSON API on an allowed host',
  actions: ['request', 'get', 'post', 'put', 'patch', 'delete'],
  configSchema: Config,
  secretNames: ['token', 'password'],
  idempotent: (config) => Boolean(config.idempotencyHeader),
  create: (config, secrets) => ({
    idempotent: Boolean(config.idempotencyHeader),
    execute: (call) => execute(config, secrets, call),
  }),
};

function authorization(config: Config, secrets: Readonly<Record<string, string>>): string | null {
  switch (config.auth.kind) {
    case 'none':
      return null;
    case 'bearer':
      return `Bearer ${secrets[config.auth.tokenSecret] ?? ''}`;
    case 'basic':
      return `Basic ${Buffer.from(`${config.auth.username}:${secrets[config.auth.passwordSecret] ?? ''}`).toString('base64')}`;
  }
}

async function execute(config: Config, secrets: Readonly<Record<string, string>>, call: ConnectorCall): Promise<ConnectorOutcome> {
  const parsed = RequestInput.safeParse(call.action === 'request' ? call.input : { ...(call.input as object), method: call.action.toUpperCase() });
  if (!parsed.success) return connectorError('INVALID_INPUT', `input.${parsed.error.issues[0]?.path.join('.')}: ${parsed.error.issues[0]?.message}`, false);
  const input = parsed.data;
  const url = new URL(input.path, config.baseUrl);
  for (const [k, v] of Object.entries(input.query ?? {})) url.searchParams.set(k, String(v));
  if (!config.allowedHosts.includes(url.host) && !config.allowedHosts.includes(url.hostname)) {
    return connectorError('HOST_NOT_ALLOWED', `${url.host} is not an allowed host of this connector (allowed: ${config.allowedHosts.join(', ')})`, false);
  }
  const body = input.body === undefined ? undefined : Buffer.from(JSON.stringify(input.body));
  const headers: Record<string, string> = { accept: 'application/json', ...config.headers, ...(input.headers ?? {}) };
  if (body) headers['content-type'] = 'application/json';
  if (body) headers['content-length'] = String(body.length);
  const auth = authorization(config, secrets);
  if (auth) headers.authorization = auth;
  if (config.idempotencyHeader) headers[config.idempotencyHeader] = call.idempotencyKey;

  return new Promise<ConnectorOutcome>((resolve) => {
    let sent = false;
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const request = send(
      url,
      { method: input.method, headers, timeout: config.timeoutMs, signal: call.signal, ...(config.caCertificate ? { ca: config.caCertificate } : {}) },
      (response) => readResponse(response).then(resolve, (error: Error) => resolve(connectorError('RESPONSE_UNREADABLE', error.message, true, true))),
    );
    request.on('timeout', () => request.destroy(Object.assign(new Error(`no answer within ${config.timeoutMs} ms`), { code: 'ETIMEDOUT' })));
    request.on('error', (error: NodeJS.ErrnoException) => {
      const beforeSending = !sent && ['ECONNREFUSED', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN'].includes(error.code ?? '');
      const aborted = error.name === 'AbortError' || error.code === 'ABORT_ERR';
      resolve(
        beforeSending
          ? connectorError('CONNECTION_FAILED', `${url.host}: ${error.code}`, true)
          : connectorError(aborted || error.code === 'ETIMEDOUT' ? 'TIMEOUT' : 'CONNECTION_LOST', `${url.host}: ${error.message}`, true, true),
      );
    });
    request.on('finish', () => {
      sent = true;
    });
    request.end(body);
  });
}

function readResponse(response: IncomingMessage): Promise<ConnectorOutcome> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    response.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_RESPONSE) response.destroy(new Error('the response exceeds 10 MiB'));
      else chunks.push(chunk);
    });
    response.on('error', reject);
    response.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const type = response.headers['content-type'] ?? '';
      let body: JsonValue = text;
      if (type.includes('json') && text) {
        try {
          body = JSON.parse(text) as JsonValue;
        } catch {
          body = text;
        }
      }
      const status = response.statusCode ?? 0;
      const value: JsonValue = { status, contentType: type, body };
      if (status >= 200 && status < 300) return resolve({ ok: true, value });
      const retryable = status === 408 || status === 429 || status >= 500;
      resolve(connectorError(`HTTP_${status}`, `the server answered ${status} ${response.statusMessage ?? ''}`.trim(), retryable, false, value));
    });
  });
}
