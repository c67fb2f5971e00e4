import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import type { FileDigest } from './hashing-file-writer';

/** SHA-256 and size of a file, streamed: exports of a million events are hashed in constant memory. */
export async function fileDigest(path: string): Promise<FileDigest> {
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of createReadStream(path)) {
    hash.update(chunk as Buffer);
    bytes += (chunk as Buffer).length;
  }
  return { sha256: hash.digest('hex'), bytes };
}
