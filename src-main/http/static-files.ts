import { createReadStream } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { rendererFileHeaders, resolveRendererPath } from '../static/renderer-files';

/**
 * Serves the built renderer, resolved as the desktop's app:// protocol resolves it: only
 * files inside the renderer folder, client-side routes get index.html. Hashed assets are
 * cached for good; index.html never is, so an upgrade shows at once.
 */
export async function serveStatic(root: string, urlPath: string, response: ServerResponse): Promise<void> {
  const resolved = await resolveRendererPath(root, urlPath.split('?')[0] ?? '/');
  if (resolved.kind !== 'file') {
    const [status, text] = resolved.kind === 'refused' ? [403, 'Forbidden'] : [404, 'Not found'];
    response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' }).end(text);
    return;
  }
  response.writeHead(200, rendererFileHeaders(resolved.path));
  createReadStream(resolved.path).pipe(response);
}
